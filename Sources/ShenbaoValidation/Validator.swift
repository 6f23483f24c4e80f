import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// Runs every record rule of a call over one book's record (and, when given, its document).
public struct Validator: Sendable {
    public let spec: CallSpec
    /// "Today" as YYYY-MM-DD (for dates that cannot lie in the future).
    public let today: String

    /// The call's checks, worked out once.
    private let checks: [Check]

    public init(spec: CallSpec, today: String = Validator.currentDate()) {
        self.spec = spec
        self.today = today
        self.checks = RuleContext.checks(of: spec)
    }

    /// Every finding for one record.
    public func validate(_ record: Record, document: Document? = nil) -> [Finding] {
        let context = RuleContext(spec: spec, checks: checks, document: document, today: today)
        return RuleRegistry.recordRules.flatMap { rule in
            let findings = rule.check(record, in: context)
            assert(findings.allSatisfy { finding in type(of: rule).codes.contains { $0.code == finding.rule } },
                   "\(type(of: rule)) reported a code it does not declare")
            return findings
        }
    }

    /// Today's date as YYYY-MM-DD in China's time zone.
    public static func currentDate() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: Date())
    }
}
