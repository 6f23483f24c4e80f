/// One field of a call's catalogue (one row of `catalogue.tsv`), plus how to find it in a book.
public struct FieldSpec: Sendable, Equatable {
    /// Stable dotted id, e.g. `org.uscc`.
    public var id: String
    /// The book section it sits in, as printed (`封面`, `一、单位基本情况表` …).
    public var section: String
    /// The printed label; a row/column path separated by `/`.
    public var label: String
    public var type: FieldType
    public var required: Bool
    /// Printed options of a choice/multichoice field, in form order.
    public var options: [String]
    /// Extra constraint in words, as the catalogue states it.
    public var rule: String
    /// Where the value sits relative to printed labels.
    public var locator: FieldLocator

    public init(id: String, section: String, label: String, type: FieldType, required: Bool,
                options: [String] = [], rule: String = "", locator: FieldLocator? = nil) {
        self.id = id
        self.section = section
        self.label = label
        self.type = type
        self.required = required
        self.options = options
        self.rule = rule
        self.locator = locator ?? FieldLocator(labelPath: label)
    }

    /// The label as a person reads it: the last part of the path, with its row where that helps
    /// (`单位负责人 / 姓 名`).
    public var displayLabel: String {
        let parts = label.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return parts.last ?? label }
        return parts[parts.count - 2] + "/" + parts[parts.count - 1]
    }
}

/// How to find a field's value in a book.
///
/// The value is found next to the printed `label`: in the cell to its right, in the row below a
/// full-width label row, after `标签：` in the same cell or paragraph, or — when `row` is given and the
/// label is a column header — in the cell where the `row` label's row meets the header's column.
public struct FieldLocator: Sendable, Equatable {
    /// The printed label to look for.
    public var label: String
    /// A row label that must share the row with the value (disambiguates repeated labels, or picks the
    /// row of a matrix whose column header is `label`).
    public var row: String?

    public init(label: String, row: String? = nil) {
        self.label = label
        self.row = row
    }

    /// The default locator for a catalogue label path: the last part is the label, and for paths of
    /// three or more parts the one before it names the row.
    public init(labelPath: String) {
        let parts = labelPath.split(separator: "/").map { String($0).trimmingWhitespace() }
        if parts.count >= 3 {
            self.init(label: parts[parts.count - 1], row: parts[parts.count - 2])
        } else {
            self.init(label: parts.last ?? labelPath)
        }
    }
}
