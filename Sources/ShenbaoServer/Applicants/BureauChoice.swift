import Foundation
import ShenbaoModel
import ShenbaoSpec

/// The recommending units (推荐单位) an applicant may send one call's application to: the administrator's bureaus
/// taking that call, grouped by 市州, with the one the application itself names picked out.
struct BureauChoice: Sendable {
    struct Bureau: Sendable {
        var inbox: Inbox
        var name: String
        /// 市州 as the administrator entered it; empty when not given.
        var region: String
    }

    /// Every bureau taking the call, grouped by 市州: in the call's regions-list order where it has one, then by
    /// name; bureaus with no 市州 last.
    let bureaus: [Bureau]
    /// The call's regions list (from its 汇总表 format), used to tell which 市州 a typed 推荐单位 lies in.
    let regions: Regions?
    /// Fields of the call naming the recommending unit (its 汇总表 format's `recommender`).
    let recommenderFields: [String]

    static func load(call spec: CallSpec, desk: Desk) async throws -> BureauChoice {
        var found: [Bureau] = []
        for account in try await desk.store.accounts() where account.role == .bureau {
            for inbox in try await desk.store.inboxes(accountID: account.id) where inbox.callID == spec.id {
                found.append(Bureau(inbox: inbox, name: account.displayName, region: account.region))
            }
        }
        let summary = try? SummarySpec.load(for: spec)
        let regions = summary?.regions
        // 市州 in the regions list's order, then the others by name, then bureaus without one; bureaus by name within.
        func rank(_ region: String) -> Int { region.isEmpty ? Int.max : regions?.rank(of: region) ?? Int.max - 1 }
        found.sort { (rank($0.region), $0.region, $0.name) < (rank($1.region), $1.region, $1.name) }
        return BureauChoice(bureaus: found, regions: regions, recommenderFields: summary?.recommender ?? [])
    }

    func bureau(inbox id: Int64) -> Bureau? { bureaus.first { $0.inbox.id == id } }

    /// The 推荐单位 the application's own fields name (the 封面's 推荐单位), if it has such a field filled in.
    func named(in record: Record) -> String? {
        recommenderFields.lazy.compactMap { record.fields[$0]?.displayText }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    }

    /// The bureau the application names: the one of that exact name, else the only one in the 市州 it names.
    func preselected(for record: Record) -> Bureau? {
        guard let name = named(in: record) else { return nil }
        if let exact = bureaus.first(where: { $0.name == name }) { return exact }
        guard let region = regions?.region(in: name) else { return nil }
        let inRegion = bureaus.filter { $0.region == region }
        return inRegion.count == 1 ? inRegion[0] : nil
    }

    /// Why sending to `chosen` would be wrong: the book names a 推荐单位 of another 市州. A bureau stamps what the
    /// book says, so a book naming 十堰 cannot go to 武汉's inbox.
    func conflict(sending record: Record, to chosen: Bureau) -> String? {
        guard let name = named(in: record), name != chosen.name, !chosen.region.isEmpty,
              let region = regions?.region(in: name), region != chosen.region else { return nil }
        return "申报书中的推荐单位是「\(name)」（\(region)），所选推荐单位「\(chosen.name)」在\(chosen.region)；请改正申报书中的推荐单位，或选择\(region)的推荐单位"
    }

    /// The page's view: 市州 groups of options, the application's own 推荐单位 selected.
    func values(for record: Record) -> [String: Any] {
        let selected = preselected(for: record)?.inbox.id
        var groups: [[String: Any]] = []
        for bureau in bureaus {
            let region = bureau.region.isEmpty ? "未注明市州" : bureau.region
            let option: [String: Any] = ["inbox": bureau.inbox.id, "region": region, "selected": bureau.inbox.id == selected,
                                         "name": bureau.region.isEmpty ? bureau.name : "\(bureau.name)（\(bureau.region)）"]
            if let last = groups.indices.last, groups[last]["region"] as? String == region {
                groups[last]["bureaus"] = (groups[last]["bureaus"] as? [[String: Any]] ?? []) + [option]
            } else {
                groups.append(["region": region, "bureaus": [option], "selected": false])
            }
        }
        if let selected, let index = groups.firstIndex(where: { ($0["bureaus"] as? [[String: Any]])?.contains { $0["inbox"] as? Int64 == selected } == true }) {
            groups[index]["selected"] = true
        }
        var values: [String: Any] = ["groups": groups, "manyRegions": groups.count > 1, "noneSelected": selected == nil,
                                     "hasBureaus": !bureaus.isEmpty]
        if let named = named(in: record) { values["named"] = named }
        return values
    }
}
