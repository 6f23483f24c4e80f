import Foundation
import Testing

/// `shenbao summary` end to end: books it has never seen (generated at test time by an outside tool)
/// and data files become the 汇总表 as .docx, .xlsx and .csv; the files are opened by the real
/// clients — LibreOffice Writer and Calc, python-docx — and their text checked.
@Suite(.serialized) struct SummaryCommandTests {
    // MARK: - Helpers

    /// Runs a program and returns its stdout (nil when it failed).
    func output(_ arguments: [String]) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// LibreOffice conversion with its own profile; returns the converted file.
    func convert(_ file: String, to filter: String, ext: String, in folder: String) throws -> String? {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-profile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let outdir = folder + "/converted"
        try? FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: true)
        try runTool(["soffice", "-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", filter, "--outdir", outdir, file])
        let result = outdir + "/" + ((file as NSString).lastPathComponent as NSString).deletingPathExtension + "." + ext
        return FileManager.default.fileExists(atPath: result) ? result : nil
    }

    func pdfText(_ pdf: String, mode: String = "-layout", page: Int? = nil) throws -> String {
        var arguments = ["pdftotext", mode]
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return try output(arguments + [pdf, "-"]) ?? ""
    }

    func pageCount(_ pdf: String) throws -> Int {
        let info = try output(["pdfinfo", pdf]) ?? ""
        return Int(info.firstMatch(of: /Pages:\s+(\d+)/)?.1 ?? "0") ?? 0
    }

    /// Parses CSV (RFC 4180: quotes, doubled quotes, line breaks in quoted fields).
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        characters.append("\n")
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { row.append(field); field = "" }
            else if character == "\n" || character == "\r\n" {
                row.append(field); field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else if character != "\r" { field.append(character) }
            index += 1
        }
        return rows
    }

    func readCSV(_ path: String) throws -> [[String]] {
        parseCSV(try String(contentsOfFile: path, encoding: .utf8))
    }

    func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    func expectedBooks(in folder: String) throws -> [[String: Any]] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".expected.json") }.sorted().map {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)"))) as? [String: Any]
            return object?["fields"] as? [String: Any] ?? [:]
        }
    }

    func makeBooks(_ call: String, count: Int, into folder: String) throws -> String {
        let seed = String(TestSeeds.seeds([3301]).last ?? 3301)
        let made = try runTool(["python3", packageRoot() + "/Samples/tools/make_books.py", "--call", call,
                                "--seed", seed, "--count", String(count), "--out", folder])
        try #require(made, "python-docx generator failed (is python-docx installed? make test-deps)")
        return seed
    }

    static let hubeiRegions = ["武汉市", "黄石市", "十堰市", "宜昌市", "襄阳市", "鄂州市", "荆门市", "孝感市", "荆州市", "黄冈市",
                               "咸宁市", "随州市", "恩施州", "仙桃市", "潜江市", "天门市", "神农架林区"]

    // MARK: - Books never seen

    @Test func hubeiInboxBecomesTheTableInEveryFormat() throws {
        let folder = try makeTemporaryFolder("summary-hubei")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inbox = folder + "/inbox"
        let seed = try makeBooks("hubei-industrial-model-2026", count: 6, into: inbox)
        let result = try CLIRunner.run(["summary", inbox, "--call", "hubei-industrial-model-2026",
                                        "--out", "\(folder)/汇总表.docx", "--out", "\(folder)/汇总表.xlsx", "--out", "\(folder)/汇总表.csv",
                                        "--recommender", "武汉市经济和信息化局", "--contact", "沈顺 027-85317019"], timeout: 300)
        #expect(result.exitCode == 0, "seed \(seed): \(result.stderr)")

        // The rows: one per book, the right values, by 市州 in the province's order.
        let csv = try readCSV("\(folder)/汇总表.csv")
        try #require(csv.count == 7, "seed \(seed): \(csv)")
        #expect(csv[0] == ["序号", "市州", "申报单位名称", "工业模型名称", "工业模型类别", "模型服务行业", "工业模型项目描述(100字左右)", "联系人", "联系方式"])
        let rows = Array(csv.dropFirst())
        #expect(rows.map { $0[0] } == ["1", "2", "3", "4", "5", "6"])
        let ranks = rows.map { Self.hubeiRegions.firstIndex(of: $0[1]) ?? 99 }
        #expect(ranks == ranks.sorted(), "seed \(seed): rows not ordered by 市州: \(rows.map { $0[1] })")
        for fields in try expectedBooks(in: inbox) {
            let name = fields["org.name"] as? String ?? ""
            let row = try #require(rows.first { $0[2] == name }, "seed \(seed): no row for \(name)")
            let recommender = fields["cover.recommender"] as? String ?? ""
            #expect(row[1] == String(recommender.prefix { $0 != "市" }) + "市", "seed \(seed): 市州 of \(name)")
            #expect(row[3] == fields["model.name"] as? String)
            #expect(row[4] == fields["model.category"] as? String)
            #expect(row[5] == (fields["model.industries"] as? [String] ?? []).joined(separator: "、"))
            #expect(row[7] == fields["cover.contact"] as? String)
            #expect(row[8] == (fields["cover.contact_phone"] as? String)?.replacingOccurrences(of: "，", with: "\n"))
            // 工业模型项目描述: the book's 项目概述, cut at a sentence end near 100 characters.
            let description = row[6]
            #expect(description.hasPrefix("\(fields["model.name"] as? String ?? "")由\(name)自主研发"), "seed \(seed): \(description)")
            #expect(description.last.map { "。！？".contains($0) } == true && (60...130).contains(description.count), "seed \(seed): \(description)")
        }

        // Word: LibreOffice opens it; the PDF shows the title, lines, columns and every row's values.
        let pdf = try #require(try convert("\(folder)/汇总表.docx", to: "pdf", ext: "pdf", in: folder), "LibreOffice could not open the .docx")
        let layout = try pdfText(pdf)
        #expect(layout.contains("武汉市工业领域专用模型申报信息汇总表"))
        #expect(layout.contains("推荐单位：武汉市经济和信息化局（盖章）"))
        #expect(layout.contains("联系人及联系方式：沈顺 027-85317019"))
        for header in ["序号", "市州", "联系人", "联系方式"] { #expect(layout.contains(header)) }
        let flowing = squeezed(try pdfText(pdf, mode: "-raw"))
        for header in csv[0] { #expect(flowing.contains(squeezed(header)), "header \(header) not in the PDF") }
        for row in rows { for cell in row where !cell.isEmpty { #expect(flowing.contains(squeezed(cell)), "seed \(seed): \(cell) not in the PDF") } }

        // Word: python-docx reads the same table, landscape, with a repeating header row.
        let script = """
        import docx, json, sys
        d = docx.Document(sys.argv[1])
        t = d.tables[0]
        s = d.sections[0]
        ns = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
        print(json.dumps({"rows": [[c.text for c in r.cells] for r in t.rows],
                          "landscape": s.orientation == 1 and s.page_width > s.page_height,
                          "header": t.rows[0]._tr.trPr.find(ns + 'tblHeader') is not None,
                          "paragraphs": [p.text for p in d.paragraphs if p.text]}, ensure_ascii=False))
        """
        let json = try #require(try output(["python3", "-c", script, "\(folder)/汇总表.docx"]), "python-docx could not read the .docx")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["rows"] as? [[String]] == csv)
        #expect(object["landscape"] as? Bool == true)
        #expect(object["header"] as? Bool == true)
        #expect((object["paragraphs"] as? [String])?.contains("武汉市工业领域专用模型申报信息汇总表") == true)

        // Excel: LibreOffice Calc opens it; its CSV export holds the same table below the title and lines.
        let calc = try #require(try convert("\(folder)/汇总表.xlsx", to: "csv:Text - txt - csv (StarCalc):44,34,76,1", ext: "csv", in: folder),
                                "LibreOffice Calc could not open the .xlsx")
        let sheet = try readCSV(calc)
        #expect(sheet.first?.first == "武汉市工业领域专用模型申报信息汇总表")
        let header = try #require(sheet.firstIndex { $0.first == "序号" })
        #expect(Array(sheet[header..<(header + 7)]) == csv)
    }

    @Test func guangdongInboxRows() throws {
        let folder = try makeTemporaryFolder("summary-guangdong")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inbox = folder + "/inbox"
        let seed = try makeBooks("guangdong-ai-scenario-2023", count: 6, into: inbox)
        let result = try CLIRunner.run(["summary", inbox, "--call", "guangdong-ai-scenario-2023", "--out", "\(folder)/g.csv",
                                        "--out", "\(folder)/g.docx", "--contact", "刘磊 020-83134288"], timeout: 300)
        #expect(result.exitCode == 0, "seed \(seed): \(result.stderr)")
        let rows = Array(try readCSV("\(folder)/g.csv").dropFirst())
        #expect(rows.count == 6)
        for fields in try expectedBooks(in: inbox) {
            let name = fields["org.name"] as? String ?? ""
            let row = try #require(rows.first { $0[1] == name && $0[2] == fields["scenario.name"] as? String }, "seed \(seed): no row for \(name)")
            #expect(row[3] == fields["scenario.type"] as? String)
            #expect(row[4] == fields["org.contact.name"] as? String)
            #expect(row[5] == fields["org.contact.mobile"] as? String)
        }
        let pdf = try #require(try convert("\(folder)/g.docx", to: "pdf", ext: "pdf", in: folder))
        // pdftotext puts a space between a digit and a Chinese character: compare without spaces.
        let layout = squeezed(try pdfText(pdf))
        #expect(layout.contains("2023年广东省人工智能应用场景典型案例申报汇总表"))
        #expect(layout.contains("推荐单位（盖章）："))
        #expect(layout.contains("联系人：刘磊") && layout.contains("联系电话：020-83134288"))
    }

    // MARK: - Data files

    @Test func enterpriseCallsFromDataFiles() throws {
        let folder = try makeTemporaryFolder("summary-data")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let annual = try CLIRunner.run(["summary", packageRoot() + "/Samples/data/hubei-ai-annual-report-2023.csv",
                                        "--call", "hubei-ai-annual-report-2023", "--out", "\(folder)/a.csv", "--out", "\(folder)/a.docx",
                                        "--contact", "周前进 85316971"])
        #expect(annual.exitCode == 0, "\(annual.stderr)")
        let rows = try readCSV("\(folder)/a.csv")
        #expect(rows.count == 4)
        #expect(rows[1] == ["1", "武汉智擎视觉科技有限公司", "钢铁板材表面缺陷视觉检测：在热轧产线部署缺陷识别模型，漏检率降至0.5%以下",
                            "工业视觉检测系统、缺陷检测算法平台", "周明远", "027-87651234", "陈思琪", "13871234567", "chensq@zhiqing-ai.cn"])
        #expect(rows[2][5] == "027-59876543\n13907181234")
        let pdf = try #require(try convert("\(folder)/a.docx", to: "pdf", ext: "pdf", in: folder))
        let layout = try pdfText(pdf)
        #expect(layout.contains("武汉市人工智能重点企业报送表"))
        #expect(layout.contains("武汉市经信局报送联系人：周前进，电话：85316971"))

        let miit = try CLIRunner.run(["summary", packageRoot() + "/Samples/data/miit-ai-innovation-2018.yaml",
                                      "--call", "miit-ai-innovation-2018", "--out", "\(folder)/m.csv", "--out", "\(folder)/m.xlsx"])
        #expect(miit.exitCode == 0, "\(miit.stderr)")
        let projects = try readCSV("\(folder)/m.csv")
        #expect(projects[0] == ["序号", "申报单位", "项目名称", "项目类别", "申报方向", "联系人", "联系电话"])
        #expect(projects[2] == ["2", "深圳市图灵工业互联网有限公司", "注塑行业智能工厂生产调度优化平台", "行业应用类", "制造业智能化提升", "林静", "0755-86001234"])
        let calc = try #require(try convert("\(folder)/m.xlsx", to: "csv:Text - txt - csv (StarCalc):44,34,76,1", ext: "csv", in: folder))
        let sheet = try readCSV(calc)
        #expect(sheet.contains { $0.first == "推荐单位（盖章）：深圳市经济贸易和信息化委员会" })
        let header = try #require(sheet.firstIndex { $0.first == "序号" })
        #expect(Array(sheet[header...].prefix(4)) == projects)
    }

    @Test func fortyRowsSpanPagesWithTheHeaderRepeated() throws {
        let folder = try makeTemporaryFolder("summary-40")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var yaml = ""
        for index in 1...40 {
            yaml += """
            - 申报单位: 第\(index)号示例科技有限公司
              项目名称: 面向制造业的第\(index)号智能质检与工艺优化平台
              项目类别: 行业应用类
              申报方向: 制造业智能化提升
              联系人: 联系人\(index)
              联系电话: 139\(String(format: "%08d", index))

            """
        }
        try yaml.write(toFile: "\(folder)/projects.yaml", atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["summary", "\(folder)/projects.yaml", "--call", "miit-ai-innovation-2018",
                                        "--out", "\(folder)/t.docx", "--out", "\(folder)/t.xlsx", "--recommender", "某省工业和信息化厅"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let pdf = try #require(try convert("\(folder)/t.docx", to: "pdf", ext: "pdf", in: folder))
        #expect(try pageCount(pdf) >= 2)
        let second = try pdfText(pdf, page: 2)
        for header in ["序号", "申报单位", "项目名称", "项目类别", "申报方向", "联系人", "联系电话"] {
            #expect(second.contains(header), "page 2 lacks the header \(header)")
        }
        #expect(!second.contains("信息报送汇总表"), "the title is printed once")
        let all = squeezed(try pdfText(pdf, mode: "-raw"))
        #expect(all.contains("第40号示例科技有限公司") && all.contains("13900000040"))
        // The workbook prints its header row on every page too (print titles).
        let sheetPDF = try #require(try convert("\(folder)/t.xlsx", to: "pdf", ext: "pdf", in: folder))
        #expect(try pageCount(sheetPDF) >= 2)
        #expect(try pdfText(sheetPDF, page: 2).contains("申报单位"))
    }

    // MARK: - Exit codes

    @Test func anUnreadableInputIsNamedAndTheRestStillWritten() throws {
        let folder = try makeTemporaryFolder("summary-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: "\(folder)/坏文件.docx"))
        let result = try CLIRunner.run(["summary", "\(folder)/坏文件.docx", packageRoot() + "/Samples/hubei-industrial-model-2026",
                                        "--call", "hubei-industrial-model-2026", "--out", "\(folder)/t.csv"], timeout: 300)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("坏文件.docx"))
        #expect(try readCSV("\(folder)/t.csv").count == 4)
    }

    @Test func aBookOfAnotherCallIsLeftOutWithItsCallNamed() throws {
        // A Guangdong book in a Hubei summary: no row of the Hubei form's blanks, a line saying which call it is.
        let folder = try makeTemporaryFolder("summary-other-call")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLIRunner.run(["summary", packageRoot() + "/Samples/guangdong-ai-scenario-2023/guangdong-s28-01.docx",
                                        packageRoot() + "/Samples/hubei-industrial-model-2026",
                                        "--call", "hubei-industrial-model-2026", "--out", "\(folder)/t.csv"], timeout: 300)
        #expect(result.stderr.contains("guangdong-s28-01.docx：这份申报书是「2023年广东省人工智能应用场景典型案例申报书」，不是"), "\(result.stderr)")
        #expect(result.stderr.contains("未列入"))
        #expect(try readCSV("\(folder)/t.csv").count == 4)  // the header and the three Hubei samples
    }

    @Test func usageErrorsExitTwo() throws {
        let sample = packageRoot() + "/Samples/data/miit-ai-innovation-2018.yaml"
        let folder = try makeTemporaryFolder("summary-usage")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let badFormat = try CLIRunner.run(["summary", sample, "--call", "miit-ai-innovation-2018", "--out", "\(folder)/t.pdf"])
        #expect(badFormat.exitCode == 2 && badFormat.stderr.contains("输出格式"))
        let unknown = try CLIRunner.run(["summary", sample, "--call", "no-such-call", "--out", "\(folder)/t.csv"])
        #expect(unknown.exitCode == 2)
        let noSummary = try CLIRunner.run(["summary", sample, "--call", "wuhan-ai-enterprise-2025", "--out", "\(folder)/t.csv"])
        #expect(noSummary.exitCode == 2 && noSummary.stderr.contains("汇总表"))
        let data = "\(folder)/projects.csv"
        try "申报单位,项目名称\n甲公司,甲项目\n".write(toFile: data, atomically: true, encoding: .utf8)
        let overInput = try CLIRunner.run(["summary", data, "--call", "miit-ai-innovation-2018", "--out", data])
        #expect(overInput.exitCode == 2 && overInput.stderr.contains("拒绝覆盖"))
        #expect(try String(contentsOfFile: data, encoding: .utf8) == "申报单位,项目名称\n甲公司,甲项目\n")
        let missing = try CLIRunner.run(["summary", "\(folder)/none.yaml", "--call", "miit-ai-innovation-2018", "--out", "\(folder)/t.csv"])
        #expect(missing.exitCode == 2)
    }
}
