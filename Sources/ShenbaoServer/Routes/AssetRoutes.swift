import Hummingbird

/// The stylesheet and script, from the program itself.
struct AssetRoutes {
    func add(to router: Router<DeskContext>) {
        router.get("/assets/desk.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("/assets/desk.js") { _, _ in Self.asset(Assets.js, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
