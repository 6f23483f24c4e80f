import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Receives a `multipart/form-data` upload as it streams in: the form's `csrf` field must come first (the
/// page puts it first) and is checked before any file is written, unless an API client sent it as a header; each file goes straight to the upload
/// folder at its (browser folder or plain) name, zips to the staging folder. Nothing is held in memory.
/// A file over a limit or with an unsafe name is refused with a message naming it; the rest are kept.
final class MultipartUpload {
    struct Received {
        /// Zips to unpack: where they were staged, and the name they were uploaded as.
        var zips: [(path: String, name: String)] = []
        /// Messages for refused files.
        var refused: [String] = []
        /// Plain fields (other than csrf), first value each.
        var fields: [String: String] = [:]
    }

    private let folder: UploadFolder
    private let limits: UploadLimits
    private let checkCSRF: (String) -> Bool
    private var received = Received()

    // The part being read.
    private var headers: [(String, String)] = []
    private var partStarted = false
    private var fieldName: String?
    private var fileName: String?
    private var fieldValue: [UInt8] = []
    private var descriptor: Int32 = -1
    private var writtenPath: String?
    private var partBytes = 0
    private var partRefused = false
    private var csrfChecked = false
    /// File parts seen so far.
    private var offered = 0
    private var failure: DeskError?

    /// `tokenInHeader`: the request's `X-CSRF-Token` header was checked already (an API client); then no
    /// `csrf` field is needed.
    init(folder: UploadFolder, limits: UploadLimits, tokenInHeader: Bool = false, checkCSRF: @escaping (String) -> Bool) {
        self.folder = folder
        self.limits = limits
        self.checkCSRF = checkCSRF
        csrfChecked = tokenInHeader
    }

    /// The boundary of a `multipart/form-data` content type, or nil.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Reads the whole body. Throws a `DeskError` (403 without a valid token, 413 over the request limit,
    /// 400 for a body that is not multipart).
    func receive(_ body: RequestBody, boundary: String) async throws -> Received {
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { [unowned self] buffer in partBody(&buffer) }
        parser.onPartComplete = { [unowned self] in partComplete() }
        var total = 0
        defer { if descriptor >= 0 { close(descriptor) } }
        do {
            for try await buffer in body {
                total += buffer.readableBytes
                guard total <= limits.maxRequestBytes else {
                    throw DeskError(.contentTooLarge, "上传内容过大（超过 \(limits.maxRequestBytes >> 20) MiB），请分批上传")
                }
                do { try parser.execute(buffer) } catch { throw DeskError(.badRequest, "上传内容格式有误（不是有效的 multipart/form-data）") }
                if let failure { throw failure }
            }
        } catch {
            abandonPart()
            throw error
        }
        guard csrfChecked else { throw DeskError.csrf }
        return received
    }

    private func startPart() {
        partStarted = true
        let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
        let parameters = Self.parameters(of: disposition)
        fieldName = parameters["name"]
        fileName = parameters["filename*"].flatMap(Self.extendedValue) ?? parameters["filename"]
        if fieldName == "csrf" && fileName == nil { return }
        guard csrfChecked else {
            failure = .csrf
            return
        }
        guard let fileName else { return }
        if fileName.isEmpty {  // an empty file input
            partRefused = true
            return
        }
        offered += 1  // every file the form sent counts toward the limit once, taken or refused
        guard offered <= limits.maxFiles else {
            refuse("\(fileName)：一次上传的文件过多（最多 \(limits.maxFiles) 个），未接收")
            return
        }
        guard let relative = UploadFolder.safeRelativePath(fileName, maxDepth: limits.maxDepth) else {
            refuse("\(fileName)：文件名不安全（含 ../、绝对路径或控制字符），未接收")
            return
        }
        if relative.lowercased().hasSuffix(".zip") {
            let path = folder.staging + "/\(received.zips.count).zip"
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            if descriptor < 0 { refuse("\(relative)：无法保存"); return }
            writtenPath = path
            received.zips.append((path, relative))
            return
        }
        do {
            descriptor = try folder.create(relative)
            writtenPath = folder.root + "/" + relative
        } catch let refusal as UploadRefusal {
            refuse(refusal.message)
        } catch {
            refuse("\(relative)：无法保存")
        }
    }

    private func partBody(_ buffer: inout ByteBuffer) {
        if !partStarted { startPart() }
        guard failure == nil, !partRefused else { return }
        partBytes += buffer.readableBytes
        if fileName == nil {
            fieldValue += buffer.readableBytesView
            if fieldValue.count > 4096 { failure = DeskError(.badRequest, "表单字段过长") }
            return
        }
        guard descriptor >= 0 else { return }
        if partBytes > limits.maxFileBytes {
            let name = fileName ?? ""
            abandonPart()
            if name.lowercased().hasSuffix(".zip") { received.zips.removeLast() }
            refuse("\(name)：文件过大（超过 \(limits.maxFileBytes >> 20) MiB），未接收")
            return
        }
        let ok = buffer.withUnsafeReadableBytes { UploadFolder.write(descriptor, $0) }
        if !ok { failure = DeskError(.init(code: 507, reasonPhrase: "Insufficient Storage"), "服务器磁盘空间不足，上传未完成，请联系管理员") }
    }

    private func partComplete() {
        if !partStarted { startPart() }
        if failure == nil, fileName == nil, let fieldName {
            let value = String(decoding: fieldValue, as: UTF8.self)
            if fieldName == "csrf" {
                if checkCSRF(value) { csrfChecked = true } else { failure = .csrf }
            } else if received.fields[fieldName] == nil {
                received.fields[fieldName] = value
            }
        }
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        headers = []
        partStarted = false
        fieldName = nil
        fileName = nil
        fieldValue = []
        writtenPath = nil
        partBytes = 0
        partRefused = false
    }

    private func refuse(_ message: String) {
        received.refused.append(message)
        partRefused = true
    }

    /// Closes and removes the file of the part being read.
    private func abandonPart() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        if let writtenPath { unlink(writtenPath) }
        writtenPath = nil
    }

    /// `name="x"; filename="a/b.docx"` → parameters (quoted values unquoted; `\"` and `%22` kept as browsers send them).
    static func parameters(of disposition: String) -> [String: String] {
        var result: [String: String] = [:]
        var index = disposition.startIndex
        // Skip the disposition type.
        guard let semicolon = disposition.firstIndex(of: ";") else { return result }
        index = disposition.index(after: semicolon)
        while index < disposition.endIndex {
            while index < disposition.endIndex, disposition[index] == " " || disposition[index] == ";" { index = disposition.index(after: index) }
            guard let equals = disposition[index...].firstIndex(of: "=") else { break }
            let key = disposition[index..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            index = disposition.index(after: equals)
            var value = ""
            if index < disposition.endIndex, disposition[index] == "\"" {
                index = disposition.index(after: index)
                while index < disposition.endIndex, disposition[index] != "\"" {
                    if disposition[index] == "\\", disposition.index(after: index) < disposition.endIndex {
                        index = disposition.index(after: index)
                    }
                    value.append(disposition[index])
                    index = disposition.index(after: index)
                }
                if index < disposition.endIndex { index = disposition.index(after: index) }
            } else {
                let end = disposition[index...].firstIndex(of: ";") ?? disposition.endIndex
                value = disposition[index..<end].trimmingCharacters(in: .whitespaces)
                index = end
            }
            result[key] = value
        }
        if let name = result["filename"] { result["filename"] = name.replacingOccurrences(of: "%22", with: "\"") }
        return result
    }

    /// `UTF-8''%E7%94%B3…` (RFC 5987) → the text.
    static func extendedValue(_ value: String) -> String? {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return String(parts[2]).removingPercentEncoding
    }
}
