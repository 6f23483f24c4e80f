import Foundation
import Hummingbird

/// JSON answers of the API (`/api/v1/…`): UTF-8, dates as ISO 8601, keys sorted so answers compare.
enum APIResponse {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }
}
