import Foundation

/// Makes an entry whose name is `name` as raw bytes (which need not be UTF-8, as a GBK name unpacked from a zip
/// made on Windows; it may hold a `/` to reach into such a folder) in `folder`: a folder, or, with `copying`, a
/// copy of that file. Returns the entry's path with U+FFFD for each byte that is not UTF-8, as the program sees it.
@discardableResult
public func makeEntry(named name: [UInt8], in folder: String, copying file: String? = nil) throws -> String {
    let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name
    let made = (path + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { cPath -> Bool in
            guard let file else { return mkdir(cPath.baseAddress!, 0o755) == 0 }
            guard let bytes = FileManager.default.contents(atPath: file) else { return false }
            let descriptor = open(cPath.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) } == bytes.count
        }
    }
    guard made else { throw CocoaError(.fileWriteUnknown) }
    return String(decoding: path, as: UTF8.self)
}

/// Names in GBK bytes, as a zip packed on Windows gives them: 「乙」 and 「十堰蓝海申报书.docx」.
public enum GBKNames {
    public static let 乙: [UInt8] = [0xD2, 0xD2]
    public static let 十堰蓝海申报书: [UInt8] = [0xCA, 0xAE, 0xD1, 0xDF, 0xC0, 0xB6, 0xBA, 0xA3, 0xC9, 0xEA, 0xB1, 0xA8, 0xCA, 0xE9]
        + Array(".docx".utf8)
}
