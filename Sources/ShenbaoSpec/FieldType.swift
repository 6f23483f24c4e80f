import ShenbaoModel

/// The value type of a catalogue field, as in `../shared/forms/README.md`.
public enum FieldType: String, Sendable, Codable, CaseIterable {
    case text, longtext, uscc, phone, email, url, date, daterange, int, money, decimal, choice, multichoice, list

    /// The type's name in Chinese, for messages and the data skeleton.
    public var chineseName: String {
        switch self {
        case .text: return "文本"
        case .longtext: return "长文本"
        case .uscc: return "统一社会信用代码"
        case .phone: return "电话"
        case .email: return "电子邮箱"
        case .url: return "网址"
        case .date: return "日期"
        case .daterange: return "起止日期"
        case .int: return "整数"
        case .money: return "金额（万元）"
        case .decimal: return "数值"
        case .choice: return "单选"
        case .multichoice: return "多选"
        case .list: return "列表"
        }
    }
}
