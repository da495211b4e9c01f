public import ContextModel
import GraphAlgorithms

/// One concern cluster: people and places joined by concern links around subjects of concern.
public struct ConcernCluster: Sendable {
    /// Stable identifier, derived from the cluster's anchor (see ``ConcernClusters``).
    public let stableID: String
    /// Members, in increasing index order.
    public let members: [EntityIndex]
    /// Dataset link indices of the concern links inside the cluster, increasing.
    public let links: [Int]
    /// Member counts by kind, indexed by ``EntityKind/rawValue``.
    public let countsByKind: [Int]
    /// Highest assessed MACE level among members, `0` when none is assessed.
    public let highestRisk: UInt8
    /// Union of the members' exploitation types.
    public let exploitation: Exploitation
    /// The subject of concern whose id names the cluster.
    public let anchor: EntityIndex
}

/// Concern clusters: for now, the connected components of the concern graph that hold at least
/// one subject of concern (issue 3 replaces this with Leiden communities).
///
/// **Stable ids.** A cluster is named after its *anchor*, the subject of concern with the
/// smallest id (byte order) among its members: `K-` and 12 hex digits of the FNV-1a 64-bit hash
/// of the anchor's id. The name therefore survives any change that leaves the anchor in the
/// cluster, and it does not spell out a child's id. Ordering is by size (largest first), then id.
public struct ConcernClusters: Sendable {
    public let rules: ConcernRules
    public let clusters: [ConcernCluster]
    /// Subjects of concern not in any reported cluster.
    public let unclusteredSubjects: [EntityIndex]
    /// Number of links left out because they are graded E.
    public let suspectedFalseLinks: Int

    /// Finds the clusters of a dataset.
    ///
    /// - Complexity: O(V + E).
    public init(_ dataset: ContextGraph, rules: ConcernRules = ConcernRules()) {
        self.rules = rules
        let concern = ConcernGraph(dataset, rules: rules)
        let labels = ConnectedComponents().labels(in: concern.graph)
        var membersOf = [[EntityIndex]](repeating: [], count: labels.count)
        var hasSubject = [Bool](repeating: false, count: labels.count)
        for v in 0..<dataset.entities.count {
            let c = Int(labels.membership[v])
            membersOf[c].append(EntityIndex(v))
            if rules.isSubject(v, in: dataset) { hasSubject[c] = true }
        }
        var linksOf = [[Int]](repeating: [], count: labels.count)
        for (edge, link) in concern.linkOfEdge.enumerated() {
            linksOf[Int(labels.membership[Int(concern.graph.edgeFrom[edge])])].append(Int(link))
        }
        var clusters = [ConcernCluster]()
        var unclustered = [EntityIndex]()
        for c in 0..<labels.count where hasSubject[c] {
            let members = membersOf[c]
            guard members.count >= max(1, rules.minimumClusterSize) else {
                unclustered.append(contentsOf: members.filter { rules.isSubject($0.int, in: dataset) })
                continue
            }
            clusters.append(Self.describe(members: members, links: linksOf[c].sorted(), in: dataset, rules: rules))
        }
        clusters.sort { ($0.members.count, $1.stableID) > ($1.members.count, $0.stableID) }
        self.clusters = Self.disambiguated(clusters)
        self.unclusteredSubjects = unclustered
        self.suspectedFalseLinks = (0..<dataset.links.count).reduce(0) {
            $0 + (dataset.links.grading($1)?.isSuspectedFalse == true ? 1 : 0)
        }
    }

    private static func describe(
        members: [EntityIndex], links: [Int], in dataset: ContextGraph, rules: ConcernRules
    ) -> ConcernCluster {
        var counts = [Int](repeating: 0, count: EntityKind.allCases.count)
        var highest: UInt8 = 0
        var exploitation: Exploitation = []
        var anchor: EntityIndex?
        for member in members {
            counts[Int(dataset.entities.kinds[member.int].rawValue)] += 1
            highest = max(highest, dataset.entities.riskLevels[member.int])
            exploitation.formUnion(dataset.entities.exploitation[member.int])
            if rules.isSubject(member.int, in: dataset),
                anchor.map({ dataset.id(of: member).utf8.lexicographicallyPrecedes(dataset.id(of: $0).utf8) }) ?? true
            {
                anchor = member
            }
        }
        let chosen = anchor ?? members[0]
        return ConcernCluster(
            stableID: stableID(for: dataset.id(of: chosen)), members: members, links: links,
            countsByKind: counts, highestRisk: highest, exploitation: exploitation, anchor: chosen)
    }

    /// `K-` and 12 hex digits of FNV-1a-64 of the id's UTF-8 bytes. Not a secret, only a name.
    static func stableID(for anchorID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in anchorID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash >> 16, radix: 16)
        return "K-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// Gives a colliding id (two anchors, one hash: vanishingly rare) a `-2`, `-3`... suffix, in order.
    private static func disambiguated(_ clusters: [ConcernCluster]) -> [ConcernCluster] {
        var seen: [String: Int] = [:]
        return clusters.map { cluster in
            let n = seen[cluster.stableID, default: 0] + 1
            seen[cluster.stableID] = n
            guard n > 1 else { return cluster }
            return ConcernCluster(
                stableID: "\(cluster.stableID)-\(n)", members: cluster.members, links: cluster.links,
                countsByKind: cluster.countsByKind, highestRisk: cluster.highestRisk,
                exploitation: cluster.exploitation, anchor: cluster.anchor)
        }
    }
}
