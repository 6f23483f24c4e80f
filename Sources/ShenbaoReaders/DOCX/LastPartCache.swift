import Foundation
import ShenbaoSupport

/// The supporting part (styles, numbering) last read in this process and what it read as, keyed by the
/// entry exactly as stored in the zip (`ZipArchive.storedEntry`). Books filled in from one template carry
/// the same parts byte for byte (a 350 KiB styles part is normal), so a worker going through a batch
/// inflates and reads each once; a part stored differently is read as usual and becomes the remembered one.
/// Equal stored bytes inflate to equal content, so a hit is never a guess.
final class LastPartCache<Part>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (stored: [UInt8], part: Part)?

    /// What the part stored as `stored` read as last time, if it is the one remembered.
    func part(storedAs stored: [UInt8]?) -> Part? {
        guard let stored else { return nil }
        return lock.withLock { last.flatMap { Self.same($0.stored, stored) ? $0.part : nil } }
    }

    /// Remembers what the part stored as `stored` read as (nothing when it was not stored in a way to compare).
    func remember(_ part: Part, storedAs stored: [UInt8]?) {
        guard let stored else { return }
        lock.withLock { last = (stored, part) }
    }

    /// Whether two byte arrays are equal, compared with `memcmp`.
    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && (a.isEmpty || a.withUnsafeBytes { a in b.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } })
    }
}
