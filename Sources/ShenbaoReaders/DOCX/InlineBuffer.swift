import ShenbaoModel
import ShenbaoSupport

/// Collects a paragraph's inlines, joining adjacent text (Word splits text across many runs).
struct InlineBuffer {
    private(set) var inlines: [Inline] = []

    package mutating func append(_ inline: Inline) {
        if case .text(let text) = inline {
            append(text: text)
        } else {
            inlines.append(inline)
        }
    }

    package mutating func append(text: String) {
        guard !text.isEmpty else { return }
        if case .text(let previous) = inlines.last {
            inlines[inlines.count - 1] = .text(previous + text)
        } else {
            inlines.append(.text(text))
        }
    }

    package mutating func append(contentsOf other: [Inline]) {
        for inline in other { append(inline) }
    }

    /// Whether there is nothing worth a paragraph: no checkbox and only whitespace.
    var isBlank: Bool {
        inlines.allSatisfy { inline in
            switch inline {
            case .checkbox: return false
            case .text(let text): return text.allSatisfy(\.isWhitespace)
            case .tab, .lineBreak: return true
            }
        }
    }
}
