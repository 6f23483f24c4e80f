/// `String.labelKey` on UTF-8 bytes: one pass, one allocation, no grapheme breaking.
///
/// Exact only where every scalar is a character of its own, so a scalar outside the ranges known to
/// never join a neighbour (combining marks, joiners, Hangul jamo, emoji modifiers…) gives up, and the
/// caller works character by character instead.
package enum LabelKeyBytes {
    /// The label key of a string's UTF-8 bytes, or nil when the text needs the character-level path.
    package static func key(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var complete = true
        guard !bytes.isEmpty else { return "" }
        let key = String(unsafeUninitializedCapacity: bytes.count) { out in
            guard let written = write(bytes, to: out.baseAddress!) else {
                complete = false
                return 0
            }
            return written
        }
        return complete ? key : nil
    }

    /// Whether the bytes are their own label key: ASCII other than white space, colons and square brackets, and
    /// U+4000–U+9FFF (most of a Chinese form's labels and values). False when that is not sure.
    package static func isOwnKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                switch lead {
                case 0x3A, 0x09...0x0D, 0x20, 0x5B, 0x5D: return false
                default: index += 1
                }
            } else if (0xE4...0xE9).contains(lead), index + 3 <= bytes.count {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// Writes the label key of `bytes` at `out` (room for `bytes.count` bytes: a key is never longer than its
    /// text); how many bytes it wrote, or nil when the text needs the character-level path.
    package static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        var written = 0
        let complete = forEachKeyByte(of: bytes, accepting: isOwnCharacter) { byte, _, _ in
            out[written] = byte
            written += 1
        }
        return complete ? written : nil
    }

    /// Walks the label key of `bytes`: `emit` gets each key byte with where the scalar it comes from starts and
    /// ends in `bytes`. False, having stopped, at a scalar `accepts` refuses (the text then needs the character-level
    /// path). ASCII and U+4000–U+9FFF, most of a form, take fast paths with the rule of `keyScalar` spelt out for
    /// them; both are accepted by `isOwnCharacter` and by `isByteComparable`.
    @inlinable @inline(__always)
    package static func forEachKeyByte(of bytes: UnsafeBufferPointer<UInt8>, accepting accepts: (Unicode.Scalar) -> Bool,
                                       _ emit: (_ byte: UInt8, _ start: Int, _ end: Int) -> Void) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                switch lead {
                case 0x3A, 0x09...0x0D, 0x20: break
                case 0x5B: emit(0x28, index, index + 1)
                case 0x5D: emit(0x29, index, index + 1)
                default: emit(lead, index, index + 1)
                }
                index += 1
                continue
            }
            if (0xE4...0xE9).contains(lead), index + 3 <= bytes.count {
                // Ideographs, characters of their own, kept as they are.
                emit(lead, index, index + 3)
                emit(bytes[index + 1], index, index + 3)
                emit(bytes[index + 2], index, index + 3)
                index += 3
                continue
            }
            guard let (scalar, length) = scalar(in: bytes, at: index), accepts(scalar) else { return false }
            switch keyScalar(for: scalar) {
            case .drop: break
            case .ascii(let byte): emit(byte, index, index + length)
            case .same: for offset in index..<index + length { emit(bytes[offset], index, index + length) }
            }
            index += length
        }
        return true
    }

    /// What one scalar becomes in a label key.
    package enum KeyScalar: Equatable {
        /// Left out (whitespace, colons).
        case drop
        /// Replaced by an ASCII character (folded full-width forms, unified brackets).
        case ascii(UInt8)
        /// Kept as it is.
        case same
    }

    /// The key rule for one scalar: full-width ASCII folded, whitespace and colons dropped, `【〔[` → `(`
    /// and `】〕]` → `)`.
    package static func keyScalar(for scalar: Unicode.Scalar) -> KeyScalar {
        var value = scalar.value
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        switch value {
        case 0x3A: return .drop
        case 0x5B, 0x3010, 0x3014: return .ascii(0x28)
        case 0x5D, 0x3011, 0x3015: return .ascii(0x29)
        case _ where isWhitespace(value): return .drop
        case 0..<0x80: return .ascii(UInt8(value))
        default: return .same
        }
    }

    /// Unicode's White_Space property (what `Character.isWhitespace` asks of a one-scalar character).
    package static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Scalars that are always a character of their own, whatever stands beside them: ASCII, Latin,
    /// general punctuation and symbols (check boxes, ticks), CJK punctuation, kana and ideographs, the
    /// private-use symbol-font range and the half/full-width forms; never a combining or joining scalar.
    package static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2000..<0x200B, 0x2010..<0x2060, 0x2070..<0x20D0, 0x2100..<0x2C00,
             0x3000..<0x302A, 0x3030..<0x3099, 0x309B..<0xA000, 0xF000..<0xF100, 0xFF00..<0xFF9E, 0xFFA0..<0xFFF0,
             0x20000..<0x30000:
            return true
        default:
            return false
        }
    }

    /// Own characters whose bytes are their only spelling: no other character is canonically equivalent
    /// to them (the two wide spaces, the letterlike and angle-bracket singletons, the CJK compatibility
    /// ideographs and U+2ADC, which NFC decomposes, are), so comparing their bytes compares them as
    /// characters. Each is its own NFC form, and no two of them compose.
    package static func isByteComparable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC, 0x2F800...0x2FA1F: return false
        default: return isOwnCharacter(scalar)
        }
    }

    /// `isByteComparable` of every scalar of (valid) UTF-8 bytes, with ASCII and U+4000–U+9FFF taken on the bytes.
    package static func isByteComparable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if (0xE4...0xE9).contains(lead), index + 3 <= bytes.count {
                index += 3
            } else {
                guard let (scalar, length) = scalar(in: bytes, at: index), isByteComparable(scalar) else { return false }
                index += length
            }
        }
        return true
    }

    /// The scalar starting at `index` of (valid, as every Swift string's) UTF-8 bytes, and its length in bytes.
    package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return decode(bytes, at: index, length: length).map { ($0, length) }
    }

    /// The scalar of a (valid, as every Swift string's) UTF-8 sequence.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar? {
        guard index + length <= bytes.count else { return nil }
        var value: UInt32
        switch length {
        case 1: return Unicode.Scalar(bytes[index])
        case 2: value = UInt32(bytes[index] & 0x1F)
        case 3: value = UInt32(bytes[index] & 0x0F)
        default: value = UInt32(bytes[index] & 0x07)
        }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
