import Foundation
import ShenbaoSpec

/// The extractor of each call a process has read a book of, made on first use; safe to share between threads.
final class ExtractorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var extractors: [String: Extractor] = [:]

    /// The extractor of `spec`'s call (made now if this is its first book).
    func extractor(for spec: CallSpec) -> Extractor {
        lock.withLock {
            if let made = extractors[spec.id] { return made }
            let made = Extractor(spec: spec)
            extractors[spec.id] = made
            return made
        }
    }
}
