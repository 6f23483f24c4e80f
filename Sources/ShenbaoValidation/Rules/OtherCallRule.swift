import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `call.other`: a book read as one call (`validate --call`, or the web desk's inbox) whose own title and
/// headings are another call's. Every field finding after it is about the wrong form; this one says which
/// call the book is, so the clerk moves it instead of reading sixty misplaced errors.
package enum OtherCallRule: ValidationRule {
    package static let codes: [RuleCode] = [.callOther]

    package static func finding(book: CallSpec, readAs: CallSpec) -> Finding {
        Finding(.otherCall(book: book, readAs: readAs))
    }
}

extension RuleCode {
    package static let callOther = RuleCode("call.other", "a book of another call than the one it is read as (`--call`, the desk's inbox)")
}

extension RuleMessage {
    static func otherCall(book: CallSpec, readAs: CallSpec) -> RuleMessage {
        RuleMessage(.callOther, .error,
                    "这份申报书是「\(book.title)」，不是「\(readAs.title)」的申报书；以下问题按「\(readAs.title)」的格式列出，请确认是否放错了申报类别")
    }
}
