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
    public var fields: [FieldSpec]
    /// Constraints the catalogue's rule column states in words the parser does not read (from `checks:`).
    public var checks: [Check]
    /// Book structure, submission and inbox requirements.
    public var submission: SubmissionSpec
    /// The folder the spec was loaded from.
    public var directory: String

    /// The field with an id.
    public func field(_ id: String) -> FieldSpec? {
        fields.first { $0.id == id }
    }

    /// The distinct sections, in form order.
    public var sections: [String] {
        var seen: [String] = []
        for field in fields where !seen.contains(field.section) { seen.append(field.section) }
        return seen
    }
}
