import Foundation
import Yams
import ShenbaoModel

/// Loads call specs from a templates folder: one sub-folder per call holding `call.yaml` and
/// `catalogue.tsv` (the columns of `../shared/forms`).
public struct CallSpecLoader: Sendable {
    /// The templates folder.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Errors in a templates folder, in Chinese.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String

        package init(description: String) { self.description = description }
    }

    /// The ids of every call folder, sorted.
    public func callIDs() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: "\(directory)/\($0)/call.yaml") }.sorted()
    }

    /// Every call spec in the folder that loads; a broken call folder is left out (see `loadEach`), so it
    /// never stops the others.
    public func loadAll() throws -> [CallSpec] {
        loadEach().specs
    }

    /// Every call spec that loads, and for each call folder that does not, its id and why (in Chinese).
    public func loadEach() -> (specs: [CallSpec], failures: [(id: String, error: LoadError)]) {
        var specs: [CallSpec] = []
        var failures: [(id: String, error: LoadError)] = []
        for id in callIDs() {
            do {
                specs.append(try load(id))
            } catch let error as LoadError {
                failures.append((id, error))
            } catch {
                failures.append((id, LoadError(description: "\(directory)/\(id)：\(error)")))
            }
        }
        return (specs, failures)
    }

    /// The spec of one call.
    public func load(_ id: String) throws -> CallSpec {
        let folder = "\(directory)/\(id)"
        guard let yamlText = try? String(contentsOfFile: "\(folder)/call.yaml", encoding: .utf8) else {
            throw LoadError(description: "未找到申报类别 \(id)（应有 \(folder)/call.yaml）")
        }
        let file: CallFile
        do {
            guard let root = try YAMLFields.compose(yamlText) else {
                throw YAMLShapeError(path: "", problem: "为空", mark: nil)
            }
            file = try CallFile(node: root)
        } catch {
            throw LoadError(description: "\(folder)/call.yaml 格式有误：\(error)")
        }
        if let page = file.submission?.seals?.first(where: { SubmissionSpec.RequiredSeal.Page(rawValue: $0.page) == nil })?.page {
            throw LoadError(description: "\(folder)/call.yaml：submission.seals 的 page 只能是 cover 或 declaration，不能是「\(page)」")
        }
        if let pdf = file.submission?.pdf, !["required", "optional"].contains(pdf) {
            throw LoadError(description: "\(folder)/call.yaml：submission.pdf 只能是 required 或 optional，不能是「\(pdf)」")
        }
        guard let tsv = try? String(contentsOfFile: "\(folder)/catalogue.tsv", encoding: .utf8) else {
            throw LoadError(description: "未找到 \(folder)/catalogue.tsv")
        }
        var fields = try Self.parseCatalogue(tsv, path: "\(folder)/catalogue.tsv")
        for index in fields.indices {
            if let override = file.locate?[fields[index].id] {
                let current = fields[index].locator
                fields[index].locator = FieldLocator(
                    label: override.label ?? current.label, row: override.row ?? (override.label == nil ? current.row : nil),
                    occurrence: override.occurrence, after: override.after, heading: override.heading ?? false,
                    from: override.from, to: override.to, capture: override.capture,
                    markedBelow: override.markedBelow ?? false, columns: override.columns, unit: override.unit)
            }
        }
        var spec = CallSpec(id: file.id, title: file.title, notice: file.notice ?? "", seed: file.seed ?? "",
                            detect: file.detect ?? [file.title], aliases: file.aliases ?? [], headers: file.headers ?? [], hints: file.hints ?? [],
                            fields: fields, checks: try (file.checks ?? []).map { try $0.check(in: folder) },
                            keyEnterprise: file.keyEnterprise.map { KeyEnterprise(field: $0.field, above: $0.above) },
                            submission: file.submissionSpec, directory: folder)
        spec.listItemsNotCounted = file.listItemsNotCounted ?? [:]
        return spec
    }

    /// Parses catalogue TSV text (header row `id section label type required options rule`).
    public static func parseCatalogue(_ text: String, path: String) throws -> [FieldSpec] {
        // Split as bytes: a catalogue is read by every command before its first book, and splitting by Characters
        // (grapheme clusters) cost more than the rest of reading it. Tabs and line ends are characters of their own.
        var lines = Self.tabSeparatedLines(text)
        guard let header = lines.first, header.starts(with: ["id", "section", "label", "type", "required"]) else {
            throw LoadError(description: "\(path)：表头应为 id section label type required options rule")
        }
        lines.removeFirst()
        return try lines.enumerated().compactMap { offset, cells in
            if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { return nil }
            guard cells.count >= 5, let type = FieldType(rawValue: cells[3]) else {
                throw LoadError(description: "\(path) 第 \(offset + 2) 行：字段定义不完整或类型未知")
            }
            let options = cells.count > 5 ? cells[5].split(separator: "|").map(String.init) : []
            return FieldSpec(id: cells[0], section: cells[1], label: cells[2], type: type,
                             required: cells[4] == "yes", options: options,
                             rule: cells.count > 6 ? cells[6] : "")
        }
    }

    /// The cells of each line that is not empty (lines end at CR or LF; cells are cut at tabs, empty ones kept).
    static func tabSeparatedLines(_ text: String) -> [[String]] {
        text.withUTF8Bytes { bytes in
            var lines: [[String]] = []
            var cells: [String] = []
            var cellStart = 0
            func cell(to end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[cellStart..<end]), as: UTF8.self)
            }
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x0A
                if byte == 0x09 {
                    cells.append(cell(to: index))
                    cellStart = index + 1
                } else if byte == 0x0A || byte == 0x0D {
                    if index > cellStart || !cells.isEmpty { lines.append(cells + [cell(to: index)]) }
                    cells = []
                    cellStart = index + 1
                }
            }
            return lines
        }
    }

    /// Finds the templates folder: `$SHENBAO_TEMPLATES`, else a `Templates` folder beside the running
    /// executable or in one of its parent folders (so `.build/release/shenbao` finds the checkout's), or
    /// `share/shenbao/Templates` there (where `make install PREFIX=…` puts it beside `bin/shenbao`),
    /// else `./Templates`.
    public static func defaultDirectory(executablePath: String = runningExecutable) -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["SHENBAO_TEMPLATES"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for place in ["Templates", "share/shenbao/Templates"] {
                let candidate = folder.appendingPathComponent(place).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            folder.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath + "/Templates"
    }

    /// The path of the running program (`/proc/self/exe`: right also when it was started by name from `$PATH`).
    public static var runningExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL.path
    }
}

/// The shape of `call.yaml`.
struct CallFile: Decodable, Equatable {
    /// A `locate:` entry: the parts of `FieldLocator` a call spells out.
    struct Locate: Decodable, Equatable {
        package var label: String?
        package var row: String?
        package var occurrence: Int?
        package var after: String?
        package var heading: Bool?
        package var from: String?
        package var to: String?
        package var capture: String?
        package var markedBelow: Bool?
        package var columns: [String]?
        package var unit: String?

        package enum CodingKeys: String, CodingKey, CaseIterable {
            case label, row, occurrence, after, heading, from, to, capture, columns, unit
            case markedBelow = "marked-below"
        }
    }
    package var id: String
    package var title: String
    package var notice: String?
    package var seed: String?
    package var detect: [String]?
    package var aliases: [[String]]?
    package var headers: [String]?
    package var hints: [String]?
    package var locate: [String: Locate]?
    package var checks: [CheckEntry]?
    package var keyEnterprise: KeyEnterpriseEntry?
    package var structure: Structure?
    /// List field id → words that mark an entry not counted against the list's limit (the 牵头单位).
    package var listItemsNotCounted: [String: [String]]?

    struct KeyEnterpriseEntry: Decodable, Equatable { var field: String; var above: Double }

    package enum CodingKeys: String, CodingKey {
        case id, title, notice, seed, detect, aliases, headers, hints, locate, checks, structure, submission, inbox
        case keyEnterprise = "key-enterprise"
        case listItemsNotCounted = "list-items-not-counted"
    }
    package var submission: Submission?
    package var inbox: Inbox?

    struct Structure: Decodable, Equatable {
        package struct Declaration: Decodable, Equatable { var title: String; var pledges: Int?; var signatures: [String]? }
        package var sections: [String]?
        package var ordered: [String]?
        package var declaration: Declaration?
        package var overview: String?
    }

    package struct Submission: Decodable, Equatable {
        struct Evidence: Decodable, Equatable { var name: String; var match: [String]? }
        struct Media: Decodable, Equatable {
            package var field: String?
            package var maxImages: Int?
            package var minImageMB: Double?
            package var maxVideoMB: Double?
            package var videoExtensions: [String]?
            package enum CodingKeys: String, CodingKey {
                case field, maxImages = "max-images", minImageMB = "min-image-mb", maxVideoMB = "max-video-mb", videoExtensions = "video-extensions"
            }
        }
        package var keyFields: [String]?
        package var fileName: [String]?
        package var evidence: [Evidence]?
        package var media: Media?
        /// `required` (the default: the notices ask for Word and a stamped PDF) or `optional`.
        package var pdf: String?
        /// Where the stamped copy must carry a seal.
        package struct Seal: Decodable, Equatable { var label: String; var page: String }
        package var seals: [Seal]?
        package enum CodingKeys: String, CodingKey { case keyFields = "key-fields", fileName = "file-name", evidence, media, pdf, seals }
    }

    struct Inbox: Decodable, Equatable {
        package var onePerApplicant: Bool?
        package var applicantCode: String?
        var applicantName: String?
        package var quotas: [String: Int]?
        /// The fields a quota is counted by: the recommending unit's kind and the unit.
        struct QuotaFields: Decodable, Equatable { var kind: String; var unit: String }
        package var quotaFields: QuotaFields?
        package enum CodingKeys: String, CodingKey {
            case onePerApplicant = "one-per-applicant", applicantCode = "applicant-code", applicantName = "applicant-name", quotas
            case quotaFields = "quota-fields"
        }
    }

    var submissionSpec: SubmissionSpec {
        var spec = SubmissionSpec()
        spec.sections = structure?.sections ?? []
        spec.orderedItems = structure?.ordered ?? []
        spec.declaration = structure?.declaration.map {
            SubmissionSpec.Declaration(title: $0.title, pledges: $0.pledges ?? 0, signatures: $0.signatures ?? [])
        }
        spec.overview = structure?.overview
        spec.keyFields = submission?.keyFields ?? []
        spec.fileName = submission?.fileName ?? []
        spec.pdfRequired = submission?.pdf != "optional"
        spec.seals = (submission?.seals ?? []).compactMap { seal in
            SubmissionSpec.RequiredSeal.Page(rawValue: seal.page).map { .init(label: seal.label, page: $0) }
        }
        spec.evidence = (submission?.evidence ?? []).map { .init(name: $0.name, match: $0.match ?? [$0.name]) }
        spec.media = submission?.media.map {
            .init(field: $0.field, maxImages: $0.maxImages ?? 3, minImageMB: $0.minImageMB ?? 0, maxVideoMB: $0.maxVideoMB ?? 100,
                  videoExtensions: $0.videoExtensions ?? ["mp4"])
        }
        spec.onePerApplicant = inbox?.onePerApplicant ?? true
        spec.applicantCode = inbox?.applicantCode
        spec.applicantName = inbox?.applicantName
        spec.quotas = inbox?.quotas ?? [:]
        spec.quotaFields = inbox?.quotaFields.map { .init(kind: $0.kind, unit: $0.unit) }
        return spec
    }
}

/// One entry of `checks:` in call.yaml, e.g. `{kind: sum-at-most, fields: [a, b], limit: c}`.
struct CheckEntry: Decodable, Equatable {
    package var kind: String
    package var field: String?
    package var fields: [String]?
    package var limit: String?
    package var other: String?
    package var values: [String]?
    package var parts: [String]?
    package var part: String?
    package var whole: String?
    package var list: String?
    package var tolerance: Double?
    var groupsFile: String?

    package enum CodingKeys: String, CodingKey {
        case kind, field, fields, limit, other, values, parts, part, whole, list, tolerance
        case groupsFile = "groups-file"
    }

    package func check(in folder: String) throws -> Check {
        func need<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw CallSpecLoader.LoadError(description: "\(folder)/call.yaml：检查项 \(kind) 缺少 \(name)") }
            return value
        }
        switch kind {
        case "equals": return .equals(try need(field, "field"), try need(other, "other"))
        case "at-most": return .atMost(try need(field, "field"), limit: try need(limit, "limit"))
        case "sum-at-most": return .sumAtMost(try need(fields, "fields"), limit: try need(limit, "limit"))
        case "sum-equals": return .sumEquals(try need(field, "field"), parts: try need(parts, "parts"))
        case "required-unless": return .requiredUnless(try need(field, "field"), other: try need(other, "other"), values: try need(values, "values"))
        case "ratio": return .ratio(try need(field, "field"), part: try need(part, "part"), whole: try need(whole, "whole"), tolerance: tolerance ?? 0.5)
        case "non-decreasing": return .nonDecreasing(try need(fields, "fields"))
        case "count-of": return .countOf(try need(field, "field"), list: try need(list, "list"))
        case "mobile": return .mobile(try need(field, "field"))
        case "not-future": return .notFuture(try need(field, "field"))
        case "allowed-values": return .allowedValues(try need(field, "field"), values: try need(values, "values"))
        case "member-of-group":
            return .memberOfGroup(try need(field, "field"), group: try need(other, "other"), groups: try loadGroups(try need(groupsFile, "groups-file"), in: folder))
        default: throw CallSpecLoader.LoadError(description: "\(folder)/call.yaml：未知的检查项类型 \(kind)")
        }
    }

    /// `categories: [{name, directions: […]}]` from a file in the call's folder.
    private func loadGroups(_ file: String, in folder: String) throws -> [String: [String]] {
        guard let text = try? String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8),
              let root = try? YAMLFields.compose(text),
              let categories = try? YAMLFields(root, path: "").list("categories", { node, path in
                  let group = try YAMLFields(node, path: path)
                  guard let directions = try group.strings("directions") else {
                      throw YAMLShapeError(path: "\(path).directions", problem: "缺失（必填）", mark: node.mark)
                  }
                  return (name: try group.required("name", \.string, "文字"), directions: directions)
              }) else {
            throw CallSpecLoader.LoadError(description: "\(folder)/\(file) 无法读取或格式有误")
        }
        return Dictionary(categories.map { ($0.name, $0.directions) }, uniquingKeysWith: { first, _ in first })
    }
}
