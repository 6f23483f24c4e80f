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
        // The three lists written in place, side by side (a key is never longer than its text).
        var complete = true
        var written = 0
        var sourceStart: [Int] = []
        var sourceEnd: [Int] = []
        let key = [UInt8](unsafeUninitializedCapacity: bytes.count) { keyOut, keyCount in
            sourceStart = [Int](unsafeUninitializedCapacity: bytes.count) { startOut, startCount in
                sourceEnd = [Int](unsafeUninitializedCapacity: bytes.count) { endOut, endCount in
                    complete = LabelKeyBytes.forEachKeyByte(of: bytes, accepting: LabelKeyBytes.isByteComparable) { byte, start, end in
                        keyOut[written] = byte
                        startOut[written] = start
                        endOut[written] = end
                        written += 1
                    }
                    if !complete { written = 0 }
                    endCount = written
                }
                startCount = written
            }
            keyCount = written
        }
        return complete ? (key, sourceStart, sourceEnd) : nil
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
