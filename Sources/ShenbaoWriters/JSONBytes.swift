import ShenbaoModel

/// UTF-8 bytes of a JSON text being written by hand, strings escaped and integers spelt as `JSONEncoder` (keys
/// sorted, slashes unescaped) writes them: the record lines of `extract --format json` and the desk's inbox API,
/// where the encoder cost more than the rest of the work. Their tests hold them to the encoder's bytes.
package struct JSONBytes {
    /// The text so far.
    package private(set) var bytes: [UInt8] = []
    /// Whether the next `member` follows another in its object (and so needs a comma before it).
    private var followsMember = false

    package init(reserving capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Bytes that need no escaping (punctuation and keys).
    package mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// ASCII text that needs no escaping and no quotes (a number's spelling).
    package mutating func append(unquoted text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// JSON text made elsewhere, as it is.
    package mutating func append(bytes more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// An integer in decimal, as `JSONEncoder` writes it: its digits, last first, then turned round in place.
    package mutating func integer(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var magnitude = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// `[`, each element as `element` writes it, commas between them, `]`.
    package mutating func array<Elements: Sequence>(_ elements: Elements, element: (Elements.Element, inout JSONBytes) -> Void) {
        append("[")
        var first = true
        for item in elements {
            if !first { append(",") }
            first = false
            element(item, &self)
        }
        append("]")
    }

    /// `{`: an object's members follow, written by `member`, each key in sorted order.
    package mutating func beginObject() {
        append("{")
        followsMember = false
    }

    /// `}`: the object ends; it was a member's value, or the value of an array's element.
    package mutating func endObject() {
        append("}")
        followsMember = true
    }

    /// `"name":`, after a comma unless it is its object's first member; the value is written next.
    package mutating func key(_ name: StaticString) {
        if followsMember { append(",") }
        followsMember = true
        append("\"")
        append(name)
        append("\":")
    }

    /// A string member; none when `value` is nil (as the encoder leaves out a nil optional).
    package mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// An integer member; none when `value` is nil.
    package mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    /// A `true` or `false` member.
    package mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        append(value ? "true" : "false")
    }

    /// `text` quoted: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`, everything
    /// else (slashes, non-ASCII) as it is.
    package mutating func string(_ text: String) {
        bytes.append(0x22)
        text.withUTF8Bytes { utf8 in
            // Runs that need no escaping (nearly all of a text) are copied whole.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }

    /// A byte `string` escapes: a quote, a backslash or a control character.
    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        default:
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(Self.hex[Int(byte >> 4)])
            bytes.append(Self.hex[Int(byte & 0xF)])
        }
    }

    /// The text as a string.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    private static let hex = Array("0123456789abcdef".utf8)
}
