public import ContextModel

/// Contextual Safeguarding's "context weighting", computed: for a cluster, the share of its risk
/// that comes through each kind of context.
///
/// Every link with a strength above zero that touches a member counts, weighted by
/// `strength × max(1, highest MACE level of its two ends) / 4`, into one context:
/// - `peer`: `associate`, `relationship`, `sibling` between people;
/// - `online`: `online_contact`, and `frequents` to a location in the `online` category;
/// - `school`: `attends`;
/// - `neighbourhood`: `frequents` to any other location;
/// - `group`: `member`;
/// - `exploitation`: `exploits` (the harm itself rather than a context, shown apart).
/// Shares sum to 1 (or are all 0 for a cluster without such links).
public enum ContextWeighting {
    public static let contexts = ["peer", "online", "school", "neighbourhood", "group", "exploitation"]

    /// The context of a link, by the table above.
    static func context(of link: Int, in graph: ContextGraph) -> String {
        switch graph.links.kinds[link] {
        case .associate, .relationship, .sibling: return "peer"
        case .onlineContact: return "online"
        case .attends: return "school"
        case .member: return "group"
        case .exploits: return "exploitation"
        case .frequents:
            let place = Int(graph.links.targets[link])
            return graph.entities.categories[place] == LocationCategory.online.rawValue ? "online" : "neighbourhood"
        }
    }

    /// The shares of a cluster's risk by context.
    ///
    /// - Complexity: O(sum of the members' degrees).
    public static func shares(of members: [EntityIndex], in graph: ContextGraph, strengths: [Double]) -> [String:
        Double]
    {
        var totals = Dictionary(uniqueKeysWithValues: contexts.map { ($0, 0.0) })
        var counted = Set<Int32>()
        for member in members {
            for slot in graph.slots(of: member) {
                let link = graph.adjacentLinks[slot]
                guard strengths[Int(link)] > 0, counted.insert(link).inserted else { continue }
                let level = max(
                    graph.entities.riskLevels[Int(graph.links.sources[Int(link)])],
                    graph.entities.riskLevels[Int(graph.links.targets[Int(link)])], 1)
                totals[context(of: Int(link), in: graph), default: 0] += strengths[Int(link)] * Double(level) / 4
            }
        }
        let sum = totals.values.reduce(0, +)
        guard sum > 0 else { return totals }
        return totals.mapValues { $0 / sum }
    }
}
