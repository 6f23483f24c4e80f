import Foundation

/// The styles part last scanned in this process and what it read as. Books filled in from one template
/// carry the same styles part byte for byte (hundreds of KiB in python-docx's), so a worker going through
/// a batch scans it once; any other bytes are scanned as usual and become the remembered part.
final class StyleSheetCache: @unchecked Sendable {
    static let shared = StyleSheetCache()

    private let lock = NSLock()
    private var last: (bytes: [UInt8], styles: StyleSheet)?

    /// `StyleSheet(scanning:)` of `bytes`, scanned only when they differ from the last part scanned.
    func styles(scanning bytes: [UInt8]) -> StyleSheet? {
        if let hit = lock.withLock({ last.flatMap { Self.same($0.bytes, bytes) ? $0.styles : nil } }) { return hit }
        guard let styles = StyleSheet(scanning: bytes) else { return nil }
        lock.withLock { last = (bytes, styles) }
        return styles
    }

    /// Whether two byte arrays are equal, compared with `memcmp`.
    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && (a.isEmpty || a.withUnsafeBytes { a in b.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } })
    }
}
