import Foundation
import HummingbirdTesting
import Testing
@testable import ShenbaoServer

@Suite struct LegacyZipTests {
    /// A zip as Windows' built-in compressor writes it on a Chinese system: names in GBK, no UTF-8 flag.
    @Test func folderNamesInGBKAreReadAsChinese() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let book = try sample("hubei-s154-02.docx").1
        // 宜昌融智/申报书.docx in GBK.
        let name: [UInt8] = [0xD2, 0xCB, 0xB2, 0xFD, 0xC8, 0xDA, 0xD6, 0xC7, 0x2F, 0xC9, 0xEA, 0xB1, 0xA8, 0xCA, 0xE9] + Array(".docx".utf8)
        let zip = Self.storedZip([(name, book)])
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            let response = try await browser.upload(client, inbox: inbox.id, [("收件.zip", zip)])
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            #expect(submissions.map(\.name) == ["收件/宜昌融智"])
            let files = try await harness.desk.store.files(submissionID: try #require(submissions.first).id)
            #expect(files.map(\.name) == ["收件/宜昌融智/申报书.docx"])
        }
    }

    /// A zip of stored (uncompressed) entries with names given as raw bytes.
    static func storedZip(_ entries: [(name: [UInt8], data: [UInt8])]) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let crc = crc32(entry.data)
            let offset = UInt32(out.count)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(UInt32(entry.data.count))
                + le32(UInt32(entry.data.count)) + le16(entry.name.count) + le16(0)
            out += le32(0x0403_4B50) + common + entry.name + entry.data
            central += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + entry.name
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count) + le32(UInt32(central.count))
            + le32(start) + le16(0)
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
