/// Why a file could not be read. Every case carries a message in Chinese for the user;
/// the CLI adds the file name.
public enum ReadError: Error, Sendable, Equatable {
    /// The file does not exist or cannot be opened.
    case unreadable(String)
    /// The file is not the format its name says (a non-zip `.docx`, a non-PDF `.pdf`).
    case notThisFormat(String)
    /// A format that cannot be read here: a legacy `.doc` / `.wps` while LibreOffice is not installed
    /// (the message names the package), an OLE file that is not a Word document, or one whose
    /// structure cannot be recognised.
    case unsupported(String)
    /// The file is damaged (truncated zip, broken XML, broken PDF).
    case damaged(String)
    /// The file is password-protected (PDF, OOXML in an OLE container, a `.doc` with `fEncrypted`).
    case encrypted(String)
    /// A safety limit was hit (entry too large, too many entries, suspicious XML).
    case limitExceeded(String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .unreadable: return "read.unreadable"
        case .notThisFormat: return "read.not-this-format"
        case .unsupported: return "read.unsupported"
        case .damaged: return "read.damaged"
        case .encrypted: return "read.encrypted"
        case .limitExceeded: return "read.limit-exceeded"
        }
    }

    /// The message in Chinese.
    public var message: String {
        switch self {
        case .unreadable(let m), .notThisFormat(let m), .unsupported(let m), .damaged(let m),
             .encrypted(let m), .limitExceeded(let m):
            return m
        }
    }
}

extension ReadError {
    /// A file or folder whose name is not UTF-8 — most often a zip packed on Windows with GBK names and unpacked
    /// here — cannot be opened by the name this program sees. `reading` is the name read as GBK, when it reads so.
    public static func undecodableName(folder: Bool, reading: String? = nil) -> ReadError {
        let what = folder ? "文件夹名" : "文件名"
        let guess = reading.map { "，按 GBK 编码读作「\($0)」" } ?? ""
        return .unreadable("\(what)不是 UTF-8 编码\(guess)，无法按名称打开（多见于在 Windows 上打包、在此解压的 zip 文件）。"
            + "请用 unzip -O GBK 重新解压，或用 convmv -f gbk -t utf-8 转换\(what)后再读取")
    }
}
