/// `submission.mismatch`: the Word book and a text PDF of the same submission disagree on a key field
/// (the PDF was made from another version of the book).
struct WordPDFAgreementRule: SubmissionRule {
    func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard let word = outcome.books.first(where: { $0.isWord })?.record else { return [] }
        var findings: [Finding] = []
        for pdf in outcome.books where pdf.isPDF {
            guard let record = pdf.record, !record.scanned, record.call == word.call else { continue }
            for id in spec.submission.keyFields {
                guard let field = spec.field(id), let a = word.fields[id], let b = record.fields[id],
                      !CrossFieldRule.sameText(a, b) else { continue }
                findings.append(Finding(.error, rule: "submission.mismatch", field: id, section: field.section,
                                        message: "Word 版与 PDF 版的\(field.quoted)不一致：「\(a.displayText)」/「\(b.displayText)」"))
            }
        }
        return findings
    }
}
