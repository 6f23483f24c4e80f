import Foundation
import Hummingbird
import Mustache

/// The desk's pages: Mustache templates compiled into the program (`PageTemplates`), rendered on the
/// server with HTML escaping; every answer is `text/html; charset=utf-8`.
struct Pages: Sendable {
    static let shared = Pages()

    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all.merging(PreviewTemplates.all, uniquingKeysWith: { page, _ in page })
            .merging(ApplicationTemplates.all, uniquingKeysWith: { page, _ in page }) {
            do { try library.register(text, named: name) } catch { fatalError("模板 \(name) 有误：\(error)") }
        }
        self.library = library
    }

    func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }

    func response(status: HTTPResponse.Status = .ok, template: String, _ values: [String: Any]) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: render(template, values))))
    }

    /// The values every page's layout needs: who is signed in and the CSRF token for its forms.
    static func frame(_ context: DeskContext, title: String) -> [String: Any] {
        var values: [String: Any] = ["title": title, "csrf": context.session?.csrfToken ?? ""]
        if let account = context.account {
            values["user"] = ["name": account.displayName, "login": account.login, "admin": account.isAdministrator]
        }
        return values
    }
}
