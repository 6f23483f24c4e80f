import Foundation
import ShenbaoModel

/// Turns the catalogue's rule column (constraints in words) into checks, for the phrases it states
/// the same way across calls: `≤ other.id`, `must equal other.id`, `must agree with other.id`,
/// `exactly one`, `1 to 3 selections`, `at least one`, `at most 3 …`, `mobile number`, `start ≤ end`,
/// `> 0`, `≥ 0`, `may be negative`, `required unless X`, `not in the future`, `限200字` (also `不超过500字`,
/// `200字以内`). Other wording is left to
/// the call's `checks:` list.
public enum RuleTextParser {
    public static func checks(for field: FieldSpec) -> [Check] {
        let rule = field.rule
        var checks: [Check] = []
        let fieldID = #"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"#
        if let other = firstMatch(#"^≤\s*"# + fieldID, in: rule) { checks.append(.atMost(field.id, limit: other)) }
        if let other = firstMatch(#"must (?:equal|agree with)\s+"# + fieldID, in: rule) { checks.append(.equals(field.id, other)) }
        if rule.contains("exactly one") && field.type == .multichoice { checks.append(.selections(field.id, min: 1, max: 1)) }
        if let range = firstMatch(#"(\d+) to (\d+) selections"#, in: rule, groups: 2) {
            checks.append(.selections(field.id, min: Int(range[0]) ?? 0, max: Int(range[1]) ?? .max))
        }
        if rule.contains("at least one") && field.type == .multichoice { checks.append(.selections(field.id, min: 1, max: .max)) }
        if let count = firstMatch(#"at most (\d+) member"#, in: rule) { checks.append(.maxItems(field.id, max: Int(count) ?? 3)) }
        if let limit = firstMatch(#"(?:限|不超过|不多于)\s*(\d+)\s*字|(\d+)\s*字以内"#, in: rule, groups: 2)?.first(where: { !$0.isEmpty }),
           let max = Int(limit) {
            checks.append(.maxLength(field.id, max: max))
        }
        if rule.contains("mobile number") { checks.append(.mobile(field.id)) }
        if rule.contains("start ≤ end") { checks.append(.rangeOrder(field.id)) }
        if rule.hasPrefix("> 0") { checks.append(.positive(field.id, strict: true)) }
        if rule.hasPrefix("≥ 0") { checks.append(.positive(field.id, strict: false)) }
        if rule.contains("may be negative") { checks.append(.mayBeNegative(field.id)) }
        if rule.contains("not in the future") { checks.append(.notFuture(field.id)) }
        return checks
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        firstMatch(pattern, in: text, groups: 1)?.first
    }

    private static func firstMatch(_ pattern: String, in text: String, groups: Int) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1...groups).map { text.substring(match.range(at: $0)) }
    }
}
