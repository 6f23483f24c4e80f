import Foundation

/// One inbox as the list of inboxes shows it: its bureau, call, quota and how many submissions it holds.
struct InboxSummary: Encodable, Sendable {
    var id: Int64
    var callID: String
    var callTitle: String
    var bureau: String
    var region: String
    /// Nil: the call sets no quota.
    var quota: Int?
    var submissions: Int
    var recommended: Int

    static func of(_ inbox: Inbox, desk: Desk, submissions: [StoredSubmission], owner: Account? = nil) async throws -> InboxSummary {
        let account = if let owner { owner } else { try await desk.store.account(id: inbox.accountID) }
        return InboxSummary(id: inbox.id, callID: inbox.callID, callTitle: desk.spec(inbox.callID)?.title ?? inbox.callID,
                            bureau: account?.displayName ?? "", region: account?.region ?? "", quota: inbox.quota,
                            submissions: submissions.count, recommended: submissions.filter { $0.decision == .recommended }.count)
    }

    /// The inboxes `account` may see: a bureau's own, or every inbox for the administrator.
    static func all(_ desk: Desk, for account: Account) async throws -> [InboxSummary] {
        let owners = Dictionary(try await desk.store.accounts().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var summaries: [InboxSummary] = []
        for inbox in try await desk.store.inboxes(accountID: account.isAdministrator ? nil : account.id) {
            summaries.append(try await of(inbox, desk: desk, submissions: try await desk.store.submissions(inboxID: inbox.id),
                                          owner: owners[inbox.accountID]))
        }
        return summaries
    }
}
