import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.date.implausible`: a date before 1949 or after 2100 (a typo); `field.date.future`: a date
/// the catalogue says cannot lie in the future (成立时间) does.
package struct DateRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldDateImplausible, .fieldDateFuture]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var notFuture: Set<String> = []
        for case .notFuture(let id) in context.checks { notFuture.insert(id) }
        var findings: [Finding] = []
        for field in context.spec.fields {
            let dates: [String]
            switch record.fields[field.id] {
            case .string(let date)? where field.type == .date: dates = [date]
            case .range(let start, let end)?: dates = [start, end]
            default: continue
            }
            for date in dates {
                let year = Int(date.prefix(4)) ?? 0
                if year < 1949 || year > 2100 {
                    findings.append(Finding(.implausibleDate(field, date: date), field: field, record: record))
                } else if notFuture.contains(field.id), date > context.today {
                    findings.append(Finding(.futureDate(field, date: date, today: context.today), field: field, record: record))
                }
            }
        }
        return findings
    }
}

extension RuleCode {
    static let fieldDateImplausible = RuleCode("field.date.implausible", "a date before 1949 or otherwise impossible")
    static let fieldDateFuture = RuleCode("field.date.future", "a date that cannot lie in the future")
}

extension RuleMessage {
    static func implausibleDate(_ field: FieldSpec, date: String) -> RuleMessage {
        RuleMessage(.fieldDateImplausible, .error, "\(field.quoted)的日期「\(date)」不合理，请核对")
    }

    static func futureDate(_ field: FieldSpec, date: String, today: String) -> RuleMessage {
        RuleMessage(.fieldDateFuture, .error, "\(field.quoted)「\(date)」晚于今天（\(today)）")
    }
}
