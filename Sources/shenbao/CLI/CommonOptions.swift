import ArgumentParser
import Foundation
import ShenbaoKit

/// Options every command that reads call specs shares.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("申报类别模板目录（默认：可执行文件旁或上级目录中的 Templates/，或 $SHENBAO_TEMPLATES）", valueName: "DIR"))
    var templates: String?

    /// The options to pass on to a worker process.
    var arguments: [String] {
        ["--templates", loader.directory]
    }

    var loader: CallSpecLoader {
        CallSpecLoader(directory: templates ?? CallSpecLoader.defaultDirectory())
    }

    /// Every call spec; a broken templates folder is a usage error (exit 2).
    func loadAll() throws -> [CallSpec] {
        do {
            let specs = try loader.loadAll()
            guard !specs.isEmpty else { throw ShenbaoExit.usage("模板目录 \(loader.directory) 中没有任何申报类别") }
            return specs
        } catch let error as CallSpecLoader.LoadError {
            throw ShenbaoExit.usage(error.description)
        }
    }

    /// The spec named by `--call`, or nil when none was given.
    func spec(_ id: String?, among specs: [CallSpec]) throws -> CallSpec? {
        guard let id else { return nil }
        guard let spec = specs.first(where: { $0.id == id }) else {
            throw ShenbaoExit.usage("未知的申报类别 \(id)；可选：\(specs.map(\.id).joined(separator: "、"))")
        }
        return spec
    }
}

/// Output formats of reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Errors that end a command with a documented exit code and a Chinese message on stderr.
enum ShenbaoExit: Error, CustomStringConvertible {
    case usage(String)

    var description: String {
        switch self {
        case .usage(let message): return "shenbao：\(message)"
        }
    }
}

extension ParsableCommand {
    /// Prints a usage error in Chinese and exits with code 2.
    static func exitWithUsage(_ error: ShenbaoExit) -> Never {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        Foundation.exit(2)
    }
}
