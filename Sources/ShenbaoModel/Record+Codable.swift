/// A record's one JSON form: what `extract --format json` prints (the public contract, see README) and
/// what a worker process sends back. Field values keep their public shapes; a reader of the JSON retypes
/// them by the call's catalogue (`FieldValue.typed(as:)`), as `.int(5)` of a money field is `.number(5)`.
///
/// `unparsed` joins the text that was not a value (`record.unparsed`) and the places left out as doubtful
/// (`record.ambiguous`): `{id: {text, reason, ambiguous}}`.
extension Record: Codable {
    /// A field left out: the text found (candidates joined by `；` when ambiguous) and why.
    package struct LeftOut: Codable {
        package var text: String
        package var reason: String
        package var ambiguous: Bool
    }

    package enum CodingKeys: String, CodingKey {
        case call, file, scanned, fields, unmatched, unparsed, sources, notes, passages, ocr
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(call, forKey: .call)  // null when unknown, never missing
        try container.encode(file, forKey: .file)
        try container.encode(scanned, forKey: .scanned)
        try container.encode(fields, forKey: .fields)
        try container.encode(unmatched, forKey: .unmatched)
        let leftOut = self.leftOut
        if !leftOut.isEmpty { try container.encode(leftOut, forKey: .unparsed) }
        if !locations.isEmpty { try container.encode(locations, forKey: .sources) }
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
        if !passages.isEmpty { try container.encode(passages, forKey: .passages) }
        try container.encodeIfPresent(ocr, forKey: .ocr)
    }

    /// The fields left out, as `unparsed` shows them: the text that was not a value and the doubtful places.
    package var leftOut: [String: LeftOut] {
        var leftOut: [String: LeftOut] = [:]
        for (id, text) in unparsed {
            leftOut[id] = LeftOut(text: text, reason: ambiguous[id] ?? "「\(text.prefix(40))」无法识别为该字段的类型", ambiguous: ambiguous[id] != nil)
        }
        for (id, reason) in ambiguous where leftOut[id] == nil {
            leftOut[id] = LeftOut(text: "", reason: reason, ambiguous: true)
        }
        return leftOut
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(call: try container.decodeIfPresent(String.self, forKey: .call), file: try container.decode(String.self, forKey: .file),
                  scanned: try container.decodeIfPresent(Bool.self, forKey: .scanned) ?? false,
                  fields: try container.decodeIfPresent([String: FieldValue].self, forKey: .fields) ?? [:],
                  unmatched: try container.decodeIfPresent([String].self, forKey: .unmatched) ?? [],
                  locations: try container.decodeIfPresent([String: SourceLocation].self, forKey: .sources) ?? [:])
        for (id, leftOut) in try container.decodeIfPresent([String: LeftOut].self, forKey: .unparsed) ?? [:] {
            if !leftOut.text.isEmpty { unparsed[id] = leftOut.text }
            if leftOut.ambiguous { ambiguous[id] = leftOut.reason }
        }
        notes = try container.decodeIfPresent([ReaderNote].self, forKey: .notes) ?? []
        passages = try container.decodeIfPresent([String: String].self, forKey: .passages) ?? [:]
        ocr = try container.decodeIfPresent(OCRReading.self, forKey: .ocr)
    }
}
