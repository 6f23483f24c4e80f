import Foundation
import Testing
@testable import ShenbaoServer

/// Sorting and filtering of the inbox table, on fixed rows.
@Suite struct InboxTableTests {
    static func row(_ id: Int64, _ applicant: String, uscc: String, errors: Int, decision: Decision? = nil, pdf: Bool = true,
                    agreement: StampedCopyStatus.Agreement? = .agrees) -> StoredSubmission {
        StoredSubmission(id: id, inboxID: 1, uploadID: 1, name: applicant, callID: nil, applicant: applicant, projectName: "项目\(id)",
                         uscc: uscc, hasWord: true, hasPDF: pdf, errors: errors, warnings: 0,
                         arrivedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(id)), decision: decision,
                         stampedCopy: StampedCopyStatus(sealsFound: 2, agreement: agreement))
    }

    let rows = [
        row(1, "武汉甲公司", uscc: "A", errors: 0, decision: .recommended),
        row(2, "十堰乙公司", uscc: "B", errors: 3, pdf: false, agreement: nil),
        row(3, "宜昌丙公司", uscc: "A", errors: 1, agreement: .differs),
        row(4, "武汉丁公司", uscc: "D", errors: 0, decision: .notRecommended),
    ]

    @Test func sortsByAColumnEitherWayAndKeepsTiesInArrivalOrder() {
        #expect(InboxTable(query: ["sort": "errors", "order": "desc"]).rows(rows).map(\.id) == [2, 3, 1, 4])
        #expect(InboxTable(query: ["sort": "errors", "order": "asc"]).rows(rows).map(\.id) == [1, 4, 3, 2])
        #expect(InboxTable(query: ["sort": "copy", "order": "asc"]).rows(rows).map(\.id) == [2, 3, 1, 4])
        #expect(InboxTable(query: ["sort": "decision", "order": "asc"]).rows(rows).map(\.id) == [1, 2, 3, 4])
        #expect(InboxTable(query: [:]).rows(rows).map(\.id) == [4, 3, 2, 1])  // newest first when nothing is asked
        #expect(InboxTable(query: ["sort": "nonsense"]).rows(rows).map(\.id) == [4, 3, 2, 1])
    }

    @Test func filtersByTextAndView() {
        #expect(InboxTable(query: ["q": "武汉"]).rows(rows).map(\.id) == [4, 1])
        #expect(InboxTable(query: ["show": "errors"]).rows(rows).map(\.id) == [3, 2])
        #expect(InboxTable(query: ["show": "duplicates"]).rows(rows).map(\.id) == [3, 1])
        #expect(InboxTable(query: ["show": "nopdf"]).rows(rows).map(\.id) == [2])
        #expect(InboxTable(query: ["show": "undecided", "q": "宜昌"]).rows(rows).map(\.id) == [3])
        #expect(InboxTable(query: ["show": "recommended", "q": "十堰"]).rows(rows).isEmpty)
    }

    @Test func pagesOfAHundredOnThePageEveryRowInTheAPI() {
        let many = (1...250).map { Self.row(Int64($0), "单位\($0)", uscc: "U\($0)", errors: $0 % 3) }
        let first = InboxTable(query: [:], pagedByDefault: true).paged(many)
        #expect(first.rows.count == 100 && first.page == 1 && first.pages == 3)
        let last = InboxTable(query: ["page": "3"], pagedByDefault: true).paged(many)
        #expect(last.rows.map(\.id) == Array(201...250) && last.page == 3)
        #expect(InboxTable(query: ["page": "9"], pagedByDefault: true).paged(many).page == 3)  // past the end: the last page
        #expect(InboxTable(query: ["page": "all"], pagedByDefault: true).paged(many).rows.count == 250)
        #expect(InboxTable(query: [:]).paged(many).rows.count == 250)  // the API without `page`
        // A page link keeps the sort and filter; a new sort starts again at page 1.
        let table = InboxTable(query: ["sort": "errors", "order": "desc", "q": "单位", "page": "2"], pagedByDefault: true)
        #expect(table.query(page: 3) == "?sort=errors&order=desc&q=%E5%8D%95%E4%BD%8D&page=3")
        #expect(!table.query(sort: .applicant).contains("page="))
        #expect(table.query(page: 0).hasSuffix("&page=all"))
    }

    @Test func rowsAreEscaped() {
        let row = InboxRowsHTML.Row(id: 7, applicant: "<甲&乙>", project: "\"项目\"", uscc: "'A'", duplicate: true, errors: 1, warnings: 0,
                                    copy: "无盖章 PDF", copyBad: true, decision: "未定", arrived: "2026-12-05 14:00", word: "有", pdf: "无")
        let html = InboxRowsHTML.render([row])
        #expect(html.contains(#"<a href="/submissions/7">&lt;甲&amp;乙&gt;</a> <strong class="tag">重复申报</strong>"#))
        #expect(html.contains("<td>&quot;项目&quot;</td><td class=\"code\">&apos;A&apos;</td>"))
        #expect(html.contains(#"<td class="bad">1</td><td class="">0</td>"#))
    }

    @Test func arrivalTimesAreBeijingTime() {
        #expect(InboxRoutes.time(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-15 06:13")
        #expect(InboxRoutes.time(Date(timeIntervalSince1970: 0)) == "1970-01-01 08:00")
    }

    @Test func theHeaderLinksTurnTheOrderAndKeepTheFilter() {
        let table = InboxTable(query: ["sort": "errors", "order": "desc", "q": "武汉 公司", "show": "errors"])
        #expect(table.query(sort: .errors) == "?sort=errors&order=asc&q=%E6%AD%A6%E6%B1%89%20%E5%85%AC%E5%8F%B8&show=errors")
        #expect(table.query(sort: .applicant).hasPrefix("?sort=applicant&order=asc"))
    }

    @Test func theStampedCopyCellSaysWhatWasFound() {
        #expect(InboxRoutes.copyText(rows[0]) == ("印章 2 处，与 Word 一致", false))
        #expect(InboxRoutes.copyText(rows[1]) == ("无盖章 PDF", true))
        #expect(InboxRoutes.copyText(rows[2]) == ("印章 2 处，与 Word 不一致", true))
    }
}
