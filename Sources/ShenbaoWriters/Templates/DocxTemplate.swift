import Foundation
import Mustache
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// A Word template (`.docx` or Flat-OPC `.xml`) with Mustache tags in its text — `{{unit.name}}`,
/// `{{#options.org.nature}}{{mark}}{{text}} {{/options.org.nature}}`, a row repeated by
/// `{{#rows}}…{{/rows}}` — rendered into a new `.docx`. A bureau can edit the template in Word.
public struct DocxTemplate {
    private var package: WordPackage
    /// Parts whose text holds tags: the body, headers and footers.
    private static func isTemplated(_ part: String) -> Bool {
        part == "word/document.xml" || (part.hasPrefix("word/header") && part.hasSuffix(".xml"))
            || (part.hasPrefix("word/footer") && part.hasSuffix(".xml"))
    }

    /// Loads the template at `path`.
    public init(path: String) throws(ReadError) {
        package = try WordPackage(path: path)
    }

    /// Why a template could not be rendered.
    public struct RenderError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Renders the template with `context` (nested dictionaries and arrays of them) and writes the
    /// document atomically to `path`, never over one of `inputs`.
    public func render(_ context: [String: Any], to path: String, inputs: [String] = []) throws {
        _ = WordMLContentType.registered
        var rendered = package
        for (name, bytes) in package.parts where Self.isTemplated(name) {
            let xml: SafeXML
            do { xml = try SafeXML(bytes: bytes, partName: name) } catch { throw RenderError(description: "模板的 \(name) 无法解析：\(error.message)") }
            PlaceholderMerger.prepare(xml)
            let source = "{{% CONTENT_TYPE: \(WordMLContentType.name)}}" + String(decoding: xml.serialized(), as: UTF8.self)
            let template: MustacheTemplate
            do { template = try MustacheTemplate(string: source) } catch {
                throw RenderError(description: "模板的 \(name) 中 {{ }} 标签有误（未配对或格式不对）：\(error)")
            }
            let output = Array(template.render(context).utf8)
            do { _ = try SafeXML(bytes: output, partName: name) } catch {
                throw RenderError(description: "模板的 \(name) 渲染后不是有效的 XML：请检查重复段 {{#…}}{{/…}} 是否成对地放在同一行或同一段落中")
            }
            rendered.parts[name] = output
        }
        let entries = rendered.entries()
        try AtomicFile.write(to: path, inputs: inputs) { temporary in try ZipWriter.write(entries, to: temporary) }
    }
}
