import Foundation
import ShenbaoKit

/// The printed form's hints (the grey instructions of `call.yaml`'s `hints:`) placed at their fields: a
/// hint belongs to the field whose template tag first follows it in the call's Word template (`book.xml`),
/// as the printed form puts the hint in the cell of the value it explains. A hint the template does not
/// print, or a call without a template, gives no help text: nothing is guessed.
enum FormHints {
    /// Field id → its hints, in the order the template prints them.
    static func of(_ spec: CallSpec) -> [String: [String]] {
        guard !spec.hints.isEmpty,
              let xml = try? String(contentsOfFile: "\(spec.directory)/book.xml", encoding: .utf8) else { return [:] }
        // Word may split a hint or a tag over runs: the text without the XML joins them again.
        let text = xml.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        let tag = try! NSRegularExpression(pattern: #"\{\{[#^/]?(?:filled\.|items\.|paragraphs\.|options\.|option\.)?([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)"#)
        var hints: [String: [String]] = [:]
        for hint in spec.hints {
            let printed = hint.trimmingWhitespace()
            guard !printed.isEmpty, let range = text.range(of: printed) else { continue }
            let after = NSRange(range.upperBound..<text.endIndex, in: text)
            for match in tag.matches(in: text, range: after) {
                guard let id = fieldID(in: text.substring(match.range(at: 1)), spec: spec) else { continue }
                if !(hints[id]?.contains(printed) ?? false) { hints[id, default: []].append(printed) }
                break
            }
        }
        return hints
    }

    /// The longest leading part of a dotted tag name that is a field id (`unit.listed.5.mark` → `unit.listed`).
    private static func fieldID(in name: String, spec: CallSpec) -> String? {
        var parts = name.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if spec.field(parts.joined(separator: ".")) != nil { return parts.joined(separator: ".") }
            parts.removeLast()
        }
        return nil
    }
}
