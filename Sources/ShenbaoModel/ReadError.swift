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
