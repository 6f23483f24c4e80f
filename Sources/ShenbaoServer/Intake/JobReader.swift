import Foundation
import ShenbaoKit

/// Reads a job's folder with the same pipeline as `shenbao validate --call <the inbox's call>` (each book
/// in a worker process with a time limit), copies every file into the blob store, and stores the
/// submissions, files, fields and findings in one transaction that also marks the job done. The folder is
/// removed once the job is done or failed; a crash before that leaves the job waiting, and the next start
/// reads it again.
struct JobReader {
    let desk: Desk

    /// Queues `job` on the desk's reading queue.
    func enqueue(_ job: ReadingJob) async {
        let desk = desk
        await desk.readingQueue.enqueue(job.id) { report in
            await JobReader(desk: desk).read(job, report: report)
        }
    }

    func read(_ job: ReadingJob, report: @escaping @Sendable (Int, Int) -> Void) async {
        let folder = desk.jobFolder(job.folder)
        do {
            try await store(job, folder: folder, report: report)
        } catch {
            let message = (error as? DeskError)?.message ?? (error as? DeskStoreError)?.description ?? "读取失败：\(error)"
            try? await desk.store.failJob(id: job.id, error: message, at: desk.clock())
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func store(_ job: ReadingJob, folder: String, report: @escaping @Sendable (Int, Int) -> Void) async throws {
        guard let inbox = try await desk.store.inbox(id: job.inboxID), let spec = desk.spec(inbox.callID) else {
            throw DeskError(.serviceUnavailable, "申报类别的模板无法加载，请联系管理员")
        }
        guard FileManager.default.fileExists(atPath: folder) else {
            throw DeskError(.gone, "上传的文件已不在服务器上，请重新上传")
        }
        let outcome = await validate(folder, spec: spec, report: report)
        let storing = StoredSubmissionBuilder(desk: desk, root: folder, spec: spec)
        if let fileID = job.replacesFileID {
            guard outcome.submissions.count == 1, let only = outcome.submissions.first else {
                throw DeskError(.unprocessableContent, "替换后的文件不再构成一份申报材料，未替换")
            }
            let replacement = try storing.submission(only, replacement: job.replacement)
            try await desk.store.replace(fileID: fileID, with: replacement, at: desk.clock(), job: job.id)
            return
        }
        var upload = NewUpload(inboxID: inbox.id, accountID: job.accountID, submissions: [], refused: job.refused)
        var placed = Set<String>()
        for submission in outcome.submissions {
            upload.submissions.append(try storing.submission(submission, replacement: nil))
            placed.formUnion(submission.submission.files)
        }
        for relative in UploadFolder.files(under: folder) where !placed.contains(folder + "/" + relative) {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") || name.hasPrefix("~$") || relative.contains("__MACOSX") { continue }
            upload.refused.append("\(relative)：不属于任何一份申报材料（所在文件夹中没有 Word 或 PDF 申报书），未保存")
        }
        if upload.submissions.isEmpty && upload.refused.isEmpty {
            upload.refused.append("没有收到任何文件")
        }
        _ = try await desk.store.store(upload, at: desk.clock(), job: job.id)
    }

    /// The CLI's validation of a folder, off the server's threads (worker processes are waited for).
    private func validate(_ root: String, spec: CallSpec, report: @escaping @Sendable (Int, Int) -> Void) async -> ValidationReport {
        let workers = desk.configuration.workers()
        let specs = desk.specs
        return await offServerThreads { workers.validate([root], with: BatchValidator(specs: specs, forcedCall: spec), progress: report) }
    }
}
