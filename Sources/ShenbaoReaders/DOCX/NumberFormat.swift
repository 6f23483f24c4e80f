import ShenbaoModel
import ShenbaoSupport

/// How a list level writes its counter (`w:numFmt`): `3` as "3", "c", "iii", "三", "丙", "③" ….
///
/// Formats the reader does not know are written as decimals, which keeps the ordinal readable.
enum NumberFormat {
    /// `value` written in the format named `format` (a `w:numFmt` value).
    package static func text(_ value: Int, format: String) -> String {
        switch format {
        case "none", "bullet":
            return ""
        case "decimalZero":
            return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "lowerLetter":
            return letters(value, base: "a")
        case "upperLetter":
            return letters(value, base: "A")
        case "lowerRoman":
            return roman(value).lowercased()
        case "upperRoman":
            return roman(value)
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "taiwaneseCountingThousand":
            return chinese(value, digits: lowerDigits, units: lowerUnits)
        case "chineseLegalSimplified":
            return chinese(value, digits: legalDigits, units: legalUnits)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return String(String(max(value, 0)).compactMap { $0.wholeNumberValue.map { lowerDigits[$0] } })
        case "ideographTraditional":
            return cycle(value, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac":
            return cycle(value, "子丑寅卯辰巳午未申酉戌亥")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            // ① … ⑳ exist as characters; Word writes larger numbers as plain decimals.
            guard (1...20).contains(value), let circled = Unicode.Scalar(0x2460 + UInt32(value - 1)) else {
                return String(value)
            }
            return String(Character(circled))
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.compactMap { scalar in
                ("0"..."9").contains(scalar) ? Unicode.Scalar(scalar.value + 0xFEE0).map(Character.init) : Character(scalar)
            })
        default:
            return String(value)
        }
    }

    /// a … z, then aa … zz, aaa … (Word repeats the letter).
    private static func letters(_ value: Int, base: Unicode.Scalar) -> String {
        guard value > 0, let letter = Unicode.Scalar(base.value + UInt32((value - 1) % 26)) else { return String(value) }
        return String(repeating: String(Character(letter)), count: min((value - 1) / 26 + 1, 10))
    }

    private static func roman(_ value: Int) -> String {
        guard (1..<4000).contains(value) else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }

    private static func cycle(_ value: Int, _ symbols: String) -> String {
        let characters = Array(symbols)
        guard value > 0 else { return String(value) }
        return String(characters[(value - 1) % characters.count])
    }

    private static let lowerDigits = Array("〇一二三四五六七八九")
    private static let lowerUnits = Array("十百千万")
    private static let legalDigits = Array("零壹贰叁肆伍陆柒捌玖")
    private static let legalUnits = Array("拾佰仟万")

    /// Chinese counting: 一 … 十, 十一, 二十, 一百零一 …; beyond 99,999 plain decimals.
    private static func chinese(_ value: Int, digits: [Character], units: [Character]) -> String {
        guard (1...99_999).contains(value) else { return String(value) }
        let zero = digits[0] == "〇" ? Character("零") : digits[0]
        let decimal = String(value).compactMap(\.wholeNumberValue)
        var result = ""
        var pendingZero = false
        for (index, digit) in decimal.enumerated() {
            let place = decimal.count - 1 - index
            if digit == 0 {
                pendingZero = !result.isEmpty
                continue
            }
            if pendingZero { result.append(zero) }
            pendingZero = false
            // 10 … 19 read 十, 十一 … (not 一十).
            if !(digit == 1 && place == 1 && result.isEmpty && units[0] == "十") { result.append(digits[digit]) }
            if place > 0 { result.append(units[place - 1]) }
        }
        return result
    }
}
