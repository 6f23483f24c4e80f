import Dispatch
import Foundation
import Hummingbird
import ShenbaoKit

/// What arrived in an inbox: the upload laid out in a private folder, grouped and read by the same pipeline
/// as `shenbao validate --call <the inbox's call>` (each book in a worker process with a time limit), then
/// every file stored by content and the submissions, files, fields and findings in one transaction.
struct InboxIntake {
    let desk: Desk

    struct Outcome: Sendable {
        var submissionIDs: [Int64]
        var refused: [String]
    }

    func receive(_ request: Request, inbox: Inbox, account: Account, csrfToken: String) async throws -> Outcome {
        guard let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) else {
            throw DeskError(.badRequest, "上传须以 multipart/form-data 表单提交")
        }
        guard let spec = desk.spec(inbox.callID) else {
            throw DeskError(.serviceUnavailable, "申报类别 \(inbox.callID) 的模板无法加载，请联系管理员")
        }
        let limits = desk.configuration.uploadLimits
        let folder = try UploadFolder(parent: desk.configuration.dataDirectory + "/tmp")
        defer { folder.remove() }
        let receiver = MultipartUpload(folder: folder, limits: limits) { Tokens.equal($0, csrfToken) }
        var received = try await receiver.receive(request.body, boundary: boundary)
        for zip in received.zips {
            do {
                try ZipUnpacker(limits: limits).unpack(zip.path, uploadedName: zip.name, into: folder)
            } catch let refusal as UploadRefusal {
                received.refused.append(refusal.message)
            }
            unlink(zip.path)
        }
        let report = await validate(folder.root, spec: spec)
        var upload = NewUpload(inboxID: inbox.id, accountID: account.id, submissions: [], refused: received.refused)
        var placed = Set<String>()
        for outcome in report.submissions {
            upload.submissions.append(try stored(outcome, root: folder.root, spec: spec))
            placed.formUnion(outcome.submission.files)
        }
        for relative in folder.laidOutFiles() where !placed.contains(folder.root + "/" + relative) {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") || name.hasPrefix("~$") || relative.contains("__MACOSX") { continue }
            upload.refused.append("\(relative)：不属于任何一份申报材料（所在文件夹中没有 Word 或 PDF 申报书），未保存")
        }
        if upload.submissions.isEmpty && upload.refused.isEmpty {
            upload.refused.append("没有收到任何文件")
        }
        let ids = upload.submissions.isEmpty ? [] : try await desk.store.store(upload, at: desk.clock())
        return Outcome(submissionIDs: ids, refused: upload.refused)
    }

    /// The CLI's validation of a folder, off the server's threads (worker processes are waited for).
    private func validate(_ root: String, spec: CallSpec) async -> ValidationReport {
        let configuration = desk.configuration
        let specs = desk.specs
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let workers = IsolatedWorkers(timeout: configuration.readTimeout, jobs: configuration.jobs,
                                              templates: configuration.templates, executable: configuration.workerExecutable)
                let validator = BatchValidator(specs: specs, forcedCall: spec)
                continuation.resume(returning: workers.validate([root], with: validator))
            }
        }
    }

    /// A submission as the store keeps it, every file of it copied into the blob store first.
    private func stored(_ outcome: SubmissionOutcome, root: String, spec: CallSpec) throws -> NewUpload.Submission {
        let relative = { (path: String) in path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path.lastPathComponentText }
        let byPath = Dictionary(outcome.books.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let labels = Dictionary(spec.fields.map { ($0.id, $0.displayLabel) }, uniquingKeysWith: { first, _ in first })
        var files: [NewUpload.File] = []
        for path in outcome.submission.files {
            let blob: (sha256: String, size: Int64)
            do { blob = try desk.blobs.store(contentsOf: path) } catch {
                throw DeskError(.init(code: 507, reasonPhrase: "Insufficient Storage"), "文件 \(relative(path)) 无法保存（\(error)），上传未完成，请联系管理员")
            }
            let book = byPath[path]
            let kind = book == nil || book?.findings.contains(where: { $0.rule == "submission.attachment" }) == true ? "attachment"
                : book?.error != nil ? "unread" : "book"
            let fields = spec.fields.compactMap { field in
                book?.record?.fields[field.id].map { ExtractedField(id: field.id, label: field.displayLabel, value: $0.displayText) }
            }
            let findings = (book?.findings ?? []).map { Self.stored($0, labels: labels) }
            files.append(NewUpload.File(name: relative(path), sha256: blob.sha256, size: blob.size, kind: kind,
                                        fields: book?.record?.call == spec.id ? fields : [],
                                        readError: book?.error.map(\.message), findings: findings))
        }
        let record = outcome.primary
        let text = { (id: String?) in id.flatMap { record?.fields[$0]?.displayText } }
        let projectField = spec.submission.keyFields.first {
            $0 != spec.submission.applicantCode && $0 != spec.submission.applicantName && !$0.contains("recommender")
        }
        let name = outcome.submission.name
        return NewUpload.Submission(
            name: name == root ? "（上传的文件）" : relative(name), callID: outcome.call, applicant: text(spec.submission.applicantName),
            projectName: text(projectField), uscc: text(spec.submission.applicantCode),
            hasWord: outcome.books.contains { $0.isWord && $0.record != nil }, hasPDF: outcome.books.contains { $0.isPDF && $0.record != nil },
            files: files, findings: outcome.findings.map { Self.stored($0, labels: labels) })
    }

    private static func stored(_ finding: Finding, labels: [String: String]) -> StoredFinding {
        StoredFinding(submissionID: 0, fileID: nil, severity: finding.severity.rawValue, rule: finding.rule, field: finding.field,
                      label: finding.field.flatMap { labels[$0] }, message: finding.message)
    }
}

extension String {
    var lastPathComponentText: String { (self as NSString).lastPathComponent }
}
