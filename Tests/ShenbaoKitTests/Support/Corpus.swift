import Foundation

/// Locates the shared public corpus: `../shared/corpus/public` beside the package root (found by
/// walking up from this file to `Package.swift`), else `/work/shared/corpus/public`.
enum Corpus {
    static let root: String? = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var candidates: [URL] = []
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                candidates.append(url.deletingLastPathComponent().appendingPathComponent("shared/corpus/public"))
                break
            }
            url = url.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/work/shared/corpus/public"))
        return candidates.map(\.path).first { FileManager.default.fileExists(atPath: $0 + "/manifest.tsv") }
    }()

    static var available: Bool { root != nil }

    /// The absolute path of a corpus file.
    static func path(_ relative: String) -> String {
        (root ?? "/nonexistent") + "/" + relative
    }
}
