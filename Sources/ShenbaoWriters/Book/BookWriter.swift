import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoValidation

/// Writes an applicant's documents from a record: the whole application book (申报书) in the official
/// layout, or the declaration letter (承诺书) alone, each from a Word template kept as data in
/// `Templates/<call>/` (`book.docx` or `book.xml`, `declaration.docx` or `declaration.xml`).
public struct BookWriter: Sendable {
    /// Which document to write.
    public enum Kind: String, Sendable, CaseIterable {
        case book, declaration

        /// The document's name in Chinese, for messages.
        public var chineseName: String { self == .book ? "申报书" : "承诺书" }
    }

    /// Why nothing was written.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The call has no template for this document.
        case noTemplate(String)

        public var description: String {
            switch self {
            case .noTemplate(let message): return message
            }
        }
    }

    public let spec: CallSpec

    public init(spec: CallSpec) {
        self.spec = spec
    }

    /// The call's template for `kind`: a `.docx` a bureau saved from Word wins over the Flat-OPC `.xml`.
    public func templatePath(_ kind: Kind) -> String? {
        for ext in ["docx", "xml"] {
            let path = (spec.directory as NSString).appendingPathComponent("\(kind.rawValue).\(ext)")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Renders `kind` for `record` to `path`, never over one of `inputs` (the data file, the template).
    /// A draft marks each missing required value — and each field an error names (a value that is
    /// not of its type is left out, so it is marked too) — `【待补充：<label>】`.
    public func write(_ kind: Kind, record: Record, to path: String, template: String? = nil, inputs: [String] = [],
                      draft: Bool = false, findings: [Finding] = []) throws {
        guard let template = template ?? templatePath(kind) else {
            throw Failure.noTemplate("申报类别 \(spec.id) 没有\(kind.chineseName)模板（\(spec.directory)/\(kind.rawValue).xml）")
        }
        let flagged = Set(findings.filter { $0.severity == .error }.compactMap(\.field))
        let context = TemplateContext.make(record: record, spec: spec, draft: draft, alsoMark: flagged)
        try DocxTemplate(path: template).render(context, to: path, inputs: inputs + [template])
    }
}
