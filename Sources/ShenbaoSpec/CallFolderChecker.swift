import Foundation
import Yams
import ShenbaoModel

/// One mistake in a call folder: the file, where in it, and what is wrong, in Chinese.
public struct CallFolderProblem: Sendable, Equatable, Codable {
    /// The file inside the call folder (`call.yaml`, `catalogue.tsv`, `summary.yaml`).
    public var file: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `call.yaml 第5行第1列：未知的键 detcet，你是不是想写 detect？`
    public var description: String {
        var place = file
        if let line {
            place += " 第\(line)行"
            if let column { place += "第\(column)列" }
        }
        return "\(place)：\(message)"
    }
}

/// The strict checks of a call folder, for the person writing a call (`shenbao check-call`): YAML syntax,
/// unknown keys (with the nearest valid one), catalogue rows, field ids named anywhere that the catalogue
/// does not have. The valid keys of `call.yaml` are read off the loader's own types (`KeySchema`).
public enum CallFolderChecker {
    /// Every problem found in the folder; empty when it is clean.
    public static func check(folder: String) -> [CallFolderProblem] {
        var problems: [CallFolderProblem] = []
        let catalogue = checkCatalogue(folder: folder, into: &problems)
        let ids = catalogue.map { Set($0) }
        let callPath = "\(folder)/call.yaml"
        guard let yamlText = readText(callPath) else {
            problems.append(CallFolderProblem(file: "call.yaml", message: "缺少 call.yaml 或无法以 UTF-8 读取"))
            return problems
        }
        var root: Node?
        do {
            root = try Yams.compose(yaml: yamlText)
        } catch {
            problems.append(yamlProblem(error, file: "call.yaml"))
        }
        if let root {
            checkKeys(root, schema: KeySchema.of(CallFile.self), path: [], into: &problems)
            do {
                let file = try YAMLDecoder().decode(CallFile.self, from: yamlText)
                let name = URL(fileURLWithPath: folder).lastPathComponent
                if file.id != name {
                    let mark = root.mapping?["id"]?.mark
                    problems.append(CallFolderProblem(file: "call.yaml", line: mark?.line, column: mark?.column,
                                                      message: "id 为 \(file.id)，应与目录名 \(name) 一致"))
                }
            } catch let error as DecodingError {
                problems.append(decodingProblem(error, root: root, file: "call.yaml"))
            } catch {
                problems.append(CallFolderProblem(file: "call.yaml", message: "无法读取：\(error)"))
            }
            checkCheckEntries(root, folder: folder, into: &problems)
            if let ids, let catalogue { checkReferences(root, ids: ids, sorted: catalogue, into: &problems) }
        }
        if let catalogue, FileManager.default.fileExists(atPath: "\(folder)/summary.yaml") {
            checkSummary(folder: folder, ids: Set(catalogue), sorted: catalogue, into: &problems)
        }
        if problems.isEmpty {
            let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
            do {
                _ = try CallSpecLoader(directory: parent).load(URL(fileURLWithPath: folder).lastPathComponent)
            } catch {
                problems.append(CallFolderProblem(file: "call.yaml", message: "\(error)"))
            }
        }
        return problems
    }

    // MARK: - catalogue.tsv

    static let catalogueColumns = ["id", "section", "label", "type", "required", "options", "rule"]

    /// Checks every row; returns the field ids in order (nil when there is no catalogue to read).
    private static func checkCatalogue(folder: String, into problems: inout [CallFolderProblem]) -> [String]? {
        let file = "catalogue.tsv"
        guard let text = readText("\(folder)/\(file)") else {
            problems.append(CallFolderProblem(file: file, message: "缺少 catalogue.tsv 或无法以 UTF-8 读取"))
            return nil
        }
        let lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        let header = (lines.first ?? "").split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if header != catalogueColumns {
            problems.append(CallFolderProblem(file: file, line: 1, message: "表头应为 \(catalogueColumns.joined(separator: " "))（以 Tab 分隔），实为 \(header.joined(separator: " "))"))
        }
        var ids: [String] = []
        var firstLine: [String: Int] = [:]
        let validTypes = FieldType.allCases.map(\.rawValue)
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            func problem(_ message: String) { problems.append(CallFolderProblem(file: file, line: number, message: message)) }
            if cells.count != catalogueColumns.count {
                problem("应有 \(catalogueColumns.count) 列（以 Tab 分隔），实有 \(cells.count) 列")
            }
            let id = cells[0].trimmingWhitespace()
            if id.isEmpty {
                problem("字段 id 为空")
            } else if let first = firstLine[id] {
                problem("字段 id \(id) 重复（第 \(first) 行已有）")
            } else {
                firstLine[id] = number
                ids.append(id)
            }
            guard cells.count >= 5 else { continue }
            let typeName = cells[3].trimmingWhitespace()
            let type = FieldType(rawValue: typeName)
            if type == nil {
                var message = "字段 \(id) 的类型 \(typeName.isEmpty ? "（空）" : typeName) 未知"
                if let near = nearest(typeName, among: validTypes) { message += "，你是不是想写 \(near)？" }
                problem(message + "可用的类型：\(validTypes.joined(separator: "、"))")
            }
            let required = cells[4].trimmingWhitespace()
            if required != "yes" && required != "no" {
                problem("字段 \(id) 的 required 列应为 yes 或 no，实为 \(required.isEmpty ? "（空）" : required)")
            }
            let options = cells.count > 5 ? cells[5].split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } : []
            if let type, type == .choice || type == .multichoice, options.isEmpty {
                problem("字段 \(id) 是\(type.chineseName)（\(type.rawValue)），但 options 列没有选项（用 | 分隔）")
            }
        }
        return ids
    }

    // MARK: - call.yaml keys

    /// Reports every key the loader does not read, naming the nearest valid key.
    private static func checkKeys(_ node: Node, schema: KeySchema, path: [String], into problems: inout [CallFolderProblem]) {
        switch schema {
        case .keyed(let children):
            guard let mapping = node.mapping else { return }
            for (key, value) in mapping {
                let name = key.string ?? ""
                if let child = children[name] {
                    checkKeys(value, schema: child, path: path + [name], into: &problems)
                } else {
                    let valid = children.keys.sorted()
                    var message = path.isEmpty ? "未知的键 \(name)" : "「\(path.joined(separator: "."))」下未知的键 \(name)"
                    if let near = nearest(name, among: valid) { message += "，你是不是想写 \(near)？" } else { message += "。" }
                    message += "此处可用的键：\(valid.joined(separator: "、"))"
                    problems.append(CallFolderProblem(file: "call.yaml", line: key.mark?.line, column: key.mark?.column, message: message))
                }
            }
        case .dictionary(let element):
            guard let mapping = node.mapping else { return }
            for (key, value) in mapping { checkKeys(value, schema: element, path: path + [key.string ?? ""], into: &problems) }
        case .array(let element):
            guard let sequence = node.sequence else { return }
            for (index, item) in sequence.enumerated() {
                checkKeys(item, schema: element, path: path.isEmpty ? ["[\(index + 1)]"] : path.dropLast() + ["\(path.last ?? "")[\(index + 1)]"], into: &problems)
            }
        case .scalar:
            return
        }
    }

    /// Each `checks:` entry built as the loader builds it, so a missing part or an unknown kind is
    /// reported at its own line.
    private static func checkCheckEntries(_ root: Node, folder: String, into problems: inout [CallFolderProblem]) {
        guard let entries = root.mapping?["checks"]?.sequence else { return }
        for entry in entries {
            guard let decoded = try? YAMLDecoder().decode(CheckEntry.self, from: entry) else { continue }
            do {
                _ = try decoded.check(in: folder)
            } catch {
                let prefix = "\(folder)/call.yaml："
                var message = "\(error)"
                if message.hasPrefix(prefix) { message.removeFirst(prefix.count) }
                problems.append(CallFolderProblem(file: "call.yaml", line: entry.mark?.line, column: entry.mark?.column,
                                                  message: message))
            }
        }
    }

    /// Field ids named in `checks:`, `locate:`, `submission.key-fields`, `inbox.applicant-code/-name` and
    /// `key-enterprise.field` must be in the catalogue.
    private static func checkReferences(_ root: Node, ids: Set<String>, sorted: [String], into problems: inout [CallFolderProblem]) {
        guard let mapping = root.mapping else { return }
        func check(_ node: Node?, _ place: String) {
            guard let node else { return }
            let nodes = node.sequence.map(Array.init) ?? [node]
            for item in nodes {
                guard let id = item.string, !id.isEmpty, !ids.contains(id) else { continue }
                problems.append(CallFolderProblem(file: "call.yaml", line: item.mark?.line, column: item.mark?.column,
                                                  message: unknownFieldMessage(id, place: place, among: sorted)))
            }
        }
        for entry in items(mapping["checks"]) {
            let kind = entry.mapping?["kind"]?.string ?? "?"
            for key in ["field", "fields", "limit", "other", "parts", "part", "whole", "list"] {
                check(entry.mapping?[key], "检查项 \(kind) 的 \(key)")
            }
        }
        for (key, _) in pairs(mapping["locate"]) {
            guard let id = key.string, !ids.contains(id) else { continue }
            problems.append(CallFolderProblem(file: "call.yaml", line: key.mark?.line, column: key.mark?.column,
                                              message: unknownFieldMessage(id, place: "locate", among: sorted)))
        }
        check(mapping["submission"]?.mapping?["key-fields"], "submission.key-fields")
        check(mapping["submission"]?.mapping?["file-name"], "submission.file-name")
        check(mapping["submission"]?.mapping?["media"]?.mapping?["field"], "submission.media.field")
        check(mapping["inbox"]?.mapping?["quota-fields"]?.mapping?["kind"], "inbox.quota-fields.kind")
        check(mapping["inbox"]?.mapping?["quota-fields"]?.mapping?["unit"], "inbox.quota-fields.unit")
        for (key, _) in pairs(mapping["list-items-not-counted"]) {
            guard let id = key.string, !ids.contains(id) else { continue }
            problems.append(CallFolderProblem(file: "call.yaml", line: key.mark?.line, column: key.mark?.column,
                                              message: unknownFieldMessage(id, place: "list-items-not-counted", among: sorted)))
        }
        check(mapping["inbox"]?.mapping?["applicant-code"], "inbox.applicant-code")
        check(mapping["inbox"]?.mapping?["applicant-name"], "inbox.applicant-name")
        check(mapping["key-enterprise"]?.mapping?["field"], "key-enterprise.field")
    }

    /// The field ids `summary.yaml` takes its columns from.
    private static func checkSummary(folder: String, ids: Set<String>, sorted: [String], into problems: inout [CallFolderProblem]) {
        let file = "summary.yaml"
        guard let text = readText("\(folder)/\(file)") else {
            problems.append(CallFolderProblem(file: file, message: "无法以 UTF-8 读取"))
            return
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            problems.append(yamlProblem(error, file: file))
            return
        }
        guard let mapping = root?.mapping else { return }
        var sources: [(node: Node, place: String)] = []
        for item in items(mapping["recommender"]) { sources.append((item, "recommender")) }
        for item in items(mapping["region"]?.mapping?["from"]) { sources.append((item, "region.from")) }
        for column in items(mapping["columns"]) {
            let header = column.mapping?["header"]?.string ?? ""
            for item in items(column.mapping?["from"]) { sources.append((item, "列「\(header)」的 from")) }
        }
        for (node, place) in sources {
            guard let source = node.string, !source.hasPrefix("passage:"), source != "region", source != "index", !ids.contains(source) else { continue }
            problems.append(CallFolderProblem(file: file, line: node.mark?.line, column: node.mark?.column,
                                              message: unknownFieldMessage(source, place: place, among: sorted)))
        }
    }

    private static func unknownFieldMessage(_ id: String, place: String, among ids: [String]) -> String {
        var message = "\(place) 引用了不存在的字段 \(id)（catalogue.tsv 中没有）"
        if let near = nearest(id, among: ids) { message += "，你是不是想写 \(near)？" }
        return message
    }

    // MARK: - errors from Yams

    /// A YAML syntax error with its line and column, in Chinese.
    static func yamlProblem(_ error: Error, file: String) -> CallFolderProblem {
        guard let error = error as? YamlError else {
            return CallFolderProblem(file: file, message: "YAML 无法读取：\(error)")
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return CallFolderProblem(file: file, line: mark.line, column: mark.column, message: "YAML 语法错误：\(chinese(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return CallFolderProblem(file: file, line: context.mark.line, column: context.mark.column,
                                     message: "YAML 中键 \(duplicates.joined(separator: "、")) 重复出现")
        case .reader(let problem, _, _, _):
            return CallFolderProblem(file: file, message: "文件无法按 UTF-8 读取（\(problem)）")
        default:
            return CallFolderProblem(file: file, message: "YAML 无法读取：\(error)")
        }
    }

    /// libyaml's common problems in Chinese (the original kept in brackets).
    private static func chinese(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed", "此处不能出现「键: 值」，可能缩进不对或值里的冒号需要加引号"),
            ("did not find expected key", "没有找到预期的键，可能缩进没有对齐"),
            ("found character that cannot start any token", "出现了不能用作开头的字符（如 Tab、@、`），可能需要加引号"),
            ("did not find expected ',' or ']'", "方括号列表缺少 , 或 ]"),
            ("did not find expected ',' or '}'", "花括号映射缺少 , 或 }"),
            ("found unexpected end of stream", "文件意外结束，引号或括号没有闭合"),
            ("could not find expected ':'", "缺少冒号 :"),
            ("found a tab character", "缩进里有 Tab，YAML 只能用空格缩进"),
            ("did not find expected node content", "此处缺少内容"),
            ("block sequence entries are not allowed", "此处不能出现列表项「- 」，可能缩进不对"),
            ("did not find expected '-' indicator", "列表项缺少「- 」或缩进没有对齐"),
            ("found undefined alias", "引用了未定义的锚点（*别名）"),
        ]
        for (english, text) in known where problem.contains(english) { return "\(text)（\(problem)）" }
        return problem
    }

    /// A decoding error (wrong kind of value, a required key missing) at the node it names.
    private static func decodingProblem(_ error: DecodingError, root: Node, file: String) -> CallFolderProblem {
        let context: DecodingError.Context
        var message: String
        func where_(_ path: [CodingKey]) -> String {
            path.isEmpty ? "" : "「\(path.map { $0.intValue.map { "[\($0 + 1)]" } ?? $0.stringValue }.joined(separator: "."))」"
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            context = ctx
            message = "\(where_(ctx.codingPath))的值类型不对，应为\(typeName(type))"
        case .valueNotFound(let type, let ctx):
            context = ctx
            message = "\(where_(ctx.codingPath))不能为空，应为\(typeName(type))"
        case .keyNotFound(let key, let ctx):
            context = ctx
            message = "\(where_(ctx.codingPath))缺少必填的键 \(key.stringValue)"
        case .dataCorrupted(let ctx):
            context = ctx
            message = "\(where_(ctx.codingPath))的值无法读取：\(ctx.debugDescription)"
        @unknown default:
            return CallFolderProblem(file: file, message: "无法读取：\(error)")
        }
        var node: Node? = root
        var mark = root.mark
        for key in context.codingPath {
            if let index = key.intValue, let sequence = node?.sequence, index < sequence.count {
                node = sequence[index]
            } else {
                node = node?.mapping?[key.stringValue]
            }
            if let found = node?.mark { mark = found } else { break }
        }
        return CallFolderProblem(file: file, line: mark?.line, column: mark?.column, message: message)
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if type == String.self { return "文本" }
        if type == Int.self { return "整数" }
        if type == Double.self { return "数字" }
        if type == Bool.self { return "true 或 false" }
        if name.hasPrefix("Array") { return "列表（- 项 或 [a, b]）" }
        return "映射（键: 值）"
    }

    // MARK: - helpers

    private static func items(_ node: Node?) -> [Node] {
        node?.sequence.map(Array.init) ?? []
    }

    private static func pairs(_ node: Node?) -> [(key: Node, value: Node)] {
        node?.mapping.map { Array($0) } ?? []
    }

    private static func readText(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The candidate closest to `word` by edit distance (a swap of two neighbours counts once), when close
    /// enough to be a typo.
    package static func nearest(_ word: String, among candidates: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        let limit = max(1, min(3, (word.count + 1) / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
