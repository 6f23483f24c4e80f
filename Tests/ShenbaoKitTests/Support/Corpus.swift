import Foundation

/// Locates the shared public corpus: `corpus/public` in the shared folder beside the checkout.
enum Corpus {
    static let root: String? = {
        let candidate = (sharedDirectory() ?? "/work/shared") + "/corpus/public"
        return FileManager.default.fileExists(atPath: candidate + "/manifest.tsv") ? candidate : nil
    }()

    static var available: Bool { root != nil }

    /// The absolute path of a corpus file.
    static func path(_ relative: String) -> String {
        (root ?? "/nonexistent") + "/" + relative
    }
}
