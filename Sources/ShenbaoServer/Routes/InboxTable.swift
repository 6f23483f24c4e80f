import Foundation

/// The inbox table's rows as the clerk asked for them: filtered by a search text and a view (with errors,
/// recommended, undecided, duplicates, no stamped PDF) and sorted by a column. The same query serves the
/// page (`/inboxes/N?sort=errors&order=desc&q=…&show=errors`) and the API.
struct InboxTable {
    enum Column: String, CaseIterable, Sendable {
        case applicant, project, uscc, errors, warnings, copy, decision, arrived
    }

    enum View: String, CaseIterable, Sendable {
        case all, errors, recommended, undecided, duplicates, nopdf

        var chineseName: String {
            switch self {
            case .all: "全部"
            case .errors: "有错误的"
            case .recommended: "已推荐的"
            case .undecided: "未定的"
            case .duplicates: "重复申报的"
            case .nopdf: "缺盖章 PDF 的"
            }
        }
    }

    /// Rows a page of the table shows; `page=all` shows every row.
    static let pageSize = 100

    var column: Column = .arrived
    var descending = true
    var search = ""
    var view: View = .all
    /// The page asked for (1-based); nil: every row (`page=all`, or the API without `page`).
    var page: Int?

    /// `pagedByDefault`: the page shows its first page when the query names none; the API every row.
    init(query: [String: String], pagedByDefault: Bool = false) {
        if let column = query["sort"].flatMap(Column.init(rawValue:)) {
            self.column = column
            descending = query["order"] == "desc"
        }
        search = String((query["q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        view = query["show"].flatMap(View.init(rawValue:)) ?? .all
        switch query["page"] {
        case "all": page = nil
        case let asked?: page = max(1, Int(asked) ?? 1)
        case nil: page = pagedByDefault ? 1 : nil
        }
    }

    /// One page of `rows` (all of them when no page is asked for), the page shown and the number of pages.
    func paged(_ rows: [StoredSubmission]) -> (rows: ArraySlice<StoredSubmission>, page: Int, pages: Int) {
        let pages = max(1, (rows.count + Self.pageSize - 1) / Self.pageSize)
        guard let page else { return (rows[...], 1, pages) }
        let shown = min(page, pages)
        let start = (shown - 1) * Self.pageSize
        return (rows[start..<min(rows.count, start + Self.pageSize)], shown, pages)
    }

    /// 统一社会信用代码 held by more than one submission of the inbox.
    static func duplicateCodes(_ submissions: [StoredSubmission]) -> Set<String> {
        let counts = submissions.compactMap(\.uscc).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return Set(counts.filter { $0.value > 1 }.keys)
    }

    /// `submissions` filtered and sorted as asked.
    func rows(_ submissions: [StoredSubmission]) -> [StoredSubmission] {
        let duplicates = view == .duplicates ? Self.duplicateCodes(submissions) : []
        let kept = view == .all && search.isEmpty ? submissions : submissions.filter { submission in
            let shown: Bool = switch view {
            case .all: true
            case .errors: submission.errors > 0
            case .recommended: submission.decision == .recommended
            case .undecided: submission.decision == nil
            case .duplicates: submission.uscc.map(duplicates.contains) ?? false
            case .nopdf: !submission.hasPDF
            }
            guard shown else { return false }
            guard !search.isEmpty else { return true }
            return [submission.applicant, submission.projectName, submission.uscc, submission.name].contains {
                $0?.localizedCaseInsensitiveContains(search) ?? false
            }
        }
        // Ties keep the store's order (newest first), so the order is stable across reloads.
        let indexed = Array(kept.enumerated())
        return indexed.sorted { a, b in
            let order = compare(a.element, b.element)
            if order == .orderedSame { return a.offset < b.offset }
            return descending ? order == .orderedDescending : order == .orderedAscending
        }.map(\.element)
    }

    private static let chinese = Locale(identifier: "zh_CN")

    private func compare(_ a: StoredSubmission, _ b: StoredSubmission) -> ComparisonResult {
        func text(_ x: String?, _ y: String?) -> ComparisonResult { (x ?? "").compare(y ?? "", locale: Self.chinese) }
        func number(_ x: Int, _ y: Int) -> ComparisonResult { x == y ? .orderedSame : x < y ? .orderedAscending : .orderedDescending }
        switch column {
        case .applicant: return text(a.applicant ?? a.name, b.applicant ?? b.name)
        case .project: return text(a.projectName, b.projectName)
        case .uscc: return text(a.uscc, b.uscc)
        case .errors: return number(a.errors, b.errors)
        case .warnings: return number(a.warnings, b.warnings)
        case .copy: return number(Self.copyRank(a), Self.copyRank(b))
        case .decision: return number(Self.decisionRank(a.decision), Self.decisionRank(b.decision))
        case .arrived: return a.arrivedAt == b.arrivedAt ? .orderedSame : a.arrivedAt < b.arrivedAt ? .orderedAscending : .orderedDescending
        }
    }

    /// Worse stamped copies first when sorted ascending: no PDF, differs, seals missing, unchecked, agrees.
    private static func copyRank(_ submission: StoredSubmission) -> Int {
        if !submission.hasPDF { return 0 }
        switch submission.stampedCopy.agreement {
        case .differs: return 1
        case _ where submission.stampedCopy.sealsMissing > 0: return 2
        case .unchecked, nil: return 3
        case .agrees: return 4
        }
    }

    private static func decisionRank(_ decision: Decision?) -> Int {
        switch decision {
        case .recommended: 0
        case nil: 1
        case .notRecommended: 2
        }
    }

    /// The query of this table with one change, for the links of the column headers, views and pages (a new sort
    /// or view starts again at page 1; `page: 0` asks for every row).
    func query(sort column: Column? = nil, view: View? = nil, page: Int? = nil) -> String {
        var parts: [(String, String)] = []
        let sorting = column ?? self.column
        let descending = column.map { $0 == self.column ? !self.descending : ($0 == .errors || $0 == .warnings || $0 == .arrived) } ?? self.descending
        parts.append(("sort", sorting.rawValue))
        parts.append(("order", descending ? "desc" : "asc"))
        if !search.isEmpty { parts.append(("q", search)) }
        let shown = view ?? self.view
        if shown != .all { parts.append(("show", shown.rawValue)) }
        if let page { parts.append(("page", page == 0 ? "all" : String(page))) }
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return "?" + parts.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" }.joined(separator: "&")
    }
}
