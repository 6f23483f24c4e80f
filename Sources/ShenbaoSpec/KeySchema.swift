import ShenbaoModel

/// The keys a `Decodable` type reads, level by level, found by decoding it once from a probe that
/// answers every question with a placeholder and writes down what it was asked. So the valid keys of
/// `call.yaml` come from the loader's own types (their `CodingKeys`), never from a second list kept by hand.
package indirect enum KeySchema: Sendable, Equatable {
    /// A struct: its keys and what each holds.
    case keyed([String: KeySchema])
    /// A dictionary with free keys (`locate:` field ids, `quotas:` names) and what each value holds.
    case dictionary(KeySchema)
    /// A list and what each item holds.
    case array(KeySchema)
    /// A single value.
    case scalar

    /// The schema of a type, as its `init(from:)` reads it.
    package static func of<T: Decodable>(_ type: T.Type) -> KeySchema {
        let root = ProbeNode()
        _ = try? T(from: ProbeDecoder(node: root, depth: 0))
        return root.schema
    }

    /// The valid keys at this level (empty for anything but a struct).
    package var keys: [String] {
        if case .keyed(let children) = self { return children.keys.sorted() }
        return []
    }
}

/// What the probe learnt about one level.
private final class ProbeNode {
    enum Kind { case unknown, keyed, dictionary, array, scalar }
    var kind: Kind = .unknown
    var children: [String: ProbeNode] = [:]
    var element: ProbeNode?

    static let freeKey = "\u{0}*"

    func child(_ key: String) -> ProbeNode {
        if let existing = children[key] { return existing }
        let node = ProbeNode()
        children[key] = node
        return node
    }

    func elementNode() -> ProbeNode {
        if let element { return element }
        let node = ProbeNode()
        element = node
        return node
    }

    var schema: KeySchema {
        switch kind {
        case .keyed: return .keyed(children.mapValues(\.schema))
        case .dictionary: return .dictionary(children[Self.freeKey]?.schema ?? .scalar)
        case .array: return .array(element?.schema ?? .scalar)
        case .unknown, .scalar: return .scalar
        }
    }
}

private struct ProbeError: Error {}

private struct ProbeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

private struct ProbeDecoder: Decoder {
    let node: ProbeNode
    let depth: Int
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard depth < 24 else { throw ProbeError() }
        if node.kind == .unknown { node.kind = .keyed }
        return KeyedDecodingContainer(ProbeKeyed<Key>(node: node, depth: depth))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard depth < 24 else { throw ProbeError() }
        node.kind = .array
        return ProbeUnkeyed(node: node, depth: depth)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        if node.kind == .unknown { node.kind = .scalar }
        return ProbeSingle(node: node, depth: depth)
    }
}

/// Placeholder values for the standard scalar types.
private func placeholder<T>(_ type: T.Type) -> T? {
    switch type {
    case is String.Type: return "" as? T
    case is Bool.Type: return false as? T
    case is Double.Type: return 0.0 as? T
    case is Float.Type: return Float(0) as? T
    case is Int.Type: return 0 as? T
    case is Int8.Type: return Int8(0) as? T
    case is Int16.Type: return Int16(0) as? T
    case is Int32.Type: return Int32(0) as? T
    case is Int64.Type: return Int64(0) as? T
    case is UInt.Type: return UInt(0) as? T
    case is UInt8.Type: return UInt8(0) as? T
    case is UInt16.Type: return UInt16(0) as? T
    case is UInt32.Type: return UInt32(0) as? T
    case is UInt64.Type: return UInt64(0) as? T
    default: return nil
    }
}

private func probe<T: Decodable>(_ type: T.Type, node: ProbeNode, depth: Int) throws -> T {
    if let value = placeholder(type) {
        if node.kind == .unknown { node.kind = .scalar }
        return value
    }
    return try T(from: ProbeDecoder(node: node, depth: depth + 1))
}

private struct ProbeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: ProbeNode
    let depth: Int
    var codingPath: [CodingKey] = []

    /// Asked only by dictionaries (a struct's synthesized decoder names its keys).
    var allKeys: [Key] {
        node.kind = .dictionary
        return [Key(stringValue: ProbeNode.freeKey)].compactMap { $0 }
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try probe(type, node: node.child(key.stringValue), depth: depth)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try? probe(type, node: node.child(key.stringValue), depth: depth)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ProbeDecoder(node: node.child(key.stringValue), depth: depth + 1).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try ProbeDecoder(node: node.child(key.stringValue), depth: depth + 1).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { ProbeDecoder(node: node, depth: depth + 1) }
    func superDecoder(forKey key: Key) throws -> Decoder { ProbeDecoder(node: node.child(key.stringValue), depth: depth + 1) }
}

private struct ProbeUnkeyed: UnkeyedDecodingContainer {
    let node: ProbeNode
    let depth: Int
    var codingPath: [CodingKey] = []
    var currentIndex = 0
    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex >= 1 }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try probe(type, node: node.elementNode(), depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try ProbeDecoder(node: node.elementNode(), depth: depth + 1).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        currentIndex += 1
        return try ProbeDecoder(node: node.elementNode(), depth: depth + 1).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        currentIndex += 1
        return ProbeDecoder(node: node.elementNode(), depth: depth + 1)
    }
}

private struct ProbeSingle: SingleValueDecodingContainer {
    let node: ProbeNode
    let depth: Int
    var codingPath: [CodingKey] = []

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let value = placeholder(type) { return value }
        return try T(from: ProbeDecoder(node: node, depth: depth + 1))
    }
}
