import Foundation
import Hummingbird
import Logging

/// `shenbao serve`: the web desk over the same pipeline as the command line.
public enum DeskServer {
    /// The routes of a desk, behind its session and CSRF middleware.
    static func router(_ desk: Desk) -> Router<DeskContext> {
        let router = Router(context: DeskContext.self)
        router.add(middleware: SessionMiddleware(desk: desk))
        router.add(middleware: CSRFMiddleware())
        AssetRoutes().add(to: router)
        AuthRoutes(desk: desk).add(to: router)
        InboxRoutes(desk: desk).add(to: router)
        JobRoutes(desk: desk).add(to: router)
        APIRoutes(desk: desk).add(to: router)
        OpenAPIDocument.add(to: router)
        PreviewRoutes(desk: desk).add(to: router)
        AdminRoutes(desk: desk).add(to: router)
        ApplicantRoutes(desk: desk).add(to: router)
        return router
    }

    public static func application(_ desk: Desk, onServerRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
        var logger = Logger(label: "shenbao.serve")
        logger.logLevel = .notice
        return Application(router: router(desk),
                           configuration: .init(address: .hostname(desk.configuration.host, port: desk.configuration.port), serverName: "shenbao"),
                           onServerRunning: { _ in await onServerRunning() }, logger: logger)
    }

    /// Opens the desk in its data folder, sweeps what a crash left, and serves until SIGINT/SIGTERM.
    public static func run(_ desk: Desk, onServerRunning: @escaping @Sendable () async -> Void = {}) async throws {
        _ = try await desk.sweep()
        try await application(desk, onServerRunning: onServerRunning).runService()
    }
}
