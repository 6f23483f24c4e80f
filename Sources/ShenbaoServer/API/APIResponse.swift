import Foundation
import Hummingbird

/// JSON answers of the API (`/api/v1/…`): UTF-8, dates as ISO 8601, keys sorted so answers compare.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(ByteBuffer(data: try encoded(value)), status: status)
    }

    /// JSON written by hand (`InboxDetail.json`), the same bytes `json(_:)` would write for its value.
    static func json(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        response(ByteBuffer(bytes: bytes), status: status)
    }

    private static func response(_ body: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// `value` as every answer encodes it.
    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
