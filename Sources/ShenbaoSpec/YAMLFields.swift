import Foundation
import Yams

/// A YAML value that is not what the key holds (a list where text belongs, a required key missing), in Chinese,
/// with the key's path and where in the file it is.
struct YAMLShapeError: Error, CustomStringConvertible {
    /// The key's path, e.g. `locate.field_x.occurrence`.
    let path: String
    let problem: String
    let mark: Mark?

    var description: String {
        let place = mark.map { "第 \($0.line) 行第 \($0.column) 列：" } ?? ""
        return "\(place)\(path.isEmpty ? "文件" : path) \(problem)"
    }
}

/// The keys of one YAML mapping, read as the types a spec file's fields have. An absent key and a null value
/// (`key:`, `key: ~`) both read as nil, as `decodeIfPresent` reads them.
struct YAMLFields {
    /// A spec file's node tree. Tags are not resolved (`Resolver.basic`: Yams' default resolver compiles seven
    /// regular expressions on first use); scalars are read as the field's type by `integer`, `boolean` and
    /// `number` below, as Yams reads them. The constructor and the encoding are given, not Yams' defaults:
    /// `Constructor.default` builds a new constructor each time, and `Parser.Encoding.default` copies the
    /// whole environment to look for an override (together a tenth of loading a call).
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, constructor, .utf8)
    }

    // (Its maps are constants: one instance is safely shared by every thread that loads calls.)
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// A plain scalar as an integer (`3`, `-2`, `1_000`).
    static func integer(_ node: Node) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Int(scalar.string.replacingOccurrences(of: "_", with: ""))
    }

    /// A plain scalar as a YAML 1.1 boolean: `true`/`yes`/`on` or `false`/`no`/`off`, in any case.
    static func boolean(_ node: Node) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A plain scalar as a number (`5000`, `0.5`, `1e3`).
    static func number(_ node: Node) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return Double(scalar.string.replacingOccurrences(of: "_", with: ""))
    }

    /// The mapping's values by their keys' text. (Yams' own `mapping[key]` resolves each key's YAML tag with
    /// regular expressions on every look-up; the keys are read as text once here instead.)
    private let values: [String: Node]
    /// This mapping's path ("" for the document).
    let path: String
    private let mark: Mark?

    init(_ node: Node, path: String) throws {
        guard let mapping = node.mapping else { throw YAMLShapeError(path: path, problem: "应为键值表", mark: node.mark) }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if let text = key.string, values[text] == nil { values[text] = value }
        }
        self.values = values
        self.path = path
        mark = node.mark
    }

    /// The value of `key`, nil when absent or null.
    func node(_ key: String) -> Node? {
        guard let node = values[key], node.null == nil else { return nil }
        return node
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A scalar read by `read` (`\.string`, `integer`, `number`, `boolean`); `expected` names its kind in Chinese.
    func value<Value>(_ key: String, _ read: (Node) -> Value?, _ expected: String) throws -> Value? {
        guard let node = node(key) else { return nil }
        return try Self.scalar(node, path: child(key), read, expected)
    }

    /// A scalar that must be present.
    func required<Value>(_ key: String, _ read: (Node) -> Value?, _ expected: String) throws -> Value {
        guard let value = try value(key, read, expected) else {
            throw YAMLShapeError(path: child(key), problem: "缺失（必填）", mark: mark)
        }
        return value
    }

    /// A list of texts.
    func strings(_ key: String) throws -> [String]? {
        guard let node = node(key) else { return nil }
        return try Self.strings(node, path: child(key))
    }

    /// A list whose items `item` reads (given each item and its path).
    func list<Item>(_ key: String, _ item: (Node, String) throws -> Item) throws -> [Item]? {
        guard let node = node(key) else { return nil }
        guard let sequence = node.sequence else { throw YAMLShapeError(path: child(key), problem: "应为列表", mark: node.mark) }
        var items: [Item] = []
        for (index, element) in sequence.enumerated() { items.append(try item(element, "\(child(key))[\(index)]")) }
        return items
    }

    /// A mapping with free keys (field ids, names) whose values `value` reads.
    func dictionary<Value>(_ key: String, _ value: (Node, String) throws -> Value) throws -> [String: Value]? {
        guard let node = node(key) else { return nil }
        guard let mapping = node.mapping else { throw YAMLShapeError(path: child(key), problem: "应为键值表", mark: node.mark) }
        var result: [String: Value] = [:]
        for (name, element) in mapping {
            guard let name = name.string else { throw YAMLShapeError(path: child(key), problem: "的键应为文字", mark: name.mark) }
            result[name] = try value(element, "\(child(key)).\(name)")
        }
        return result
    }

    /// A nested mapping that `read` turns into a value.
    func object<Value>(_ key: String, _ read: (YAMLFields) throws -> Value) throws -> Value? {
        guard let node = node(key) else { return nil }
        return try read(try YAMLFields(node, path: child(key)))
    }

    /// A scalar node read by `read`.
    static func scalar<Value>(_ node: Node, path: String, _ read: (Node) -> Value?, _ expected: String) throws -> Value {
        guard node.scalar != nil, let value = read(node) else { throw YAMLShapeError(path: path, problem: "应为\(expected)", mark: node.mark) }
        return value
    }

    /// A list node of texts.
    static func strings(_ node: Node, path: String) throws -> [String] {
        guard let sequence = node.sequence else { throw YAMLShapeError(path: path, problem: "应为文字列表", mark: node.mark) }
        var result: [String] = []
        for (index, element) in sequence.enumerated() { result.append(try scalar(element, path: "\(path)[\(index)]", \.string, "文字")) }
        return result
    }
}
