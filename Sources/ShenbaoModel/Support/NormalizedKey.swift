import Foundation

/// A label key (`String.labelKey`) hashed and compared by the UTF-8 bytes of its NFC form: equal exactly
/// when the two strings are, without the cost of Swift's string equality.
///
/// Swift hashes a non-ASCII string, and compares two different ones, by normalising them as it goes: for
/// a Chinese key that is a pass through Unicode's tables on every look-up. A key made only of characters
/// with a single spelling (`LabelKeyBytes.isByteComparable`: the Chinese, Latin and symbols of a form) is
/// its own NFC form, so its bytes are compared as they are; any other key (a compatibility ideograph, a
/// combining accent) is brought to NFC once, here.
package struct NormalizedKey: Hashable, Sendable {
    /// The key as it was given.
    package let text: String
    /// `text` in NFC (the same string when it already is).
    @usableFromInline let normalized: String
    /// The hash of `normalized`'s bytes, worked out once: most keys compared differ, and differ here.
    @usableFromInline let hashCode: Int

    package init(_ key: String) {
        text = key
        let normalized = key.isByteComparable ? key : key.precomposedStringWithCanonicalMapping
        var hasher = Hasher()
        normalized.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.normalized = normalized
        hashCode = hasher.finalize()
    }

    package var isEmpty: Bool { text.isEmpty }

    /// (Inlinable: most comparisons end at the hash codes, and a call through the protocol costs more.)
    @inlinable package static func == (a: NormalizedKey, b: NormalizedKey) -> Bool {
        guard a.hashCode == b.hashCode else { return false }
        return a.normalized.withUTF8Bytes { x in
            b.normalized.withUTF8Bytes { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    @inlinable package func hash(into hasher: inout Hasher) {
        hasher.combine(hashCode)
    }

    /// Whether `keys` hold this key: hash codes compared in place (`contains` copies each key, two strings, to
    /// compare it).
    @inlinable package func isIn(_ keys: [NormalizedKey]) -> Bool {
        keys.withUnsafeBufferPointer { keys in
            for index in keys.indices where keys[index].hashCode == hashCode && keys[index] == self { return true }
            return false
        }
    }
}
