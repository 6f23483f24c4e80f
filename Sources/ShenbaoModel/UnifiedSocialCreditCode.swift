/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, the last one a check
/// character over the first 17 with weights 3^(i−1) mod 31.
public enum UnifiedSocialCreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    package static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// What is wrong with a code, if anything.
    public enum Problem: Equatable, Sendable {
        case length(Int)
        case character(Character, position: Int)
        /// The check character does not match; `expected` is what the first 17 characters give.
        case checkCharacter(expected: Character)
    }

    /// nil when the code is valid.
    public static func problem(in code: String) -> Problem? {
        let characters = Array(code)
        guard characters.count == 18 else { return .length(characters.count) }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return .character(character, position: index + 1) }
            if index < 17 { sum += value * weights[index] }
        }
        let expected = alphabet[(31 - sum % 31) % 31]
        return characters[17] == expected ? nil : .checkCharacter(expected: expected)
    }

    /// The check character for 17 leading characters (nil when one is outside the character set).
    public static func checkCharacter(for first17: String) -> Character? {
        let characters = Array(first17)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weights[index]
        }
        return alphabet[(31 - sum % 31) % 31]
    }
}
