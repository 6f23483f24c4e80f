import Foundation
import Hummingbird

/// A reading job's page (a progress bar while the books are read, then what was stored and refused) and
/// its JSON, which the page's script polls. Access is checked through the job's inbox.
struct JobRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/jobs/:id") { _, context in try await page(context) }
        router.get("/api/v1/jobs/:id") { _, context in try APIResponse.json(try await status(context)) }
    }

    /// What a client polls: the job's state and, while it runs, how many books are read of how many.
    struct Status: Codable, Sendable {
        var id: Int64
        var inboxID: Int64
        var state: ReadingJob.State
        /// Books read so far and all books of the job (0 while it waits for another job).
        var done: Int
        var total: Int
        /// Jobs of this server to be read before this one.
        var ahead: Int
        var replacesFileID: Int64?
        var submissionIDs: [Int64]
        var refused: [String]
        var error: String?
    }

    private func status(_ context: DeskContext) async throws -> Status {
        guard let id = context.parameters.get("id", as: Int64.self), let job = try await desk.store.job(id: id) else { throw DeskError.notFound }
        return try await status(of: job, context)
    }

    /// The job's status, for an account that may see its inbox (404 for any other).
    func status(of job: ReadingJob, _ context: DeskContext) async throws -> Status {
        _ = try await DeskAccess(desk: desk, account: try context.signedIn()).inbox(job.inboxID)
        let progress = job.state == .waiting ? await desk.readingQueue.progress(of: job.id) : nil
        return Status(id: job.id, inboxID: job.inboxID, state: job.state, done: progress?.done ?? 0, total: progress?.total ?? 0,
                      ahead: progress?.ahead ?? 0, replacesFileID: job.replacesFileID, submissionIDs: job.submissionIDs,
                      refused: job.refused, error: job.error)
    }

    private func page(_ context: DeskContext) async throws -> Response {
        let job = try await status(context)
        var values = Pages.frame(context, title: job.replacesFileID == nil ? "读取上传的材料" : "读取替换后的材料")
        values["id"] = job.id
        values["inboxID"] = job.inboxID
        values["state"] = job.state.rawValue
        values["waiting"] = job.state == .waiting
        values["done"] = job.state == .done
        values["failed"] = job.state == .failed
        values["booksDone"] = job.done
        values["booksTotal"] = job.total
        values["hasTotal"] = job.total > 0
        values["progressText"] = Self.progressText(job)
        values["count"] = job.submissionIDs.count
        if job.replacesFileID != nil, let only = job.submissionIDs.first { values["submission"] = only }
        values["error"] = job.error ?? ""
        values["refused"] = job.refused
        values["hasRefused"] = !job.refused.isEmpty
        return Pages.shared.response(template: "job", values)
    }

    static func progressText(_ job: Status) -> String {
        if job.total > 0 { return "已读取 \(job.done) / \(job.total) 个文件" }
        return job.ahead > 0 ? "排队中，前面还有 \(job.ahead) 批材料" : "正在准备读取……"
    }
}
