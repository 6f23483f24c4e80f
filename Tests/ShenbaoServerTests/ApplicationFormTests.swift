import Foundation
import Testing
import ShenbaoKit
import ShenbaoTestSupport
@testable import ShenbaoServer

/// The applicant's form made from a call's catalogue: every field once, in the book's sections and order,
/// with the input its type needs; a posted form reads back as the data it was filled from; a call folder
/// written at test time gets its form without code; findings stand beside their field.
@Suite struct ApplicationFormTests {
    static let templates = packageRoot() + "/Templates"
    static let fixtures = packageRoot() + "/Tests/Fixtures/calls"

    static func allSpecs() throws -> [CallSpec] {
        try CallSpecLoader(directory: templates).loadAll() + CallSpecLoader(directory: fixtures).loadAll()
    }

    static func render(_ spec: CallSpec, data: [String: Any] = [:], findings: [Finding] = []) -> String {
        Pages.shared.render("applicationFields", ApplicationForm(spec: spec).values(data: data, findings: findings))
    }

    // MARK: - Every field, once, of the right kind

    @Test func everyCallFolderHasACatalogue() throws {
        let ids = try CallSpecLoader(directory: Self.templates).loadAll().map(\.id)
        for id in ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023", "wuhan-ai-enterprise-2025",
                   "hubei-ai-annual-report-2023", "miit-ai-innovation-2018"] {
            #expect(ids.contains(id))
        }
    }

    @Test(arguments: try allSpecs().map(\.id))
    func everyFieldOnceWithItsLabelAndInput(callID: String) throws {
        let spec = try #require(try Self.allSpecs().first { $0.id == callID })
        let html = Self.render(spec)
        let text = HTMLForm.unescape(html)
        for field in spec.fields {
            #expect(html.occurrences(of: "data-field=\"\(field.id)\"") == 1, "\(field.id) not exactly once")
            let label = ApplicationForm.label(of: field, in: spec)
            #expect(text.contains(">" + label), "\(field.id): label \(label) missing")
            let name = field.id, html5 = "f-" + field.id.replacingOccurrences(of: ".", with: "-")
            switch field.type {
            case .text, .uscc, .date, .url:
                #expect(html.contains("<input id=\"\(html5)\" name=\"\(name)\" type=\"text\""), "\(field.id)")
            case .phone:
                #expect(html.contains("<input id=\"\(html5)\" name=\"\(name)\" type=\"tel\""), "\(field.id)")
            case .email:
                #expect(html.contains("<input id=\"\(html5)\" name=\"\(name)\" type=\"email\""), "\(field.id)")
            case .int:
                #expect(html.contains("<input id=\"\(html5)\" name=\"\(name)\" type=\"number\" value=\"\" step=\"1\""), "\(field.id)")
            case .money:
                #expect(html.contains("<input id=\"\(html5)\" name=\"\(name)\" type=\"number\" value=\"\" step=\"0.0001\""), "\(field.id)")
                #expect(html.contains("<span class=\"unit\">万元</span>"))
            case .decimal:
                #expect(html.contains("<input id=\"\(html5)\" name=\"\(name)\" type=\"number\" value=\"\" step=\"any\""), "\(field.id)")
            case .longtext:
                #expect(html.contains("<textarea id=\"\(html5)\" name=\"\(name)\""), "\(field.id)")
                #expect(html.contains("id=\"\(html5)-count\""), "\(field.id)")
            case .daterange:
                #expect(html.contains("name=\"\(name).start\"") && html.contains("name=\"\(name).end\""), "\(field.id)")
            case .choice:
                #expect(html.occurrences(of: "type=\"radio\" id=\"\(html5)-") == field.options.count, "\(field.id)")
            case .multichoice:
                #expect(html.occurrences(of: "type=\"checkbox\" id=\"\(html5)-") == field.options.count, "\(field.id)")
            case .list:
                let row = field.locator.columns == nil ? "name=\"\(name)[0]\"" : "name=\"\(name)[0][0]\""
                #expect(html.contains(row), "\(field.id)")
                #expect(html.contains("data-add"))
            }
            if field.options.contains(where: ChoiceReader.isOther) {
                #expect(html.contains("name=\"\(name).note\""), "\(field.id): 其他 without its note")
            }
            // Required: the star and the attribute where the catalogue says so, and only there.
            let row = try #require(html.fieldRow(field.id))
            #expect(row.contains("class=\"req\"") == field.required, "\(field.id): required mark")
            if [.text, .uscc, .phone, .email, .url, .date, .int, .money, .decimal, .longtext, .daterange, .choice].contains(field.type) {
                #expect(row.contains(" required") == field.required, "\(field.id): required attribute")
            }
        }
        // Sections in book order, each a fieldset with its printed name as legend.
        let positions = spec.sections.map { text.range(of: "<legend>\($0)</legend>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "a section legend is missing")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "sections out of book order")
        // Fields in catalogue order.
        let order = spec.fields.compactMap { html.range(of: "data-field=\"\($0.id)\"")?.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func limitsAndHintsComeFromTheCallFolder() throws {
        let guangdong = try CallSpecLoader(directory: Self.templates).load("guangdong-ai-scenario-2023")
        let html = Self.render(guangdong)
        // 最多选3项 as data-max; the printed hint of 单位简介 as its help, referred to by aria-describedby.
        #expect(html.fieldRow("org.tech_directions")?.contains("data-max=\"3\"") == true)
        let intro = try #require(html.fieldRow("org.intro"))
        #expect(intro.contains("（单位简介，主要突出人工智能相关内容）"))
        #expect(intro.contains("aria-describedby=\"f-org-intro-help f-org-intro-count\""))
        let hubei = try CallSpecLoader(directory: Self.templates).load("hubei-industrial-model-2026")
        let consortium = try #require(Self.render(hubei).fieldRow("org.consortium"))
        #expect(consortium.contains("联合体成员单位数量不超过3家"))
        #expect(consortium.contains("最多 3 项"))
        // A 限200字 rule: the limit and the count as the validator counts.
        let jiangsu = try CallSpecLoader(directory: Self.fixtures).load("jiangsu-innovation-training")
        let summary = try #require(Self.render(jiangsu, data: ["project": ["summary": "基于 Python3 的识别"]]).fieldRow("project.summary"))
        #expect(summary.contains("data-limit=\"200\""))
        #expect(summary.contains("已写 \(LengthRule.wordCount("基于 Python3 的识别")) / 限 200 字"))
    }

    // MARK: - Findings beside their field

    @Test func findingsStandBesideTheirField() throws {
        let spec = try CallSpecLoader(directory: Self.templates).load("hubei-industrial-model-2026")
        let findings = try JSONDecoder().decode([Finding].self, from: Data("""
        [{"severity": "error", "rule": "field.uscc.check-digit", "field": "org.uscc", "message": "「统一社会信用代码」校验位不对"},
         {"severity": "warning", "rule": "field.phone", "field": "org.head.phone", "message": "「负责人/电话」像是座机"},
         {"severity": "error", "rule": "book.structure", "message": "缺少承诺书"}]
        """.utf8))
        let html = Self.render(spec, findings: findings)
        let uscc = try #require(html.fieldRow("org.uscc"))
        #expect(uscc.contains("<ul class=\"appform-findings\" id=\"f-org-uscc-findings\"><li class=\"error\" role=\"alert\">"))
        #expect(uscc.contains("校验位不对"))
        #expect(uscc.contains("aria-describedby=\"f-org-uscc-help f-org-uscc-findings\"") || uscc.contains("aria-describedby=\"f-org-uscc-findings\""))
        #expect(uscc.contains("aria-invalid=\"true\""))
        let phone = try #require(html.fieldRow("org.head.phone"))
        #expect(phone.contains("<li class=\"warning\">") && phone.contains("像是座机"))
        #expect(!phone.contains("role=\"alert\""))
        #expect(html.occurrences(of: "校验位不对") == 1 && html.occurrences(of: "像是座机") == 1)
        // A finding about no field is listed above the sections.
        #expect(html.contains("缺少承诺书"))
        #expect(try #require(html.fieldRow("org.name")).contains("appform-findings") == false)
    }

    // MARK: - Round trip: data → form → post → data

    /// The sample data files: each one's first record, shown in the form, posted back, reads as the same record.
    @Test func samplesRoundTrip() throws {
        let loader = CallSpecLoader(directory: Self.templates)
        let folder = packageRoot() + "/Samples/data"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var tested = 0
        for spec in try loader.loadAll() {
            guard let file = files.first(where: { $0.contains(spec.id) }) else { continue }
            let reader = DataFileReader(spec: spec)
            let record = try #require(try reader.read(path: "\(folder)/\(file)").first)
            #expect(!record.fields.isEmpty)
            try Self.expectRoundTrip(spec, data: Self.data(of: record), expected: record)
            tested += 1
        }
        #expect(tested == 4)
    }

    /// The applicant samples exactly as written (nested YAML, 其他 notes, lists): the same record after the form.
    @Test(arguments: ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023"])
    func applicantSampleRoundTrip(callID: String) throws {
        let spec = try CallSpecLoader(directory: Self.templates).load(callID)
        let path = packageRoot() + "/Samples/data/applicant-\(callID).yaml"
        let record = try #require(try DataFileReader(spec: spec).read(path: path).first)
        #expect(record.unparsed.isEmpty)
        let form = try Self.expectRoundTrip(spec, data: Self.data(of: record), expected: record)
        // The posted data is nested by id as `shenbao init` writes it.
        #expect(form["org"] is [String: Any])
    }

    /// Every call (the fixtures too), with a value of every field.
    @Test(arguments: try allSpecs().map(\.id))
    func everyFieldRoundTrips(callID: String) throws {
        let spec = try #require(try Self.allSpecs().first { $0.id == callID })
        var data: [String: Any] = [:]
        for (index, field) in spec.fields.enumerated() { data[field.id] = Self.sample(field, index) }
        let expected = DataFileReader(spec: spec).record(from: data, file: "form")
        #expect(expected.unparsed.isEmpty, "\(expected.unparsed)")
        #expect(expected.fields.count == spec.fields.count)
        try Self.expectRoundTrip(spec, data: data, expected: expected)
    }

    @discardableResult
    static func expectRoundTrip(_ spec: CallSpec, data: [String: Any], expected: Record,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let html = render(spec, data: data)
        let body = HTMLForm.post(html)
        let posted = ApplicationForm.data(from: FormFields(body), spec: spec)
        let back = DataFileReader(spec: spec).record(from: posted, file: "form")
        for field in spec.fields {
            #expect(back.fields[field.id] == expected.fields[field.id], "\(spec.id) \(field.id)", sourceLocation: sourceLocation)
        }
        #expect(back.unparsed == expected.unparsed, sourceLocation: sourceLocation)
        #expect(back.unmatched.isEmpty, sourceLocation: sourceLocation)
        return posted
    }

    /// A record as data (field id → value), as `shenbao init --from` writes it.
    static func data(of record: Record) -> [String: Any] {
        var data: [String: Any] = [:]
        for (id, value) in record.fields {
            switch value {
            case .string(let text): data[id] = text
            case .int(let number): data[id] = number
            case .number(let number): data[id] = number
            case .range(let start, let end): data[id] = ["start": start, "end": end]
            case .strings(let items): data[id] = items
            }
        }
        for (id, raw) in record.unparsed { data[id] = raw }
        return data
    }

    /// A valid value of a field's type, made from the catalogue alone.
    static func sample(_ field: FieldSpec, _ index: Int) -> Any {
        switch field.type {
        case .text: return "文本 \(index) & <样例>"
        case .longtext: return "第一段 \(index)：“引号” & <尖括号>\n第二段，含 English words 和 2025.03。"
        case .uscc: return "91420300NYQM61362U"
        case .phone: return "1380000\(String(format: "%04d", index))"
        case .email: return "user\(index)@example.cn"
        case .url: return "www.example\(index).cn"
        case .date: return index % 2 == 0 ? "2025-03-0\(index % 9 + 1)" : "2025年4月"
        case .daterange: return ["start": "2024-03", "end": "2025-12-31"]
        case .int: return 10 + index
        case .money: return Double(index) + 0.1234
        case .decimal: return Double(index) / 4
        case .choice:
            let other = field.options.first(where: ChoiceReader.isOther)
            return other.map { "\($0)：自填说明 \(index)" } ?? field.options[index % field.options.count]
        case .multichoice:
            var picked = [field.options[0]]
            if let other = field.options.first(where: ChoiceReader.isOther) { picked.append("\(other)：另有 \(index)") }
            return picked
        case .list:
            if let columns = field.locator.columns {
                return ["\(columns[0])：第一项 \(index)；\(columns.last!)：2025年3月", "\(columns[0])：第二项"]
            }
            return ["第一项 \(index)（牵头）", "第二项：负责集成", "第三项"]
        }
    }

    // MARK: - A new call folder gets its form

    @Test func aCallFolderWrittenNowGetsItsForm() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("appform-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/new-call-2027"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures + "/jiangsu-innovation-training", toPath: folder)
        var yaml = try String(contentsOfFile: folder + "/call.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "id: jiangsu-innovation-training", with: "id: new-call-2027")
        try yaml.write(toFile: folder + "/call.yaml", atomically: true, encoding: .utf8)
        let added = """
        extra.total\t经费预算\t项目总经费（万元）\tmoney\tyes\t\t≥ 0
        extra.uses\t经费预算\t经费用途（最多选2项）\tmultichoice\tno\t设备|材料|差旅|其他\t1 to 2 selections
        extra.note\t经费预算\t经费说明\tlongtext\tno\t\t限300字

        """
        let catalogue = try String(contentsOfFile: folder + "/catalogue.tsv", encoding: .utf8)
        try (catalogue.hasSuffix("\n") ? catalogue + added : catalogue + "\n" + added).write(toFile: folder + "/catalogue.tsv", atomically: true, encoding: .utf8)

        let spec = try CallSpecLoader(directory: root).load("new-call-2027")
        #expect(spec.id == "new-call-2027")
        let html = Self.render(spec)
        #expect(html.contains("<legend>经费预算</legend>"))
        let total = try #require(html.fieldRow("extra.total"))
        #expect(total.contains("项目总经费（万元）") && total.contains("step=\"0.0001\"") && total.contains(" required"))
        let uses = try #require(html.fieldRow("extra.uses"))
        #expect(uses.contains("data-max=\"2\"") && uses.contains("name=\"extra.uses.note\""))
        #expect(try #require(html.fieldRow("extra.note")).contains("data-limit=\"300\""))
        // …and reads back.
        let body = "extra.total=12.5&extra.uses=%E8%AE%BE%E5%A4%87&extra.uses=%E5%85%B6%E4%BB%96&extra.uses.note=%E8%BD%AF%E4%BB%B6"
        let data = ApplicationForm.data(from: FormFields(body), spec: spec)
        let record = DataFileReader(spec: spec).record(from: data, file: "form")
        #expect(record.fields["extra.total"] == .number(12.5))
        #expect(record.fields["extra.uses"] == .strings(["设备", "其他：软件"]))
    }

    // MARK: - The posted form as data

    @Test func postedFormAsData() throws {
        let spec = try CallSpecLoader(directory: Self.fixtures).load("jiangsu-innovation-training")
        let body = [
            "cover.school=%E5%8D%97%E4%BA%AC%E5%A4%A7%E5%AD%A6", "cover.key_area=", "cover.key_area=+",
            "project.period.start=2024-03", "project.period.end=2025-06",
            "project.summary=%E7%AC%AC%E4%B8%80%E8%A1%8C%0D%0A%E7%AC%AC%E4%BA%8C%E8%A1%8C",
            "members%5B2%5D=%E7%8E%8B%E4%BA%94", "members%5B0%5D=%E5%BC%A0%E4%B8%89", "members%5B1%5D=",
            "plan.schedule%5B0%5D%5B0%5D=%E8%B0%83%E7%A0%94", "plan.schedule%5B0%5D%5B1%5D=2024%E5%B9%B43%E6%9C%88",
            "plan.schedule%5B1%5D%5B0%5D=", "plan.schedule%5B1%5D%5B1%5D=",
        ].joined(separator: "&")
        let data = ApplicationForm.data(from: FormFields(body), spec: spec)
        let cover = try #require(data["cover"] as? [String: Any])
        #expect(cover["school"] as? String == "南京大学")
        #expect(cover["key_area"] == nil)  // blank inputs are left out
        let project = try #require(data["project"] as? [String: Any])
        #expect(project["period"] as? [String: String] == ["start": "2024-03", "end": "2025-06"])
        #expect(project["summary"] as? String == "第一行\n第二行")
        #expect(data["members"] as? [String] == ["张三", "王五"])
        let plan = try #require(data["plan"] as? [String: Any])
        #expect(plan["schedule"] as? [String] == ["研究内容：调研；具体时间：2024年3月"])
    }

    // MARK: - Pages to look at

    /// `APPFORM_SNAPSHOT=/tmp/appform swift test --filter snapshots`: each call's form inside the desk's
    /// layout with sample data and a few findings, as HTML files with the stylesheet and script inline.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["APPFORM_SNAPSHOT"] != nil))
    func snapshots() throws {
        let out = ProcessInfo.processInfo.environment["APPFORM_SNAPSHOT"]!
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for spec in try Self.allSpecs() {
            let folder = packageRoot() + "/Samples/data"
            let file = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first { $0.contains(spec.id) }
            var data: [String: Any] = [:]
            if let file, let record = try? DataFileReader(spec: spec).read(path: "\(folder)/\(file)").first {
                data = Self.data(of: record)
            } else {
                for (index, field) in spec.fields.enumerated() where index % 3 != 2 { data[field.id] = Self.sample(field, index) }
            }
            var findings: [[String: String]] = []
            if let field = spec.fields.first(where: { $0.type == .uscc }) ?? spec.fields.first {
                findings.append(["severity": "error", "rule": "field.uscc.check-digit", "field": field.id, "message": "\(field.quoted)校验位不对：应为 3，实为 U"])
            }
            if let field = spec.fields.first(where: { $0.type == .phone }) {
                findings.append(["severity": "warning", "rule": "field.phone.landline", "field": field.id, "message": "\(field.quoted)是座机号码，通知要求手机"])
            }
            if let field = spec.fields.first(where: { $0.type == .multichoice }) {
                findings.append(["severity": "error", "rule": "field.selections", "field": field.id, "message": "\(field.quoted)选了 4 项，最多 3 项"])
            }
            let decoded = try JSONDecoder().decode([Finding].self, from: JSONSerialization.data(withJSONObject: findings))
            var values = ApplicationForm(spec: spec).values(data: data, findings: decoded)
            values["title"] = spec.title
            values["user"] = ["name": "十堰蓝海信息技术有限公司", "login": "lanhai", "admin": false]
            // The desk's layout around the form, as the applicant's page will show it (a `<form>` with its button).
            let form = "<form method=\"post\" action=\"#\">" + Pages.shared.render("applicationFields", values)
                + "<p><button type=\"submit\">保存</button></p></form>"
            let page = Pages.shared.render("layout", values)
                .replacingOccurrences(of: "</h1>", with: "</h1>\n" + form)
                .replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"/assets/desk.css\">", with: "<style>\n\(Assets.css)\n</style>")
                .replacingOccurrences(of: "<script src=\"/assets/desk.js\" defer></script>", with: "<script>\n\(Assets.js)\n</script>")
            try page.write(toFile: "\(out)/\(spec.id).html", atomically: true, encoding: .utf8)
        }
    }
}

/// What a browser would send for a rendered form: every named input with its value, checked boxes and
/// radios only, textareas' text; the row template of a list is not part of the form.
enum HTMLForm {
    static func post(_ html: String) -> String {
        let form = html.replacingOccurrences(of: #"<template>.*?</template>"#, with: "", options: .regularExpression)
        var pairs: [(String, String)] = []
        let element = try! NSRegularExpression(pattern: #"<input\b([^>]*)>|<textarea\b([^>]*)>(.*?)</textarea>"#, options: [.dotMatchesLineSeparators])
        for match in element.matches(in: form, range: NSRange(form.startIndex..., in: form)) {
            if let range = Range(match.range(at: 1), in: form) {
                let attributes = Self.attributes(String(form[range]))
                guard let name = attributes["name"] else { continue }
                if ["radio", "checkbox"].contains(attributes["type"] ?? ""), attributes["checked"] == nil { continue }
                pairs.append((name, unescape(attributes["value"] ?? "")))
            } else if let range = Range(match.range(at: 2), in: form), let text = Range(match.range(at: 3), in: form) {
                guard let name = Self.attributes(String(form[range]))["name"] else { continue }
                // A browser sends a textarea's line breaks as CR LF.
                pairs.append((name, unescape(String(form[text])).replacingOccurrences(of: "\n", with: "\r\n")))
            }
        }
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return pairs.map { name, value in
            name.addingPercentEncoding(withAllowedCharacters: allowed)! + "=" + value.addingPercentEncoding(withAllowedCharacters: allowed)!
        }.joined(separator: "&")
    }

    static func attributes(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        let attribute = try! NSRegularExpression(pattern: #"([a-zA-Z][\w-]*)(?:="([^"]*)")?"#)
        for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            let value = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
            if out[name] == nil { out[name] = value }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        var out = text
        let numeric = try! NSRegularExpression(pattern: #"&#(x?)([0-9A-Fa-f]+);"#)
        for match in numeric.matches(in: out, range: NSRange(out.startIndex..., in: out)).reversed() {
            let hex = Range(match.range(at: 1), in: out).map { !out[$0].isEmpty } ?? false
            let digits = String(out[Range(match.range(at: 2), in: out)!])
            if let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                out.replaceSubrange(Range(match.range, in: out)!, with: String(Character(scalar)))
            }
        }
        return out.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }

    /// The HTML of one field's row: from its `data-field` to the next field's (or the end of its section).
    func fieldRow(_ id: String) -> String? {
        guard let start = range(of: "data-field=\"\(id)\"") else { return nil }
        let rest = self[start.upperBound...]
        let ends = [rest.range(of: "data-field=\"")?.lowerBound, rest.range(of: "</fieldset>\n</fieldset>")?.lowerBound,
                    rest.range(of: "<legend>")?.lowerBound].compactMap { $0 }
        // The row's own opening tag holds its class and aria-describedby: start from the tag.
        let open = self[..<start.lowerBound].range(of: "<", options: .backwards)?.lowerBound ?? start.lowerBound
        return String(self[open..<(ends.min() ?? endIndex)])
    }
}
