import Foundation

/// Reads a file into the neutral `Document`, choosing the reader by the file's first bytes
/// (not its name), so a `.docx` that is really a PDF, a legacy `.doc` or junk is told apart.
public enum DocumentReader {
    /// Reads the file at `path`. Throws `ReadError` with a Chinese message; never traps.
    public static func read(path: String) throws(ReadError) -> Document {
        let head = try FileSniffer.firstBytes(of: path, count: 8)
        switch FileSniffer.kind(of: head) {
        case .zip:
            return try DOCXReader.read(path: path)
        case .pdf:
            return try PDFReader.read(path: path)
        case .ole:
            throw ReadError.unsupported(
                "这是旧版 Word（.doc）或加密（设置了密码）的 Word 文件，无法读取；请取消密码并另存为 .docx 后重新提交")
        case .empty:
            throw ReadError.damaged("文件为空（0 字节）")
        case .other:
            throw ReadError.notThisFormat("不是 Word（.docx）或 PDF 文件")
        }
    }
}

/// Tells file kinds apart by their magic bytes.
enum FileSniffer {
    enum Kind { case zip, pdf, ole, empty, other }

    static func firstBytes(of path: String, count: Int) throws(ReadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ReadError.unreadable(isDirectory.boolValue ? "这是一个文件夹，不是文件" : "没有读取权限")
            }
            throw ReadError.unreadable("文件不存在")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: count)) ?? Data()
        return [UInt8](data)
    }

    static func kind(of head: [UInt8]) -> Kind {
        if head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        return .other
    }
}
