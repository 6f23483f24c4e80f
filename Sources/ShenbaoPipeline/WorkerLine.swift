import ShenbaoModel

/// How an input travels to a worker as one line: a backslash, a line feed and a carriage return inside it are
/// written `\\`, `\n` and `\r`, and read back so. A file name may hold any of them (`甲⏎乙.docx` is a legal
/// name); sent as it is, it would split into two inputs, or lose a trailing `\r` to the line's own ending.
enum WorkerLine {
    /// `input` with its line breaks and backslashes escaped; itself when it holds none.
    static func escaped(_ input: String) -> String {
        guard input.containsByte(0x5C) || input.containsByte(0x0A) || input.containsByte(0x0D) else { return input }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.utf8.count + 8)
        for byte in input.utf8 {
            switch byte {
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The input `escaped` wrote; a backslash before anything else is kept as it is.
    static func unescaped(_ line: String) -> String {
        guard line.containsByte(0x5C) else { return line }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        var escaping = false
        for byte in line.utf8 {
            if escaping {
                switch byte {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case 0x5C: bytes.append(0x5C)
                default: bytes += [0x5C, byte]
                }
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                bytes.append(byte)
            }
        }
        if escaping { bytes.append(0x5C) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
