import Foundation
import ShenbaoSupport

/// A name in a folder listing whose bytes are not UTF-8 — most often a name packed in GBK on Windows and unpacked
/// here. A Swift string cannot hold those bytes, so a path made from the name opens nothing: the folder walk
/// reports such a name instead of listing it.
struct NonUTF8Name {
    let bytes: [UInt8]

    /// The name with U+FFFD for each byte that is not UTF-8, for the report.
    var shown: String { String(decoding: bytes, as: UTF8.self) }

    /// The name read as GB18030 (which GBK is part of), when all of it reads so; nil otherwise.
    var gbkReading: String? { String(gb18030: bytes) }
}
