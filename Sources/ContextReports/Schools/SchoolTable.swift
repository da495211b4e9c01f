/// `schools.csv`: the school risk indicator as a spreadsheet, one row per school, ranked.
///
/// Starts with a UTF-8 byte order mark: Excel, the spreadsheet most school and council staff
/// open it in, reads a CSV without one in the machine's legacy code page and garbles any school
/// name outside ASCII (`St Mary’s`, `Ysgol Gymraeg…`); LibreOffice, Numbers and Google Sheets
/// accept the mark, and contextd's own reader skips it. RFC 4180 quoting and formula neutralising
/// by ``CSVText``. No child is named; counts only.
public enum SchoolTable {
    public static let header = [
        "rank", "school_id", "school", "area", "tier", "tier_name", "score", "pupils_known", "open_level_4",
        "open_level_3", "open_level_2", "open_level_1", "open_not_assessed", "exposed_pupils", "missing_episodes",
        "weapons", "incidents", "peer_network", "peer_network_in_clusters", "movement", "previous_rank", "drivers",
    ]

    /// The table's bytes.
    ///
    /// - Complexity: O(schools).
    public static func csv(_ report: SchoolReport) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        CSVText.appendRecord(header, to: &out)
        func text(_ value: Int?) -> String { value.map(String.init) ?? "" }
        for school in report.schools {
            CSVText.appendRecord(
                [
                    text(school.rank), school.id, school.name ?? "", school.area ?? "", text(school.tier),
                    school.tierName ?? "", school.score.map { String($0) } ?? "", String(school.pupilsKnown),
                    String(school.openToMace["4"] ?? 0), String(school.openToMace["3"] ?? 0),
                    String(school.openToMace["2"] ?? 0), String(school.openToMace["1"] ?? 0),
                    String(school.openToMace["not_assessed"] ?? 0), String(school.exposedPupils),
                    String(school.events["missing_episode"] ?? 0), String(school.events["weapon"] ?? 0),
                    String(school.events["incident"] ?? 0), String(school.peerNetwork),
                    String(school.peerNetworkInClusters), school.movement.direction, text(school.movement.previousRank),
                    school.drivers.joined(separator: " | "),
                ], to: &out)
        }
        return out
    }
}
