import Foundation
import Hummingbird
import ShenbaoWriters

/// An error answered with a status and a Chinese message: an HTML page, or JSON under `/api/`.
struct DeskError: HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static let csrf = DeskError(.forbidden, "请求缺少有效的安全令牌（CSRF），已拒绝。请刷新页面后重试。")
    static let notFound = DeskError(.notFound, "找不到该页面或记录，或您无权查看。")
    static let signInRequired = DeskError(.unauthorized, "请先登录。")
    static let administratorOnly = DeskError(.notFound, "找不到该页面或记录，或您无权查看。")

    func response(from request: Request, context: some RequestContext) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let body = "{\"error\":\(JSONText.quote(message))}"
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        return Pages.shared.response(status: status, template: "error", ["title": "出错了", "message": message, "status": status.code])
    }
}

enum JSONText {
    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = JSONBytes(reserving: text.utf8.count + 2)
        out.string(text)
        return out.text
    }
}

extension DeskError: CustomStringConvertible {
    var description: String { message }
}
