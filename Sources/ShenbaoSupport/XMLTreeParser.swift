import Foundation

/// Reads plain XML into an `XMLTree` straight from its UTF-8 bytes: no DTD, no entities but the five
/// predefined ones and character references, UTF-8 only. It is strict rather than clever: anything it
/// is not sure of — a DOCTYPE, a syntax error, a name or character XML does not allow, another
/// encoding, an unbound prefix, deeper nesting than libxml2 allows — makes it give up (nil), and
/// `XMLTree.parse` hands the bytes to libxml2, which reports the problem as it always has. What it
/// accepts it reads as libxml2 does: line ends normalised, attribute whitespace turned into spaces,
/// references replaced, comments and processing instructions skipped. With an `XMLElementFilter`, the
/// elements it leaves out are only read past to their end (`Parser.skipElement`): what is inside them is not
/// checked, so a part broken only there is read (the elements kept being whole), where libxml2 would refuse it.
enum XMLTreeParser {
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    /// Deeper nesting is left to libxml2 (whose own limit is 256 without `XML_PARSE_HUGE`).
    static let maxDepth = 200

    /// The tree of `bytes`, or nil when they are left to libxml2. With a `filter`, the tree holds only the
    /// elements it keeps; the others are only read past (see `skipElement`).
    static func parse(_ bytes: [UInt8], keeping filter: XMLElementFilter? = nil) -> XMLTree? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) / 2 else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> XMLTree? in
            guard allowedCharacters(buffer) else { return nil }
            var parser = Parser(bytes: buffer, builder: XMLTreeBuilder(source: bytes, expectedElements: filter == nil ? bytes.count / 40 : 0),
                                filter: filter)
            guard parser.parseDocument() else { return nil }
            return parser.builder.build()
        }
    }

    /// Whether `bytes` are valid UTF-8 made only of characters XML allows (no C0 controls but tab, line
    /// feed and carriage return; no surrogates, U+FFFE or U+FFFF).
    static func allowedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        /// The high bit of each of a word's eight bytes that is not ASCII or is below 0x20 (a borrow may mark a byte
        /// after such a byte too: zero means none is).
        @inline(__always)
        func notPlain(at offset: Int) -> UInt64 {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            return (word | (word &- 0x2020_2020_2020_2020) & ~word) & 0x8080_8080_8080_8080
        }
        while index < count {
            // Thirty-two, then eight, ASCII bytes none below 0x20 (most of a part's markup) in one step.
            if index + 32 <= count,
               notPlain(at: index) | notPlain(at: index + 8) | notPlain(at: index + 16) | notPlain(at: index + 24) == 0 {
                index += 32
                continue
            }
            if index + 8 <= count, notPlain(at: index) == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead < 0x20, lead != 0x09, lead != 0x0A, lead != 0x0D { return false }
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length where base[index + offset] & 0xC0 != 0x80 { return false }
            let second = base[index + 1]
            switch lead {
            case 0xE0 where second < 0xA0: return false
            case 0xED where second >= 0xA0: return false
            case 0xEF where second == 0xBF && base[index + 2] >= 0xBE: return false
            case 0xF0 where second < 0x90: return false
            case 0xF4 where second >= 0x90: return false
            default: break
            }
            index += length
        }
        return true
    }

    /// One parse: a cursor over the bytes and the tree being built.
    struct Parser: ~Copyable {
        let bytes: UnsafeBufferPointer<UInt8>
        var builder: XMLTreeBuilder
        var position = 0
        /// Where the qualified names of the open elements are, for matching end tags.
        var openNames = GrowingBuffer<(start: Int, count: Int)>()
        var sawRoot = false
        /// The attributes of the start tag being read, as scanned.
        var pending = GrowingBuffer<PendingAttribute>()
        /// How many of the pending attributes declare a namespace (most start tags declare none).
        var pendingDeclarations = 0
        /// The attributes of the start tag being read, by local name and namespace.
        var seen = GrowingBuffer<(localStart: Int, localEnd: Int, namespace: Int32)>()
        /// Prefixes already resolved in `resolvedScope` (most elements share their parent's scope).
        var resolved: [(prefix: Range<Int>, namespace: Int32)] = []
        var resolvedScope: Int32 = -2
        /// The prefix resolved last in `resolvedScope` and its namespace (in WordprocessingML nearly always `w`).
        var lastPrefix: Range<Int> = 0..<0
        var lastNamespace: Int32 = -1

        /// Which elements go into the tree (all without a filter).
        let filter: XMLElementFilter?

        init(bytes: UnsafeBufferPointer<UInt8>, builder: consuming XMLTreeBuilder, filter: XMLElementFilter?) {
            self.bytes = bytes
            self.builder = builder
            self.filter = filter
        }

        /// Whether the element being opened, named `local`, goes into the tree (its ancestors are in it: the
        /// elements the filter leaves out are read past whole).
        private func keeps(local: Range<Int>) -> Bool {
            guard let filter, !openNames.isEmpty else { return true }
            return filter.keeps(depth: openNames.count - 1, name: UnsafeBufferPointer(rebasing: bytes[local]))
        }

        mutating func parseDocument() -> Bool {
            if starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            if starts(with: Array("<?xml".utf8)), position + 5 < bytes.count, Self.isSpace(bytes[position + 5]) {
                guard declaration() else { return false }
            }
            while position < bytes.count {
                // (Markup mostly follows markup: no search then.)
                let next = bytes[position] == UInt8(ascii: "<") ? position : find(UInt8(ascii: "<"), from: position) ?? bytes.count
                if next > position, !text(position..<next) { return false }
                position = next
                guard position < bytes.count else { break }
                guard position + 1 < bytes.count else { return false }
                let ok: Bool
                switch bytes[position + 1] {
                case UInt8(ascii: "/"): ok = endTag()
                case UInt8(ascii: "!"): ok = markupDeclaration()
                case UInt8(ascii: "?"): ok = processingInstruction()
                default: ok = startTag()
                }
                guard ok else { return false }
            }
            return sawRoot && openNames.isEmpty
        }

        // MARK: Markup

        /// `<?xml …?>`: only UTF-8 (or no encoding named) is read here.
        private mutating func declaration() -> Bool {
            guard let end = find(Array("?>".utf8), from: position) else { return false }
            let content = Array(bytes[position + 5..<end])
            position = end + 2
            guard let at = content.firstRange(of: Array("encoding".utf8)) else { return true }
            var rest = content[at.upperBound...].drop { Self.isSpace($0) }
            guard rest.first == UInt8(ascii: "=") else { return false }
            rest = rest.dropFirst().drop { Self.isSpace($0) }
            guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
            let name = rest.dropFirst().prefix { $0 != quote }
            return String(decoding: name, as: UTF8.self).lowercased() == "utf-8"
        }

        private mutating func startTag() -> Bool {
            guard openNames.count < XMLTreeParser.maxDepth, !(openNames.isEmpty && sawRoot) else { return false }
            position += 1
            guard let (name, colon) = scanName() else { return false }
            guard keeps(local: colon.map { $0 + 1..<name.upperBound } ?? name) else { return skipElement(named: name) }
            pending.removeAll()
            pendingDeclarations = 0
            var selfClosing = false
            while true {
                let spaced = skipSpaces()
                guard position < bytes.count else { return false }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    break
                }
                if bytes[position] == UInt8(ascii: "/") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else { return false }
                    position += 2
                    selfClosing = true
                    break
                }
                guard spaced, let (attributeName, attributeColon) = scanName() else { return false }
                skipSpaces()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return false }
                position += 1
                skipSpaces()
                guard position < bytes.count else { return false }
                let quote = bytes[position]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
                // One pass to the closing quote: no `<` allowed, and whether the value needs decoding.
                var end = position + 1
                var plain = true
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == quote { break }
                    if byte == UInt8(ascii: "<") { return false }
                    if byte == UInt8(ascii: "&") || byte == 0x0D || byte == 0x09 || byte == 0x0A { plain = false }
                    end += 1
                }
                guard end < bytes.count else { return false }
                let value = position + 1..<end
                let declares = attributeColon.map { equals(attributeName.lowerBound..<$0, "xmlns") }
                    ?? equals(attributeName, "xmlns")
                if declares {
                    // A namespace declared twice (other attributes given twice are caught by `open`, by namespace
                    // and local name, which also catches the same name written twice).
                    for index in 0..<pending.count where pending[index].declares && same(pending[index].name, attributeName) { return false }
                    pendingDeclarations += 1
                }
                pending.append(PendingAttribute(nameStart: attributeName.lowerBound, nameEnd: attributeName.upperBound,
                                                colonAt: attributeColon ?? -1, valueStart: value.lowerBound, valueEnd: value.upperBound,
                                                plain: plain, declares: declares))
                position = end + 1
            }
            guard open(name: name, colon: colon) else { return false }
            sawRoot = true
            if selfClosing {
                builder.closeElement()
            } else {
                openNames.append((name.lowerBound, name.count))
            }
            return true
        }

        /// Declares the pending namespaces, resolves prefixes and opens the element in the tree; false when the
        /// parser gives up.
        private mutating func open(name: Range<Int>, colon: Int?) -> Bool {
            var scope = builder.scope
            if pendingDeclarations > 0 {
                for index in 0..<pending.count where pending[index].declares {
                    let attribute = pending[index]
                    guard let uri = decodedString(attribute.value, attribute: true) else { return false }
                    var prefix = XMLTree.Span(start: 0, count: 0)
                    if let colon = attribute.colon {
                        let prefixRange = colon + 1..<attribute.name.upperBound
                        // Binding `xml` or `xmlns`, or undeclaring a prefix, is left to libxml2.
                        guard !uri.isEmpty, !equals(prefixRange, "xml"), !equals(prefixRange, "xmlns") else { return false }
                        prefix = builder.sourceSpan(prefixRange)
                    }
                    scope = builder.declare(prefix: prefix, namespace: uri.isEmpty ? -1 : builder.namespace(uri), parent: scope)
                }
            }
            seen.removeAll()
            for index in 0..<pending.count where !pending[index].declares {
                let attribute = pending[index]
                var local = attribute.name
                var namespace: Int32 = -1
                if let colon = attribute.colon {
                    guard let bound = boundNamespace(ofPrefix: attribute.name.lowerBound..<colon, scope: scope) else { return false }
                    namespace = bound
                    local = colon + 1..<attribute.name.upperBound
                }
                // The same attribute twice under two prefixes is left to libxml2.
                if pending.count > 1 {
                    for other in 0..<seen.count where seen[other].namespace == namespace
                        && same(seen[other].localStart..<seen[other].localEnd, local) { return false }
                    seen.append((local.lowerBound, local.upperBound, namespace))
                }
                var value = builder.sourceSpan(attribute.value)
                if !attribute.plain {
                    // A reference this parser cannot read sends the part to libxml2.
                    guard let decoded = decode(attribute.value, attribute: true, references: true) else { return false }
                    value = builder.keep(decoded)
                }
                builder.addAttribute(localName: builder.sourceSpan(local), value: value)
            }
            var local = name
            let namespace: Int32
            if let colon {
                guard let bound = boundNamespace(ofPrefix: name.lowerBound..<colon, scope: scope) else { return false }
                namespace = bound
                local = colon + 1..<name.upperBound
            } else {
                namespace = defaultNamespace(scope: scope)
            }
            builder.openElement(localName: builder.sourceSpan(local), namespace: namespace, scope: scope)
            return true
        }

        /// The namespace a prefix is bound to in `scope`; nil when it is not bound. The prefix resolved last is
        /// answered here, without a call.
        @inline(__always)
        private mutating func boundNamespace(ofPrefix prefix: Range<Int>, scope: Int32) -> Int32? {
            if scope == resolvedScope, same(prefix, lastPrefix) { return lastNamespace }
            guard let namespace = resolve(prefix, scope: scope) else { return nil }
            lastPrefix = prefix
            lastNamespace = namespace
            return namespace
        }

        /// The namespace a prefix is bound to in `scope`; nil when it is not bound.
        private mutating func resolve(_ prefix: Range<Int>, scope: Int32) -> Int32? {
            if scope != resolvedScope {
                resolvedScope = scope
                resolved.removeAll(keepingCapacity: true)
            }
            for index in resolved.indices where same(resolved[index].prefix, prefix) { return resolved[index].namespace }
            var current = scope
            var namespace: Int32?
            while current >= 0 {
                let declaration = builder.declarations[Int(current)]
                // The parser's declarations name their prefixes in the source.
                if declaration.prefix.count > 0,
                   same(Int(declaration.prefix.start)..<Int(declaration.prefix.start + declaration.prefix.count), prefix) {
                    namespace = declaration.namespace
                    break
                }
                current = declaration.parent
            }
            if namespace == nil, equals(prefix, "xml") { namespace = builder.namespace(XMLTreeParser.xmlNamespace) }
            if let namespace { resolved.append((prefix, namespace)) }
            return namespace
        }

        private func defaultNamespace(scope: Int32) -> Int32 {
            var current = scope
            while current >= 0 {
                let declaration = builder.declarations[Int(current)]
                if declaration.prefix.count == 0 { return declaration.namespace }
                current = declaration.parent
            }
            return -1
        }

        /// Reads the end tag at `position`, which must close the innermost open element, and closes that element.
        private mutating func endTag() -> Bool {
            position += 2
            guard let open = openNames.last, endTagNames(open.start..<open.start + open.count),
                  closeEndTag(named: open.count) else { return false }
            openNames.removeLast()
            builder.closeElement()
            return true
        }

        /// Whether the name of the end tag at `position` (past its `</`) is `name`, compared in place: the same bytes,
        /// and no more of a name after them.
        private func endTagNames(_ name: Range<Int>) -> Bool {
            hasName(name, at: position) && !(position + name.count < bytes.count && Self.isNameByte(bytes[position + name.count]))
        }

        /// Reads past the rest of an end tag whose name, `count` bytes, is at `position`: white space, then `>`.
        private mutating func closeEndTag(named count: Int) -> Bool {
            position += count
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { return false }
            position += 1
            return true
        }

        /// A comment or a CDATA section, whose text goes into the tree when `keepingText` (not inside an element left
        /// out); anything else starting `<!` (a DOCTYPE) is left to libxml2.
        private mutating func markupDeclaration(keepingText: Bool = true) -> Bool {
            if starts(with: Array("<!--".utf8)) {
                // "--" may only close the comment.
                guard let dashes = find(Array("--".utf8), from: position + 4), dashes + 2 < bytes.count,
                      bytes[dashes + 2] == UInt8(ascii: ">") else { return false }
                position = dashes + 3
                return true
            }
            if starts(with: Array("<![CDATA[".utf8)), !openNames.isEmpty {
                let start = position + 9
                guard let end = find(Array("]]>".utf8), from: start) else { return false }
                if keepingText {
                    guard let value = span(start..<end, references: false) else { return false }
                    builder.addText(value)
                }
                position = end + 3
                return true
            }
            return false
        }

        private mutating func processingInstruction() -> Bool {
            position += 2
            guard let (name, _) = scanName(), String(decoding: bytes[name], as: UTF8.self).lowercased() != "xml",
                  let end = find(Array("?>".utf8), from: name.upperBound) else { return false }
            if end > name.upperBound, !Self.isSpace(bytes[name.upperBound]) { return false }
            position = end + 2
            return true
        }

        /// Character data between markup: only white space outside the document element.
        private mutating func text(_ range: Range<Int>) -> Bool {
            if openNames.isEmpty {
                return bytes[range].allSatisfy(Self.isSpace)
            }
            guard let value = span(range) else { return false }
            builder.addText(value)
            return true
        }

        // MARK: Elements left out

        /// Reads past an element the filter leaves out, from the end of its name in its start tag to the end of
        /// its end tag (or of its empty-element tag). Nothing inside it is read, so it is checked only for where it
        /// ends: its start tag must end in `>` or `/>` with quoted values free of `<`; inside it, comments, CDATA
        /// sections and processing instructions must end (an end tag in them does not count), elements of its own
        /// name nest, and a DOCTYPE sends the part to libxml2 as anywhere else. Other tags inside it are only passed
        /// over, from `<` to `<`. (Its characters were checked with the whole part's; its names, references and
        /// namespace prefixes are not looked at: none of them reaches the tree.)
        private mutating func skipElement(named name: Range<Int>) -> Bool {
            guard let empty = skipAttributes() else { return false }
            if empty { return true }
            // Elements of the same name open inside it.
            var nested = 0
            while let next = find(UInt8(ascii: "<"), from: position), next + 1 < bytes.count {
                position = next
                switch bytes[next + 1] {
                case UInt8(ascii: "/"):
                    position = next + 2
                    guard endTagNames(name) else { continue }
                    guard closeEndTag(named: name.count) else { return false }
                    if nested == 0 { return true }
                    nested -= 1
                case UInt8(ascii: "!"):
                    guard markupDeclaration(keepingText: false) else { return false }
                case UInt8(ascii: "?"):
                    guard processingInstruction() else { return false }
                default:
                    position = next + 1
                    guard hasName(name, at: position), position + name.count < bytes.count,
                          Self.isOneOf(bytes[position + name.count], Self.nameEnds) else { continue }
                    position += name.count
                    guard let innerEmpty = skipAttributes() else { return false }
                    if !innerEmpty { nested += 1 }
                }
            }
            return false
        }

        /// Whether the bytes at `offset` begin with those of `name` (a range of the bytes).
        private func hasName(_ name: Range<Int>, at offset: Int) -> Bool {
            offset + name.count <= bytes.count
                && Self.sameBytes(bytes.baseAddress! + offset, bytes.baseAddress! + name.lowerBound, name.count)
        }

        /// Reads past the rest of a start tag left out, from the end of its name: whether it was an empty-element
        /// tag (`/>`); nil when it does not end well.
        private mutating func skipAttributes() -> Bool? {
            let base = bytes.baseAddress!
            var cursor = position
            while cursor < bytes.count {
                // (Most bytes are none of the five the switch looks for: told by one test.)
                guard Self.isOneOf(base[cursor], Self.tagMarks) else {
                    cursor += 1
                    continue
                }
                switch base[cursor] {
                case UInt8(ascii: ">"):
                    position = cursor + 1
                    return false
                case UInt8(ascii: "/"):
                    guard cursor + 1 < bytes.count, base[cursor + 1] == UInt8(ascii: ">") else { return nil }
                    position = cursor + 2
                    return true
                case UInt8(ascii: "<"):
                    return nil
                case let quote where quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"):
                    cursor += 1
                    while cursor < bytes.count, base[cursor] != quote {
                        if base[cursor] == UInt8(ascii: "<") { return nil }
                        cursor += 1
                    }
                    guard cursor < bytes.count else { return nil }
                default:
                    break
                }
                cursor += 1
            }
            return nil
        }

        // MARK: Values

        /// The span of character data (`references`: text; without: a CDATA section): the source bytes when they
        /// need no decoding, else the decoded bytes; nil when a reference is not one this parser reads, or text
        /// holds `]]>`. (Attribute values are told plain or not as their tag is scanned.)
        private mutating func span(_ range: Range<Int>, references: Bool = true) -> XMLTree.Span? {
            // Text with no `&`, carriage return or `>` (nearly all) is taken as it is, told by three memchr calls.
            if let base = bytes.baseAddress, !range.isEmpty,
               memchr(base + range.lowerBound, Int32(UInt8(ascii: "&")), range.count) == nil,
               memchr(base + range.lowerBound, 0x0D, range.count) == nil,
               memchr(base + range.lowerBound, Int32(UInt8(ascii: ">")), range.count) == nil {
                return builder.sourceSpan(range)
            }
            var plain = true
            for index in range {
                let byte = bytes[index]
                if byte == UInt8(ascii: "&") || byte == 0x0D {
                    plain = false
                    if !references { break }
                }
                if references, byte == UInt8(ascii: ">"), index - range.lowerBound >= 2,
                   bytes[index - 1] == UInt8(ascii: "]"), bytes[index - 2] == UInt8(ascii: "]") {
                    return nil
                }
            }
            if plain { return builder.sourceSpan(range) }
            guard let decoded = decode(range, attribute: false, references: references) else { return nil }
            return builder.keep(decoded)
        }

        private func decodedString(_ range: Range<Int>, attribute: Bool) -> String? {
            decode(range, attribute: attribute, references: true).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Line ends normalised (and, in attributes, white space made spaces); references replaced.
        private func decode(_ range: Range<Int>, attribute: Bool, references: Bool) -> [UInt8]? {
            var output: [UInt8] = []
            output.reserveCapacity(range.count)
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                switch byte {
                case 0x0D:
                    output.append(attribute ? 0x20 : 0x0A)
                    if index + 1 < range.upperBound, bytes[index + 1] == 0x0A { index += 1 }
                case 0x09 where attribute, 0x0A where attribute:
                    output.append(0x20)
                case UInt8(ascii: "&") where references:
                    guard let semicolon = find(UInt8(ascii: ";"), from: index + 1), semicolon < range.upperBound,
                          let scalar = reference(index + 1..<semicolon) else { return nil }
                    output.append(contentsOf: String(Character(scalar)).utf8)
                    index = semicolon
                default:
                    output.append(byte)
                }
                index += 1
            }
            return output
        }

        /// The character a reference (between `&` and `;`) stands for: a predefined entity or a
        /// character reference to a character XML allows.
        private func reference(_ range: Range<Int>) -> Unicode.Scalar? {
            let name = bytes[range]
            switch String(decoding: name, as: UTF8.self) {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "apos": return "'"
            case "quot": return "\""
            default: break
            }
            guard name.first == UInt8(ascii: "#"), name.count > 1, name.count <= 10 else { return nil }
            var digits = String(decoding: name.dropFirst(), as: UTF8.self)
            var radix = 10
            if digits.hasPrefix("x") {
                digits.removeFirst()
                radix = 16
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }),
                  let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value) else { return nil }
            switch value {
            case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return scalar
            default: return nil
            }
        }

        // MARK: Scanning

        /// The bytes that end a name in a tag (white space, `/`, `>`), and the bytes `skipAttributes` stops at
        /// (quotes, `/`, `<`, `>`): sets of bytes below 64, one bit each.
        private static let nameEnds: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x2F | 1 << 0x3E
        private static let tagMarks: UInt64 = 1 << 0x22 | 1 << 0x27 | 1 << 0x2F | 1 << 0x3C | 1 << 0x3E

        /// Whether `byte` is in `set` (a set of bytes below 64, as `nameEnds`).
        @inline(__always)
        private static func isOneOf(_ byte: UInt8, _ set: UInt64) -> Bool {
            byte < 64 && set >> UInt64(byte) & 1 != 0
        }

        /// Whether `scanName` takes this byte into a name.
        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }

        /// An ASCII name (letters, digits, `_ - . :`; names with other characters are left to libxml2),
        /// and where its one colon is.
        private mutating func scanName() -> (Range<Int>, colon: Int?)? {
            let start = position
            var cursor = position
            var colon: Int?
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || byte == UInt8(ascii: "_") {
                    cursor += 1
                } else if (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                            || byte == UInt8(ascii: ".") {
                    guard cursor > start, colon != cursor - 1 else { return nil }
                    cursor += 1
                } else if byte == UInt8(ascii: ":") {
                    guard colon == nil, cursor > start else { return nil }
                    colon = cursor
                    cursor += 1
                } else {
                    break
                }
            }
            position = cursor
            guard cursor > start, colon != cursor - 1 else { return nil }
            return (start..<cursor, colon)
        }

        @discardableResult
        private mutating func skipSpaces() -> Bool {
            let start = position
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            return position > start
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        }

        private func starts(with prefix: [UInt8]) -> Bool {
            position + prefix.count <= bytes.count && bytes[position..<position + prefix.count].elementsEqual(prefix)
        }

        private func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            guard let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else { return nil }
            return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        private func find(_ sequence: [UInt8], from start: Int) -> Int? {
            var from = start
            while let candidate = find(sequence[0], from: from) {
                guard candidate + sequence.count <= bytes.count else { return nil }
                if bytes[candidate..<candidate + sequence.count].elementsEqual(sequence) { return candidate }
                from = candidate + 1
            }
            return nil
        }

        /// Whether two ranges of the bytes hold the same bytes (names and prefixes are short: compared here,
        /// not by a call to `memcmp`).
        private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            guard a.count == b.count else { return false }
            return Self.sameBytes(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count)
        }

        private func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
            range.count == name.utf8CodeUnitCount
                && Self.sameBytes(bytes.baseAddress! + range.lowerBound, name.utf8Start, range.count)
        }

        private static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
            guard count <= 16 else { return memcmp(a, b, count) == 0 }
            for offset in 0..<count where a[offset] != b[offset] { return false }
            return true
        }
    }

    /// An attribute of the start tag being read: where its qualified name, colon (-1: none) and raw value are,
    /// whether the value is plain (no reference, tab or line end to decode), and whether it declares a namespace
    /// (`xmlns`, `xmlns:p`). Plain numbers, so that the list of them reused from tag to tag is a `GrowingBuffer`.
    struct PendingAttribute {
        var nameStart: Int
        var nameEnd: Int
        var colonAt: Int
        var valueStart: Int
        var valueEnd: Int
        var plain: Bool
        var declares: Bool

        var name: Range<Int> { nameStart..<nameEnd }
        var colon: Int? { colonAt >= 0 ? colonAt : nil }
        var value: Range<Int> { valueStart..<valueEnd }
    }
}
