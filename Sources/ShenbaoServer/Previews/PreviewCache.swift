import Foundation

/// Previews already made, by the content of their file: `DIR/previews/<first two hex digits>/<sha256>-<name>`
/// (`page-3.png`, `outline.json`, `text.json`), so a second view needs no worker. Written to a temporary
/// file in the same folder and renamed, so a reader never sees half a file; a crash leaves at most a
/// `.tmp-` file, removed when the desk starts.
struct PreviewCache: Sendable {
    let root: String

    init(root: String) {
        self.root = root
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
            let path = "\(root)/\(folder)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(".tmp-") {
                try? FileManager.default.removeItem(atPath: "\(path)/\(name)")
            }
        }
    }

    func path(_ sha256: String, _ name: String) -> String? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
              !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        return "\(root)/\(sha256.prefix(2))/\(sha256)-\(name)"
    }

    func data(_ sha256: String, _ name: String) -> Data? {
        path(sha256, name).flatMap { FileManager.default.contents(atPath: $0) }
    }

    /// Stores `data`; a failure only means the next view renders again.
    func store(_ data: Data, _ sha256: String, _ name: String) {
        guard let final = path(sha256, name) else { return }
        let folder = (final as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(folder)/.tmp-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, final) != 0 { unlink(temporary) }
    }
}
