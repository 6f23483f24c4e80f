import ShenbaoModel
import ShenbaoSupport

/// Collects a paragraph's inlines, joining adjacent text (Word splits text across many runs).
struct InlineBuffer {
    /// The inlines before the text being joined.
    private var finished: [Inline] = []
    /// The text of the adjacent runs being joined, grown in place (a paragraph of many runs is not copied
    /// again for each).
    private var joining = ""

    /// The inlines so far.
    var inlines: [Inline] {
        joining.isEmpty ? finished : finished + [.text(joining)]
    }

    package mutating func append(_ inline: Inline) {
        if case .text(let text) = inline {
            append(text: text)
        } else {
            if !joining.isEmpty {
                finished.append(.text(joining))
                joining = ""
            }
            finished.append(inline)
        }
    }

    package mutating func append(text: String) {
        joining += text
    }

    package mutating func append(contentsOf other: [Inline]) {
        for inline in other { append(inline) }
    }

    /// Whether there is nothing worth a paragraph: no checkbox and only whitespace.
    var isBlank: Bool {
        joining.allSatisfy(\.isWhitespace) && finished.allSatisfy { inline in
            switch inline {
            case .checkbox: return false
            case .text(let text): return text.allSatisfy(\.isWhitespace)
            case .tab, .lineBreak: return true
            }
        }
    }
}
