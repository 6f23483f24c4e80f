import Foundation
import ShenbaoKit

/// The 汇总表 of an inbox's recommended submissions, written by the CLI's own sequence (`SummaryRows.gather`
/// over the submissions' original files laid out as uploaded, `SummaryBuilder`, `SummaryFormat`): the same rows,
/// cells and order as `shenbao summary` gives for the same books, with the bureau's name as the recommender.
struct SummaryExport {
    let desk: Desk

    func table(_ inbox: Inbox, format: SummaryFormat, contact: String?) async throws -> Data {
        guard let spec = desk.spec(inbox.callID) else { throw DeskError(.serviceUnavailable, "申报类别 \(inbox.callID) 的模板无法加载") }
        guard let summary = desk.resources(of: spec).summary else { throw DeskError(.notFound, "申报类别 \(inbox.callID) 没有汇总表格式") }
        let recommended = try await desk.store.submissions(inboxID: inbox.id)
            .filter { $0.decision == .recommended }
            .sorted { ($0.uploadID, $0.name) < ($1.uploadID, $1.name) }
        guard !recommended.isEmpty else { throw DeskError(.conflict, "尚未推荐任何申报材料，无法生成汇总表") }
        let bureau = try await desk.store.account(id: inbox.accountID)?.displayName
        let folder = try UploadFolder(parent: desk.configuration.dataDirectory + "/tmp")
        defer { folder.remove() }
        for submission in recommended {
            for file in try await desk.store.files(submissionID: submission.id) {
                guard let blob = desk.blobs.path(for: file.sha256),
                      let relative = UploadFolder.safeRelativePath("\(submission.uploadID)/\(file.name)", maxDepth: 64) else { continue }
                let target = folder.root + "/" + relative
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: blob, toPath: target)
            }
        }
        let workers = desk.configuration.workers()
        let specs = desk.specs
        let output = folder.staging + "/汇总表." + format.rawValue
        let root = folder.root
        try await offServerThreads {
            let rows = SummaryRows.gather([root], spec: spec, specs: specs, workers: workers)
            let table = SummaryBuilder(call: spec, spec: summary).build(records: rows.records, recommender: bureau, contact: contact)
            do {
                try format.write(table, to: output, template: nil, inputs: [])
            } catch {
                throw DeskError(.internalServerError, "汇总表无法生成：\(error)")
            }
        }
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }

    /// Every finding of the inbox as CSV (UTF-8 with BOM, so Excel opens it in Chinese).
    func findingsCSV(_ inbox: Inbox) async throws -> Data {
        var rows = [["申报单位", "统一社会信用代码", "项目名称", "材料", "文件", "级别", "规则", "字段", "说明"]]
        for submission in try await desk.store.submissions(inboxID: inbox.id).sorted(by: { $0.id < $1.id }) {
            let files = Dictionary(try await desk.store.files(submissionID: submission.id).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            for finding in try await desk.store.findings(submissionID: submission.id) {
                rows.append([submission.applicant ?? "", submission.uscc ?? "", submission.projectName ?? "", submission.name,
                             finding.fileID.flatMap { files[$0] } ?? "", Finding.Severity(rawValue: finding.severity)?.chineseName ?? finding.severity,
                             finding.rule, finding.label ?? "", finding.message])
            }
        }
        return Data(CSVText.document(rows).utf8)  // with its BOM
    }
}
