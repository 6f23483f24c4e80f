import Foundation

/// JPEG helpers: dimensions from the frame header; padding with APP15 segments (a valid, bigger JPEG).
public enum JPEG {
    public static func dimensions(_ data: Data) -> (width: Int, height: Int, components: Int)? {
        let bytes = [UInt8](data)
        var i = 2
        while i + 9 < bytes.count {
            guard bytes[i] == 0xFF else { return nil }
            let marker = bytes[i + 1]
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (Int(bytes[i + 7]) << 8 | Int(bytes[i + 8]), Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]), Int(bytes[i + 9]))
            }
            i += 2 + length
        }
        return nil
    }

    public static func padded(_ jpeg: Data, toAtLeast size: Int) -> Data {
        var out = Data(jpeg.prefix(2))
        let chunk = 65_533
        while out.count + jpeg.count < size {
            out += Data([0xFF, 0xEF, UInt8((chunk + 2) >> 8), UInt8((chunk + 2) & 0xFF)])
            out += Data(repeating: 0x20, count: chunk)
        }
        return out + jpeg.dropFirst(2)
    }
}
