import Foundation
#if canImport(Glibc)
import Glibc
import ShenbaoModel
import ShenbaoSupport
#endif

/// A cheap look at a PDF's raw bytes before poppler opens it, for decompression bombs: a stream whose
/// decoded picture would be absurdly large. poppler decodes such a stream in full wherever it meets it —
/// `bomb_giant.pdf` (pdf.js corpus) has three 40 KB JBIG2 streams of 100000 × 100000 pixels (1.16 GiB
/// each) as page content, which took the text extraction past the 60 s time limit.
///
/// Two things are read, both written in clear in every PDF (stream dictionaries are never compressed):
/// - a JBIG2 stream's own segment headers (page information and region segments give their size in
///   pixels, in the first bytes of the stream), whatever object the stream is;
/// - an image XObject's `/Width` and `/Height`.
/// Anything over `maximumPixels` is refused. A 600 dpi scan of an A3 page has 70 million pixels.
enum PDFBombCheck {
    static let maximumPixels = 500_000_000

    /// What was found too big: the kind of stream and its size in pixels.
    package struct Finding: Equatable {
        package var kind: String
        package var width: Int
        package var height: Int
    }

    /// Throws `.limitExceeded` when the file at `path` holds a stream that would decode to too many pixels.
    /// A file that cannot be read here is left to poppler to report.
    package static func check(path: String) throws(ReadError) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
              let found = oversized(in: data) else { return }
        let gib = Double(found.width) * Double(found.height) / 8 / 1_073_741_824
        let size = gib >= 1 ? String(format: "%.1f GB", gib) : String(format: "%.0f MB", gib * 1024)
        throw ReadError.limitExceeded(
            "PDF 文件中有一幅\(found.kind)图像解压后达 \(found.width)×\(found.height) 像素（至少约 \(size)），"
            + "超过 \(maximumPixels / 100_000_000) 亿像素的上限，疑似恶意构造的文件（解压炸弹）；请从原始文件重新导出 PDF 后提交")
    }

    /// The first stream of `data` that would decode to more than `maximumPixels`, if any.
    package static func oversized(in data: Data) -> Finding? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Finding? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.baseAddress != nil, !bytes.isEmpty else { return nil }
            // Stream data of an encrypted file is ciphertext: only the dictionaries can be read then.
            let encrypt = Array("/Encrypt".utf8)
            let encrypted = find(encrypt, in: bytes, from: 0) != nil
            let keyword = Array("stream".utf8)
            var position = 0
            var previousEnd = 0
            while position < bytes.count {
                guard let start = find(keyword, in: bytes, from: position) else { break }
                position = start + keyword.count
                // `endstream`, or a word that merely ends in "stream".
                if start >= 3, bytes[start - 3] == UInt8(ascii: "e"), bytes[start - 2] == UInt8(ascii: "n"), bytes[start - 1] == UInt8(ascii: "d") {
                    previousEnd = position
                    continue
                }
                // The stream's dictionary: back to the previous `endstream` or at most 4 KB.
                let from = max(previousEnd, start - 4096)
                let dictionary = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<start]), as: UTF8.self)
                guard dictionary.hasSuffix(">>") || dictionaryEnd.matches(dictionary) else { continue }
                // The data begins after the end-of-line that follows the keyword.
                var dataStart = position
                if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
                if dataStart < bytes.count, bytes[dataStart] == 0x0A { dataStart += 1 }
                if let found = check(dictionary: dictionary, data: UnsafeBufferPointer(rebasing: bytes[(encrypted ? bytes.count : dataStart)...])) {
                    return found
                }
            }
            return nil
        }
    }

    /// The offset of the next `needle` at or after `from` (memchr for its first byte, then a comparison).
    package static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var position = from
        while position + needle.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position - needle.count + 1) else { return nil }
            let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + start, needle, needle.count) == 0 { return start }
            position = start + 1
        }
        return nil
    }

    /// One stream, given the text before its `stream` keyword (which ends with its dictionary) and its data.
    package static func check(dictionary text: String, data: UnsafeBufferPointer<UInt8>) -> Finding? {
        // The last `<<` that opens the outermost dictionary is enough: the keys looked for are plain.
        let dictionary = text.range(of: " obj", options: .backwards).map { String(text[$0.upperBound...]) } ?? text
        let compact = whitespace.replacingMatches(in: dictionary, with: "")
        let filters = filterNames(compact)
        if filters.first == "JBIG2Decode", let size = JBIG2Header.largestRegion(data.prefix(1 << 20)),
           pixels(size.width, size.height) > maximumPixels {
            return Finding(kind: " JBIG2 ", width: size.width, height: size.height)
        }
        if compact.contains("/Subtype/Image"),
           let width = integer(after: "/Width", in: compact), let height = integer(after: "/Height", in: compact),
           pixels(width, height) > maximumPixels {
            return Finding(kind: "", width: width, height: height)
        }
        return nil
    }

    /// A dictionary's closing `>>` with nothing but whitespace after it.
    private static let dictionaryEnd = TextPattern(#">>\s*$"#)
    private static let whitespace = TextPattern(#"\s+"#)
    /// A direct integer value after a key: digits, not those of an indirect reference (`12 0 R`, compacted `120R`).
    private static let directInteger = #"\d+(?![\dR])"#
    /// `directInteger` after each key `check` looks up.
    private static let directIntegers = Dictionary(uniqueKeysWithValues: ["/Width", "/Height"].map { ($0, TextPattern($0 + directInteger)) })

    /// width × height, saturating instead of overflowing.
    package static func pixels(_ width: Int, _ height: Int) -> Int {
        let (product, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow ? Int.max : product
    }

    /// The names of `/Filter /X` or `/Filter [/X /Y]`, in order.
    static func filterNames(_ compact: String) -> [String] {
        guard let key = compact.range(of: "/Filter") else { return [] }
        var rest = compact[key.upperBound...]
        if rest.hasPrefix("[") {
            rest = rest.dropFirst().prefix { $0 != "]" }
            return rest.split(separator: "/").map(String.init)
        }
        guard rest.hasPrefix("/") else { return [] }
        return [String(rest.dropFirst().prefix { $0.isLetter || $0.isNumber })]
    }

    /// A direct integer after `key` (`/Width 100` → 100); nil for an indirect or missing value.
    package static func integer(after key: String, in compact: String) -> Int? {
        guard let range = (directIntegers[key] ?? TextPattern(key + directInteger)).firstMatch(in: compact) else { return nil }
        return Int(compact[range].dropFirst(key.count).prefix(18))
    }
}

/// The segment headers at the start of an embedded JBIG2 stream (ITU T.88 §7.2, no file header in PDF).
enum JBIG2Header {
    /// Segment types whose data starts with a region segment information field (width, height).
    static let regionTypes: Set<UInt8> = [4, 6, 7, 20, 22, 23, 36, 38, 39, 40, 42, 43]
    static let pageInformation: UInt8 = 48

    /// The largest page or region the first segments announce, or nil when none is readable.
    static func largestRegion(_ data: Slice<UnsafeBufferPointer<UInt8>>) -> (width: Int, height: Int)? {
        let bytes = Array(data)
        var offset = 0
        var largest: (width: Int, height: Int)?
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            return Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        for _ in 0..<64 {
            guard let number = u32(offset), offset + 6 <= bytes.count else { break }
            let flags = bytes[offset + 4]
            let type = flags & 0x3F
            var cursor = offset + 5
            var referred = Int(bytes[cursor] >> 5)
            if referred == 7 {
                guard let long = u32(cursor) else { break }
                referred = long & 0x1FFF_FFFF
                guard referred < 1 << 16 else { break }
                cursor += 4 + (referred + 1 + 7) / 8
            } else {
                cursor += 1
            }
            cursor += referred * (number <= 256 ? 1 : number <= 65536 ? 2 : 4)
            cursor += flags & 0x40 != 0 ? 4 : 1
            guard let length = u32(cursor) else { break }
            cursor += 4
            if type == pageInformation || regionTypes.contains(type), let width = u32(cursor), var height = u32(cursor + 4) {
                if height == 0xFFFF_FFFF { height = 0 }  // a striped page of unknown height: its regions tell
                if PDFBombCheck.pixels(width, height) > (largest.map { PDFBombCheck.pixels($0.width, $0.height) } ?? -1) {
                    largest = (width, height)
                }
            }
            guard length != 0xFFFF_FFFF else { break }
            offset = cursor + length
        }
        return largest
    }
}
