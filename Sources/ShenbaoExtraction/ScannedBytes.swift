import ShenbaoModel

/// `ScannedText` on UTF-8 bytes: a text's label key and, for each key byte, the bytes of the text it
/// comes from. Exists only for text whose every scalar is a character of its own that compares equal to
/// no other (`LabelKeyBytes.isByteComparable`), where a match of key bytes is a match of key characters.
struct ScannedBytes {
    /// The text's UTF-8 bytes.
    private(set) var text: [UInt8]
    /// The label key's UTF-8 bytes.
    private(set) var key: [UInt8]
    /// For each key byte, where its scalar starts in `text`.
    private(set) var sourceStart: [Int]
    /// For each key byte, where its scalar ends in `text`.
    private(set) var sourceEnd: [Int]

    /// The scanned bytes, or nil when the text needs the character-level `ScannedText`.
    init?(_ text: [UInt8]) {
        guard let scanned = text.withUnsafeBufferPointer({ Self.scan($0) }) else { return nil }
        self.text = text
        (key, sourceStart, sourceEnd) = scanned
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (key: [UInt8], start: [Int], end: [Int])? {
        var key: [UInt8] = []
        var sourceStart: [Int] = []
        var sourceEnd: [Int] = []
        key.reserveCapacity(bytes.count)
        sourceStart.reserveCapacity(bytes.count)
        sourceEnd.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let (scalar, length) = LabelKeyBytes.scalar(in: bytes, at: index),
                  LabelKeyBytes.isByteComparable(scalar) else { return nil }
            let end = index + length
            switch LabelKeyBytes.keyScalar(for: scalar) {
            case .drop:
                break
            case .ascii(let byte):
                key.append(byte)
                sourceStart.append(index)
                sourceEnd.append(end)
            case .same:
                for offset in index..<end {
                    key.append(bytes[offset])
                    sourceStart.append(index)
                    sourceEnd.append(end)
                }
            }
            index = end
        }
        return (key, sourceStart, sourceEnd)
    }

    /// Cuts out of the text what the key bytes `keyRange` come from (whole scalars, and whatever the key drops
    /// between them): the same as scanning the shortened text anew, since each scalar's key depends on it alone.
    mutating func removeText(underKey keyRange: Range<Int>) {
        guard !keyRange.isEmpty else { return }
        let textRange = sourceStart[keyRange.lowerBound]..<sourceEnd[keyRange.upperBound - 1]
        text.removeSubrange(textRange)
        key.removeSubrange(keyRange)
        sourceStart.removeSubrange(keyRange)
        sourceEnd.removeSubrange(keyRange)
        for index in keyRange.lowerBound..<sourceStart.count {
            sourceStart[index] -= textRange.count
            sourceEnd[index] -= textRange.count
        }
    }

    /// Where `needle` first occurs in the key (always on a scalar boundary: both are valid UTF-8).
    func firstKeyOffset(of needle: [UInt8]) -> Int? {
        guard !needle.isEmpty else { return nil }
        return key.withUnsafeBufferPointer { key in needle.withUnsafeBufferPointer { firstOffset(of: $0, in: key) } }
    }
}
