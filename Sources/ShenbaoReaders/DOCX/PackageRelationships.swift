import Foundation
import ShenbaoModel
import ShenbaoSupport

/// The relationships of one OPC part (or of the package), read from its `_rels/*.rels` part.
struct PackageRelationships {
    /// One relationship: its type URI and its target as written (relative to `directory`).
    package struct Relationship {
        package var type: String
        package var target: String
    }

    package var relationships: [Relationship] = []
    /// The folder of the part whose relationships these are: targets are resolved against it when asked for
    /// (a reader asks for two or three of a dozen).
    private var directory = ""

    /// Reads the relationships of the part `partName` ("" for the package itself). A missing or
    /// unreadable rels part yields no relationships: callers fall back to the conventional names.
    package init(of partName: String, in archive: ZipArchive) throws(ReadError) {
        directory = Self.directory(of: partName)
        let file = String(partName.split(separator: "/").last ?? "")
        let relsName = directory.isEmpty ? "_rels/\(file).rels" : "\(directory)/_rels/\(file).rels"
        guard let bytes = try archive.read(relsName) else { return }
        // A damaged rels part is not fatal; the main document may still be found by its usual name.
        guard let xml = try? XMLTree.parse(bytes, partName: relsName), let root = xml.root else { return }
        defer { withExtendedLifetime(xml) {} }
        for element in root.children where element.hasName("Relationship") {
            guard element.attribute("TargetMode") != "External",
                  let type = element.attribute("Type"), let target = element.attribute("Target") else { continue }
            relationships.append(Relationship(type: type, target: target))
        }
    }

    /// The part name of the target of the first relationship whose type URI ends with `/suffix` (transitional
    /// and strict type URIs differ only before the last segment).
    package func target(ofTypeEndingWith suffix: String) -> String? {
        relationships.first { $0.type.hasSuffix("/" + suffix) }.map { Self.resolve($0.target, from: directory) }
    }

    /// The folder of a part name ("word/document.xml" → "word").
    package static func directory(of partName: String) -> String {
        guard let slash = partName.lastIndex(of: "/") else { return "" }
        return String(partName[..<slash])
    }

    /// Resolves a relationship target against the source part's folder into a zip entry name.
    static func resolve(_ target: String, from directory: String) -> String {
        // (Foundation's percent decoding is most of the cost of a read of the relationships; few targets need it.)
        let decoded = target.utf8.contains(UInt8(ascii: "%")) ? target.removingPercentEncoding ?? target : target
        var segments: [Substring] = decoded.hasPrefix("/") ? [] : directory.splittingCharacters(at: UInt8(ascii: "/"))
        for segment in decoded.splittingCharacters(at: UInt8(ascii: "/")) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}
