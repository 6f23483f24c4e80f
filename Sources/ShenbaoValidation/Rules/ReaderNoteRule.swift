import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// The reader's notes as findings, under their own codes (`read.tracked-changes`, `read.junk-text-pages`,
/// … — `ReaderNote.Kind`): a warning where some of the book's text was not read, info where it was read
/// another way or left out by design. A scan's missing text layer is `read.scanned`'s to report.
package struct ReaderNoteRule: RecordRule {
    package static let codes = ReaderNote.Kind.allCases.map(Self.code)

    /// The code of a kind of note: its raw value.
    static func code(_ kind: ReaderNote.Kind) -> RuleCode {
        RuleCode(kind.rawValue, kind.leftTextOut ? "part of the text not read (warning)" : "read another way or left out by design (info)")
    }

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        Self.findings(for: record)
    }

    package static func findings(for record: Record) -> [Finding] {
        record.notes.compactMap { note in
            if record.scanned && note.kind == .pagesWithoutText { return nil }
            return Finding(.readerNote(note))
        }
    }
}

extension RuleMessage {
    /// A warning where some text was not read, info otherwise.
    static func readerNote(_ note: ReaderNote) -> RuleMessage {
        RuleMessage(ReaderNoteRule.code(note.kind), note.kind.leftTextOut ? .warning : .info, note.message)
    }
}
