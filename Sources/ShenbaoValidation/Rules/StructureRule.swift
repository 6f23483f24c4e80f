import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// The book's structure, from the call's `structure:`: `structure.section-missing` (a required
/// heading is absent), `structure.item-missing` / `structure.order` (materials (一)…(七) absent or out of
/// order), `structure.declaration-missing`, `structure.declaration-pledges`, `structure.signature-missing`
/// (the 承诺书 and its pledges and signature lines), `structure.overview-missing` (no 项目概述 to derive the
/// summary description from). Needs the document; a scanned book is skipped.
package struct StructureRule: RecordRule {
    package static let codes: [RuleCode] = [
        .structureSectionMissing, .structureItemMissing, .structureOrder, .structureDeclarationMissing,
        .structureDeclarationPledges, .structureSignatureMissing, .structureOverviewMissing,
    ]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        guard let document = context.document, !document.scanned, document.format != .data else { return [] }
        let structure = context.spec.submission
        let lines = Self.lines(of: document)
        let keys = lines.map(\.labelKey)
        var findings: [Finding] = []
        for section in structure.sections {
            let key = BookIndex.sectionKey(section)
            let found = zip(lines, keys).contains { line, lineKey in
                lineKey.containsText(key) && lineKey.count <= key.count + 10 && BookIndex.sameOrdinal(line, section)
            }
            if !found {
                findings.append(Finding(.sectionMissing(section), section: section))
            }
        }
        var lastPosition = -1
        var lastItem = ""
        for item in structure.orderedItems {
            let key = item.labelKey
            guard let position = keys.firstIndex(where: { $0.hasPrefix(key) }) else {
                findings.append(Finding(.itemMissing(item), section: item))
                continue
            }
            if position < lastPosition {
                findings.append(Finding(.outOfOrder(item, after: lastItem), section: item))
            }
            lastPosition = max(lastPosition, position)
            lastItem = item
        }
        if let declaration = structure.declaration {
            findings += checkDeclaration(declaration, lines: lines, keys: keys)
        }
        if let overview = structure.overview, !keys.contains(where: { $0.containsText(overview.labelKey) }) {
            findings.append(Finding(.overviewMissing(overview), section: overview))
        }
        return findings
    }

    private func checkDeclaration(_ declaration: SubmissionSpec.Declaration, lines: [String], keys: [String]) -> [Finding] {
        let titleKey = declaration.title.labelKey
        // The letter's own title line (the last one: the book's list of materials names it earlier).
        guard let start = keys.lastIndex(where: { $0 == titleKey || ($0.hasSuffix(titleKey) && $0.count <= titleKey.count + 6) }) else {
            return [Finding(.declarationMissing(declaration.title), section: declaration.title)]
        }
        var findings: [Finding] = []
        let letter = lines[(start + 1)...]
        let pledges = Set(letter.compactMap(Self.pledgeNumber))
        if pledges.count < declaration.pledges {
            findings.append(Finding(.pledgesMissing(declaration.title, expected: declaration.pledges, found: pledges.count),
                                    section: declaration.title))
        }
        let letterKeys = letter.map(\.labelKey).joined()
        for signature in declaration.signatures where !letterKeys.containsText(signature.labelKey) {
            findings.append(Finding(.signatureLineMissing(declaration.title, line: signature), section: declaration.title))
        }
        return findings
    }

    /// The number a pledge of the letter opens with: one or two digits and `.`, `、` or `．` (full-width digits
    /// folded), as `^\d{1,2}(?=[.、．])` finds it where the digits make a number.
    package static func pledgeNumber(_ line: String) -> Int? {
        let text = line.trimmingWhitespace().foldingFullWidth.utf8
        let digits = text.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard digits.count == 1 || digits.count == 2 else { return nil }
        let rest = text.dropFirst(digits.count)
        guard [".", "、", "．"].contains(where: { rest.starts(with: $0.utf8) }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// The book as lines of text: paragraphs, and each table cell's paragraphs.
    package static func lines(of document: Document) -> [String] {
        var lines: [String] = []
        func add(_ blocks: [Block], depth: Int) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph):
                    // Most paragraphs are one line: only those with a line break are split (by character).
                    let text = paragraph.text
                    if !text.containsByte(0x0A) {
                        if !text.isEmpty { lines.append(text) }
                    } else {
                        lines += text.split(separator: "\n").map(String.init)
                    }
                case .table(let table):
                    guard depth < 16 else { continue }
                    for cell in table.cells { add(cell.blocks, depth: depth + 1) }
                }
            }
        }
        add(document.blocks, depth: 0)
        return lines
    }
}

extension RuleCode {
    static let structureSectionMissing = RuleCode("structure.section-missing", "a section of the book missing")
    static let structureItemMissing = RuleCode("structure.item-missing", "a material of the ordered list missing")
    static let structureOrder = RuleCode("structure.order", "materials out of order")
    static let structureDeclarationMissing = RuleCode("structure.declaration-missing", "no 承诺书")
    static let structureDeclarationPledges = RuleCode("structure.declaration-pledges", "the 承诺书 without its pledges")
    static let structureSignatureMissing = RuleCode("structure.signature-missing", "a signature line of the 承诺书 missing")
    static let structureOverviewMissing = RuleCode("structure.overview-missing", "no 项目概述")
}

extension RuleMessage {
    static func sectionMissing(_ section: String) -> RuleMessage {
        RuleMessage(.structureSectionMissing, .error, "申报书缺少「\(section)」部分")
    }

    static func itemMissing(_ item: String) -> RuleMessage {
        RuleMessage(.structureItemMissing, .error, "申报材料缺少「\(item)」")
    }

    static func outOfOrder(_ item: String, after previous: String) -> RuleMessage {
        RuleMessage(.structureOrder, .error, "申报材料顺序不对：「\(item)」应排在「\(previous)」之后")
    }

    static func overviewMissing(_ overview: String) -> RuleMessage {
        RuleMessage(.structureOverviewMissing, .warning, "未找到「\(overview)」，汇总表的项目描述需手工填写")
    }

    static func declarationMissing(_ title: String) -> RuleMessage {
        RuleMessage(.structureDeclarationMissing, .error, "申报书中没有「\(title)」")
    }

    static func pledgesMissing(_ title: String, expected: Int, found: Int) -> RuleMessage {
        RuleMessage(.structureDeclarationPledges, .error, "「\(title)」应有\(expected)条承诺，只找到\(found)条")
    }

    static func signatureLineMissing(_ title: String, line: String) -> RuleMessage {
        RuleMessage(.structureSignatureMissing, .error, "「\(title)」缺少「\(line)」一栏")
    }
}
