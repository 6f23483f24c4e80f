import ShenbaoModel

/// One field of a call's catalogue (one row of `catalogue.tsv`), plus how to find it in a book.
public struct FieldSpec: Sendable, Equatable {
    /// Stable dotted id, e.g. `unit.code`.
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
/// The value is found next to the printed `label`: in the cell to its right (or below it, when the cell
/// to its right is another label — a header row), in the row below a full-width label row, after `标签：`
/// in the same cell or paragraph, or — when `row` is given and the label is a column header — in the
/// cell where the `row` label's row meets the header's column. The other properties describe forms of
/// other shapes; `README.md` ("Writing a call") shows each with an example.
public struct FieldLocator: Sendable, Equatable {
    /// The printed label to look for (a `/` in it is part of the label).
    public var label: String
    /// A row label that must share the row with the value (disambiguates repeated labels, or picks the
    /// row of a matrix whose column header is `label`).
    public var row: String?
    /// Which occurrence of the label, in reading order (1 = the first), counted after `after` when given.
    public var occurrence: Int?
    /// The label to take is the first (or `occurrence`-th) one after this other label (two `联系电话` on a
    /// cover: the one after `指导教师`).
    public var after: String?
    /// The label is a heading: the value is the text below it — the rest of its cell, or the paragraphs
    /// that follow — up to the next heading of the same numbering (`一、` → `二、`, `1、` → `2、`).
    public var heading: Bool
    /// Inside the text found: start after the line that begins with this marker (`立项依据：`)…
    public var from: String?
    /// …and stop before the line that begins with this one.
    public var to: String?
    /// A regular expression with one capture group, applied to the text found (a number inside a printed
    /// phrase: `团队（\s*(\d+)\s*人）`).
    public var capture: String?
    /// A choice whose options are printed right of the label, each marked (with a letter, √ or ☑) in the
    /// cell below it.
    public var markedBelow: Bool
    /// A list read from a table headed by these column labels: one item per row, `列名：值；列名：值`.
    public var columns: [String]?
    /// The money unit the value is written in (`元`, `万元`, `亿元`) when neither it nor its label says.
    public var unit: String?

    public init(label: String, row: String? = nil, occurrence: Int? = nil, after: String? = nil, heading: Bool = false,
                from: String? = nil, to: String? = nil, capture: String? = nil, markedBelow: Bool = false,
                columns: [String]? = nil, unit: String? = nil) {
        self.label = label
        self.row = row
        self.occurrence = occurrence
        self.after = after
        self.heading = heading
        self.from = from
        self.to = to
        self.capture = capture
        self.markedBelow = markedBelow
        self.columns = columns
        self.unit = unit
    }

    /// The default locator for a catalogue label path: the last part is the label, and for paths of
    /// three or more parts the one before it names the row.
    public init(labelPath: String) {
        let parts = labelPath.splittingCharacters(at: UInt8(ascii: "/")).map { String($0).trimmingWhitespace() }
        if parts.count >= 3 {
            self.init(label: parts[parts.count - 1], row: parts[parts.count - 2])
        } else {
            self.init(label: parts.last ?? labelPath)
        }
    }
}
