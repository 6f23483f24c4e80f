import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Reads a file into the neutral `Document`, choosing the reader by the file's first bytes
/// (not its name), so a `.docx` that is really a PDF, a legacy `.doc` or junk is told apart. Legacy
/// `.doc` / `.wps` files (OLE compound files) are converted by LibreOffice when it is installed.
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
            return try readCompoundFile(path: path)
        case .empty:
            throw ReadError.damaged("文件为空（0 字节）")
        case .other:
            throw ReadError.notThisFormat("不是 Word（.docx）或 PDF 文件")
        }
    }

    /// An OLE compound file: a legacy Word / WPS document is converted by LibreOffice (see
    /// `LegacyWordConverter`); a password-protected one is refused before any program sees it.
    private static func readCompoundFile(path: String) throws(ReadError) -> Document {
        let named = (path as NSString).pathExtension.lowercased()
        guard let file = CompoundFile(path: path) else {
            throw ReadError.unsupported(
                "这是旧版 Word（.doc）或加密（设置了密码）的 Word 文件，且文件结构无法识别（可能已损坏），无法读取；请取消密码并另存为 .docx 后重新提交")
        }
        switch file.content {
        case .encryptedOOXML:
            throw ReadError.encrypted("文件设置了密码（加密的 Word 文件），无法读取；请取消密码并另存为 .docx 后重新提交")
        case .encryptedWordBinary:
            throw ReadError.encrypted(
                "这是设置了密码的\(named == "wps" ? "WPS 文字（.wps）" : "旧版 Word（.doc）")文件，无法读取；请取消密码并另存为 .docx 后重新提交")
        case .wordBinary:
            return try LegacyWordConverter.read(path: path, kind: named == "wps" ? .wps : .doc)
        case .works where named == "wps":
            return try LegacyWordConverter.read(path: path, kind: .works)
        case .excel:
            throw ReadError.notThisFormat("这是旧版 Excel（.xls）文件，不是 Word 申报书")
        case .powerPoint:
            throw ReadError.notThisFormat("这是旧版 PowerPoint（.ppt）文件，不是 Word 申报书")
        case .works, .other:
            throw ReadError.unsupported("这是 Office 复合文档（OLE）格式的文件，但不是 Word 文档，无法读取；请另存为 .docx 后重新提交")
        }
    }
}

/// Tells file kinds apart by their magic bytes.
package enum FileSniffer {
    package enum Kind { case zip, pdf, ole, empty, other }

    /// Up to `count` bytes from the start of the file (fewer when it is shorter). Only a regular file is read:
    /// a pipe or a device named `.docx` (or a link to one) would block the read until the time limit, or never end.
    /// (Plain `open`/`read`: a `FileHandle` cost more than the rest of reading these bytes.)
    package static func firstBytes(of path: String, count: Int) throws(ReadError) -> [UInt8] {
        // Without O_NONBLOCK, opening a pipe waits for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw whyUnreadable(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw whyUnreadable(path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw folderNotFile
        default: throw ReadError.unreadable("这不是普通文件（而是管道、设备或套接字），不能作为文件读取")
        }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, count - filled) }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw whyUnreadable(path)
            }
            filled += read
        }
        return Array(bytes[..<filled])
    }

    private static let folderNotFile = ReadError.unreadable("这是一个文件夹，不是文件")

    /// Why a file could not be opened or read: a folder, no permission, not there — or a name that reached this
    /// program with U+FFFD in place of bytes that are not UTF-8 (a GBK name given on the command line).
    private static func whyUnreadable(_ path: String) -> ReadError {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? folderNotFile : ReadError.unreadable("没有读取权限")
        }
        return path.unicodeScalars.contains("\u{FFFD}") ? ReadError.undecodableName(folder: false) : ReadError.unreadable("文件不存在")
    }

    package static func kind(of head: [UInt8]) -> Kind {
        if head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        return .other
    }
}
