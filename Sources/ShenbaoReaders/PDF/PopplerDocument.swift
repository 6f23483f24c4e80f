import CPoppler
import Foundation
import ShenbaoModel
import ShenbaoSupport

/// An open poppler document, released when the value goes away.
package final class PopplerDocument {
    package let handle: OpaquePointer

    /// Opens the PDF at `path` read-only.
    /// Throws `.encrypted` for a password-protected file and `.damaged` for one poppler cannot parse.
    package init(path: String) throws(ReadError) {
        _ = Self.silenceLogs
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var error: UnsafeMutablePointer<GError>?
        guard let uri = g_filename_to_uri(absolute, nil, &error) else {
            g_clear_error(&error)
            throw ReadError.unreadable("无法打开文件：路径无效")
        }
        defer { g_free(uri) }
        guard let document = poppler_document_new_from_file(uri, nil, &error) else {
            defer { g_clear_error(&error) }
            if shenbao_error_is_encrypted(error) != 0 {
                throw ReadError.encrypted("PDF 文件设置了密码，无法读取；请提交未加密的 PDF")
            }
            throw ReadError.damaged("PDF 文件已损坏或不完整，无法读取；请重新导出或重新扫描后提交")
        }
        g_clear_error(&error)
        handle = document
    }

    deinit { shenbao_object_unref(UnsafeMutableRawPointer(handle)) }

    package var pageCount: Int { max(0, Int(poppler_document_get_n_pages(handle))) }

    /// Runs `body` with page `index` (0-based) and releases the page afterwards; nil when poppler cannot load it.
    func withPage<T>(_ index: Int, _ body: (OpaquePointer) -> T) -> T? {
        guard let page = poppler_document_get_page(handle, Int32(index)) else { return nil }
        defer { shenbao_object_unref(UnsafeMutableRawPointer(page)) }
        return body(page)
    }

    /// Installs the silent log handlers once per process.
    private static let silenceLogs: Void = shenbao_silence_poppler_logs()
}
