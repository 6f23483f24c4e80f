import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// Chinese phone numbers: mobile (11 digits, 1[3-9]…) and landline (0 + area code + 7–8 digits
/// starting 2–8, optional extension). Works on numbers already normalised by `PhoneNormalizer`.
public enum PhoneNumber {
    public enum Kind: Sendable, Equatable { case mobile, landline }

    /// The kind of a normalised number, or nil when it is neither.
    public static func kind(of number: String) -> Kind? {
        if number.range(of: #"^1[3-9]\d{9}$"#, options: .regularExpression) != nil { return .mobile }
        if number.range(of: #"^0(10|2\d|[3-9]\d{2})-?[2-8]\d{6,7}(-\d{1,6})?$"#, options: .regularExpression) != nil { return .landline }
        return nil
    }

    /// The numbers of an extracted phone value (several are joined by `，`).
    public static func numbers(in value: String) -> [String] {
        value.split(separator: "，").map(String.init)
    }
}
