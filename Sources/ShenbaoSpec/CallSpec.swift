import ShenbaoModel

/// A 重点企业 threshold: `field` above `above`.
public struct KeyEnterprise: Sendable, Equatable {
    public var field: String
    public var above: Double
}

/// A sum of amounts rounded to the cent, so thousands of additions do not drift.
package func roundedSum(_ values: [Double]) -> Double {
    values.map { ($0 * 100).rounded() }.reduce(0, +) / 100
}

/// Everything shenbao knows about one call (申报通知) — loaded from `Templates/<call-id>/`, never
/// written in Swift, so a new call is a new folder.
public struct CallSpec: Sendable {
    /// Stable id, e.g. `hubei-industrial-model-2026`.
    public var id: String
    /// The book's printed title.
    public var title: String
    /// The official notice the call comes from (for letters and reports).
    public var notice: String
    /// The seed document this spec was made from.
    public var seed: String
    /// Phrases that identify an unlabelled book as this call (any match counts; more matches win).
    public var detect: [String]
    /// Groups of spellings that mean the same label (社会统一信用代码 / 统一社会信用代码).
    public var aliases: [[String]]
    /// Printed labels that head columns or groups and are not fields themselves (`年度`).
    public var headers: [String]
    /// Template hint text printed in the blank form, which is not part of any value.
    public var hints: [String]
    /// The catalogue, in form order.
    public var fields: [FieldSpec] { didSet { fieldIndex = Self.index(fields) } }
    /// Constraints the catalogue's rule column states in words the parser does not read (from `checks:`).
    public var checks: [Check]
    /// A threshold that marks a record as a 重点企业 (hubei-ai-annual-report-2023: AI业务收入 > 100 万元).
    public var keyEnterprise: KeyEnterprise?
    /// Book structure, submission and inbox requirements.
    public var submission: SubmissionSpec
    /// The folder the spec was loaded from.
    public var directory: String
    /// List field id → words marking an entry that does not count against the list's limit
    /// (`list-items-not-counted`: the 牵头单位 named beside at most 3 联合体 members).
    public var listItemsNotCounted: [String: [String]] = [:]

    /// Field id → position in `fields`.
    private var fieldIndex: [String: Int] = [:]

    public init(id: String, title: String, notice: String, seed: String, detect: [String], aliases: [[String]],
                headers: [String], hints: [String], fields: [FieldSpec], checks: [Check], keyEnterprise: KeyEnterprise?,
                submission: SubmissionSpec, directory: String) {
        self.id = id
        self.title = title
        self.notice = notice
        self.seed = seed
        self.detect = detect
        self.aliases = aliases
        self.headers = headers
        self.hints = hints
        self.fields = fields
        self.checks = checks
        self.keyEnterprise = keyEnterprise
        self.submission = submission
        self.directory = directory
        self.fieldIndex = Self.index(fields)
    }

    private static func index(_ fields: [FieldSpec]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() where index[field.id] == nil { index[field.id] = position }
        return index
    }

    /// The field with an id.
    public func field(_ id: String) -> FieldSpec? {
        fieldIndex[id].map { fields[$0] }
    }

    /// The spellings a field's label is printed with: its own (the last part of its label path) and the
    /// aliases of that spelling.
    public func labelVariants(of field: FieldSpec) -> [String] {
        let own = field.locator.label.split(separator: "/").last.map(String.init) ?? field.locator.label
        let group = aliases.first { $0.contains { $0.labelKey == own.labelKey } } ?? []
        return [own] + group.filter { $0.labelKey != own.labelKey }
    }

    /// Whether a record is a 重点企业 under `keyEnterprise` (false when the call has no such threshold).
    public func isKeyEnterprise(_ record: Record) -> Bool {
        guard let keyEnterprise, let value = record.fields[keyEnterprise.field]?.number else { return false }
        return value > keyEnterprise.above
    }

    /// Fills totals a record leaves out from their parts (the `sum-equals` checks: 0100 = 0101 + … + 0105;
    /// 0000 = 0100 + 0200 + 0300), so reports need only the entry codes (标识位 录入). A total none of
    /// whose parts is given stays out.
    public func derivingTotals(_ record: Record) -> Record {
        var totals: [String: [String]] = [:]
        for case .sumEquals(let total, let parts) in checks { totals[total] = parts }
        guard !totals.isEmpty else { return record }
        var record = record
        func value(_ id: String, depth: Int) -> Double? {
            if let given = record.fields[id]?.number { return given }
            guard depth < 16, let parts = totals[id] else { return nil }
            let values = parts.compactMap { value($0, depth: depth + 1) }
            guard !values.isEmpty else { return nil }
            let sum = roundedSum(values)
            record.fields[id] = .number(sum)
            return sum
        }
        for total in totals.keys.sorted() { _ = value(total, depth: 0) }
        return record
    }

    /// The distinct sections, in form order.
    public var sections: [String] {
        var seen: [String] = []
        for field in fields where !seen.contains(field.section) { seen.append(field.section) }
        return seen
    }
}
