import Foundation
import Hummingbird
import ShenbaoKit

/// Previews of a stored file: `/files/:id/pages/:n.png` (a PDF page with its seals outlined) and
/// `/files/:id/text` (a Word book's text as an HTML section). Access is checked as for the download.
struct PreviewRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        for prefix in ["", APIRoutes.prefix] {
            router.get("\(prefix)/files/:id/pages/:page") { _, context in try await page(context) }
            router.get("\(prefix)/files/:id/text") { _, context in try await text(context) }
        }
    }

    private func file(_ context: DeskContext) async throws -> StoredFile {
        try await DeskAccess(desk: desk, account: try context.signedIn()).file(context.parameters.get("id", as: Int64.self))
    }

    private func page(_ context: DeskContext) async throws -> Response {
        let file = try await file(context)
        let name = context.parameters.get("page") ?? ""
        guard name.hasSuffix(".png"), let number = Int(name.dropLast(4)) else { throw DeskError.notFound }
        guard number >= 1, number <= Preview.pageLimit else {
            throw DeskError(.notFound, "只能预览前 \(Preview.pageLimit) 页，第 \(number) 页请下载原件查看")
        }
        guard desk.previews.kind(of: file) == .pdf else { throw DeskError(.notFound, "该文件不是 PDF，没有页面预览") }
        switch await desk.previews.page(number, of: file) {
        case .success(let png):
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "private, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(bytes: png)))
        case .failure(let failure):
            throw DeskError(.unprocessableContent, failure.message)
        }
    }

    private func text(_ context: DeskContext) async throws -> Response {
        let file = try await file(context)
        guard desk.previews.kind(of: file) == .word else { throw DeskError(.notFound, "该文件不是 Word 文件，没有文字预览") }
        let preview = await desk.previews.overviews(of: [file])[file.id] ?? Preview(error: "无法预览")
        if let error = preview.error { throw DeskError(.unprocessableContent, error) }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "private, no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: Pages.shared.render("filetext", PreviewSection.values(preview, fileID: file.id)))))
    }
}
