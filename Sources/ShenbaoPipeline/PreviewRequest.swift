import Foundation
import ShenbaoModel

/// What `shenbao worker preview` is asked about one file: one JSON line in, one `Preview` line out.
public struct PreviewRequest: Sendable, Equatable, Codable {
    public enum Ask: String, Sendable, Codable {
        /// A PDF's page count, page sizes and the pages with seals (`Preview.Outline`).
        case outline
        /// One PDF page as a PNG with its seals outlined (`Preview.Page`).
        case page
        /// A Word book's text (`Preview.Text`).
        case text
    }

    public var path: String
    public var ask: Ask
    /// The page, 1-based, for `.page`.
    public var page: Int?

    public init(path: String, ask: Ask, page: Int? = nil) {
        self.path = path
        self.ask = ask
        self.page = page
    }

    /// The request as the worker's input line.
    public var line: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self)
    }
}
