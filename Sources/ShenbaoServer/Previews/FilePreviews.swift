import Foundation
import ShenbaoKit

/// Previews of stored files: made by worker processes (`shenbao worker preview`, through `IsolatedWorkers`
/// with the desk's worker program and read timeout), so the server never opens a PDF or a Word file itself;
/// waited for off the server's threads, at most `jobs` at once, and kept in a `PreviewCache`.
final class FilePreviews: Sendable {
    /// What a stored file can be previewed as, told from its first bytes.
    enum Kind { case pdf, word }

    private let configuration: DeskConfiguration
    private let blobs: BlobStore
    private let cache: PreviewCache
    private let gate: RenderGate

    init(configuration: DeskConfiguration, blobs: BlobStore) {
        self.configuration = configuration
        self.blobs = blobs
        cache = PreviewCache(root: configuration.dataDirectory + "/previews")
        gate = RenderGate(limit: configuration.jobs)
    }

    func kind(of file: StoredFile) -> Kind? {
        guard let path = blobs.path(for: file.sha256), let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .word }
        return nil
    }

    /// Page `number` of a stored PDF as PNG bytes, or the Chinese reason there is none.
    func page(_ number: Int, of file: StoredFile) async -> Result<Data, PreviewFailure> {
        let name = "page-\(number).png"
        if let png = cache.data(file.sha256, name) { return .success(png) }
        guard let path = blobs.path(for: file.sha256) else { return .failure(PreviewFailure("原件不存在")) }
        let preview = await make([PreviewRequest(path: path, ask: .page, page: number)])[0]
        guard let page = preview.page, page.number == number else { return .failure(PreviewFailure(preview.error ?? "无法显示该页")) }
        cache.store(page.png, file.sha256, name)
        return .success(page.png)
    }

    /// The outline of each stored PDF and the text of each Word file (by file id): cached answers, the
    /// others made by one run of the workers. Files of other kinds get none.
    func overviews(of files: [StoredFile]) async -> [Int64: Preview] {
        var result: [Int64: Preview] = [:]
        var missing: [(StoredFile, String, PreviewRequest)] = []
        for file in files {
            guard let kind = kind(of: file), let path = blobs.path(for: file.sha256) else { continue }
            let name = kind == .pdf ? "outline.json" : "text.json"
            if let data = cache.data(file.sha256, name), let preview = try? JSONDecoder().decode(Preview.self, from: data) {
                result[file.id] = preview
            } else {
                missing.append((file, name, PreviewRequest(path: path, ask: kind == .pdf ? .outline : .text)))
            }
        }
        guard !missing.isEmpty else { return result }
        for ((file, name, _), preview) in zip(missing, await make(missing.map(\.2))) {
            result[file.id] = preview
            // What a worker could not finish (it died or ran out of time) is tried again next time.
            if preview.outline != nil || preview.text != nil, let data = try? JSONEncoder().encode(preview) {
                cache.store(data, file.sha256, name)
            }
        }
        return result
    }

    /// The workers' answers, waited for on a global queue; one gate entry per run.
    private func make(_ requests: [PreviewRequest]) async -> [Preview] {
        await gate.enter()
        let workers = configuration.workers(jobs: min(configuration.jobs, requests.count))
        let previews = await offServerThreads { workers.previews(requests) }
        await gate.leave()
        return previews
    }
}

/// Why a preview could not be made, in Chinese.
struct PreviewFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
