import Foundation
import Hummingbird
import ShenbaoKit

/// What arrived in an inbox: the upload laid out in a private folder as the clerk's folders were (zips
/// unpacked under the CLI's limits), then handed over as a reading job. The request ends there; the books
/// are read in the background (`JobReader`) while the page shows the progress.
struct InboxIntake {
    let desk: Desk

    /// A new upload of any number of files, folders and zips.
    func receive(_ request: Request, inbox: Inbox, account: Account, csrfToken: String) async throws -> ReadingJob {
        let (folder, refused) = try await lay(out: request, inbox: inbox, csrfToken: csrfToken)
        defer { folder.remove() }
        if folder.laidOutFiles().isEmpty {
            throw DeskError(.unprocessableContent, (refused + ["没有收到任何可读取的文件"]).joined(separator: "；"))
        }
        return try await hand(folder, inbox: inbox, account: account, replacing: nil, refused: refused)
    }

    /// One file in place of `file` of a submission: the submission's other current files are laid out
    /// beside it as they were uploaded, and the whole submission is read again.
    func receive(_ request: Request, replacing file: StoredFile, inbox: Inbox, account: Account, csrfToken: String) async throws -> ReadingJob {
        let (folder, refused) = try await lay(out: request, inbox: inbox, csrfToken: csrfToken)
        defer { folder.remove() }
        let arrived = folder.laidOutFiles()
        guard arrived.count == 1, let uploaded = arrived.first else {
            throw DeskError(.unprocessableContent, (refused + ["替换时请只选择一个文件（不能是压缩包）"]).joined(separator: "；"))
        }
        let place = ((file.name as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(uploaded.lastPathComponentText)
        let others = try await desk.store.files(submissionID: file.submissionID).filter { $0.isCurrent && $0.id != file.id }
        if others.contains(where: { $0.name == place }) {
            throw DeskError(.conflict, "该材料中已有同名文件 \(place.lastPathComponentText)，请改名后再替换，或替换那个文件")
        }
        try folder.move(uploaded, to: place)
        for other in others {
            guard let blob = desk.blobs.path(for: other.sha256) else { throw DeskError(.internalServerError, "文件 \(other.name) 的原件缺失，请联系管理员") }
            try folder.copy(blob, to: other.name)
        }
        return try await hand(folder, inbox: inbox, account: account, replacing: (file.id, place), refused: refused)
    }

    /// A folder on the server's own disk taken in as if it had been uploaded (`shenbao serve --import`): its
    /// regular files copied, hidden files and links left out; read when the server runs.
    func receive(folderOnDisk source: String, inbox: Inbox, account: Account) async throws -> ReadingJob {
        let folder = try UploadFolder(parent: desk.configuration.dataDirectory + "/tmp")
        defer { folder.remove() }
        for relative in UploadFolder.files(under: source) where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = source + "/" + relative
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular,
                  let safe = UploadFolder.safeRelativePath(relative, maxDepth: desk.configuration.uploadLimits.maxDepth) else { continue }
            try folder.copy(path, to: safe)
        }
        guard !folder.laidOutFiles().isEmpty else { throw DeskError(.unprocessableContent, "文件夹 \(source) 中没有可读取的文件") }
        return try await hand(folder, inbox: inbox, account: account, replacing: nil, refused: [], queue: false)
    }

    private func lay(out request: Request, inbox: Inbox, csrfToken: String) async throws -> (UploadFolder, [String]) {
        let (folder, refused, _) = try await layOut(request, csrfToken: csrfToken, call: inbox.callID)
        return (folder, refused)
    }

    /// The upload laid out in a new private folder (zips unpacked), with what was refused and the form's plain fields.
    func layOut(_ request: Request, csrfToken: String, call: String) async throws -> (UploadFolder, [String], [String: String]) {
        guard let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) else {
            throw DeskError(.badRequest, "上传须以 multipart/form-data 表单提交")
        }
        guard desk.spec(call) != nil else {
            throw DeskError(.serviceUnavailable, "申报类别 \(call) 的模板无法加载，请联系管理员")
        }
        let limits = desk.configuration.uploadLimits
        let folder = try UploadFolder(parent: desk.configuration.dataDirectory + "/tmp")
        do {
            // CSRFMiddleware refused a request whose header token was wrong; one that reached here with it is checked.
            let receiver = MultipartUpload(folder: folder, limits: limits, tokenInHeader: request.headers[.csrfToken] != nil) {
                Tokens.equal($0, csrfToken)
            }
            var received = try await receiver.receive(request.body, boundary: boundary)
            for zip in received.zips {
                do {
                    try ZipUnpacker(limits: limits).unpack(zip.path, uploadedName: zip.name, into: folder)
                } catch let refusal as UploadRefusal {
                    received.refused.append(refusal.message)
                }
                unlink(zip.path)
            }
            return (folder, received.refused, received.fields)
        } catch {
            folder.remove()
            throw error
        }
    }

    /// An applicant's submission into a bureau's inbox: the documents written from its application and the
    /// files it attached (its stamped PDF, 佐证材料), laid out together in one folder named after it, so the
    /// inbox groups and reads them as one applicant's mailed-in folder.
    func submit(_ folder: UploadFolder, documents: [(name: String, bytes: Data)], applicant: String, inbox: Inbox,
                account: Account) async throws -> ReadingJob {
        let base = UploadFolder.safeRelativePath(applicant.replacingOccurrences(of: "/", with: "／"), maxDepth: 1) ?? "申报单位"
        for relative in folder.laidOutFiles() {
            try folder.move(relative, to: base + "/" + relative.lastPathComponentText)
        }
        for document in documents {
            try folder.write(document.bytes, to: base + "/" + document.name)
        }
        return try await hand(folder, inbox: inbox, account: account, replacing: nil, refused: [])
    }

    /// Moves the laid-out files to the job's own folder and records the job, then queues it (unless the
    /// server is not running: an imported folder is read at its start).
    private func hand(_ folder: UploadFolder, inbox: Inbox, account: Account, replacing: (fileID: Int64, newFile: String)?,
                      refused: [String], queue: Bool = true) async throws -> ReadingJob {
        let name = folder.name
        try folder.moveFiles(to: desk.jobFolder(name))
        let job: ReadingJob
        do {
            job = try await desk.store.createJob(inboxID: inbox.id, accountID: account.id, folder: name, replacing: replacing,
                                                 refused: refused, at: desk.clock())
        } catch {
            try? FileManager.default.removeItem(atPath: desk.jobFolder(name))
            throw error
        }
        if queue { await JobReader(desk: desk).enqueue(job) }
        return job
    }
}

extension String {
    var lastPathComponentText: String { (self as NSString).lastPathComponent }
}
