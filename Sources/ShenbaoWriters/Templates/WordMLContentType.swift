import Mustache
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Mustache escaping for text inside a `w:t`: XML special characters escaped, a line break ends the
/// text and adds a `w:br` so multi-paragraph values keep their lines in Word.
struct WordMLContentType: MustacheContentType {
    package static let name = "WORDML"

    func escapeText(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").xmlEscaped
            .replacingOccurrences(of: "\n", with: "</w:t><w:br/><w:t xml:space=\"preserve\">")
    }

    /// Registers the content type with Mustache once.
    static let registered: Void = MustacheContentTypes.register(WordMLContentType(), named: name)
}
