import ArgumentParser
import Foundation
import ShenbaoKit

/// Options every command that reads call specs shares.
public struct SpecOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("申报类别模板目录（默认：可执行文件旁或上级目录中的 Templates/，或 $SHENBAO_TEMPLATES）", valueName: "DIR"))
    public var templates: String?

    /// The options to pass on to a worker process.
    public var arguments: [String] {
        ["--templates", loader.directory]
    }

    public var loader: CallSpecLoader {
        CallSpecLoader(directory: templates ?? CallSpecLoader.defaultDirectory())
    }

    /// Every call spec that loads. A broken call folder is named in a warning on stderr and left out, so
    /// the other calls keep working; no call at all is a usage error (exit 2).
    public func loadAll() throws -> [CallSpec] {
        try checked(loader.loadEach())
    }

    /// The specs that loaded, each failure named on stderr; a usage error when none did.
    private func checked(_ loaded: (specs: [CallSpec], failures: [(id: String, error: CallSpecLoader.LoadError)])) throws -> [CallSpec] {
        let (specs, failures) = loaded
        for failure in failures {
            FileHandle.standardError.write(Data("shenbao：警告：申报类别目录 \(loader.directory)/\(failure.id) 有误，已跳过（可用 shenbao check-call \(failure.id) 查看）：\(failure.error.description.split(separator: "\n").first ?? "")\n".utf8))
        }
        guard !specs.isEmpty else { throw ShenbaoExit.usage("模板目录 \(loader.directory) 中没有任何可用的申报类别") }
        return specs
    }

    /// `loadAll` for a command that forks workers to read books, with the regular-expression engine started
    /// meanwhile, so that the workers inherit it (see `Extractor.compilePatterns`): here while `SpecPrefetch` finishes
    /// loading the same folder, else on a side thread while the specs load here.
    public func loadAllForReading() throws -> [CallSpec] {
        if SpecPrefetch.isLoading(from: loader.directory) {
            Extractor.compilePatterns()
            if let prefetched = SpecPrefetch.take(directory: loader.directory) { return try checked(prefetched) }
        }
        // (A prefetch of the default folder, when `--templates` names another, is waited for: workers fork next.)
        defer { SpecPrefetch.finish() }
        return try SideThread.run(Extractor.compilePatterns, alongside: loadAll)
    }

    /// The spec named by `--call`, or nil when none was given.
    public func spec(_ id: String?, among specs: [CallSpec]) throws -> CallSpec? {
        guard let id else { return nil }
        guard let spec = specs.first(where: { $0.id == id }) else {
            if loader.callIDs().contains(id) {
                throw ShenbaoExit.usage("申报类别 \(id) 的模板有误，无法使用（见上方警告；可用 shenbao check-call \(id) 查看）")
            }
            throw ShenbaoExit.usage("未知的申报类别 \(id)；可选：\(specs.map(\.id).joined(separator: "、"))")
        }
        return spec
    }
}
