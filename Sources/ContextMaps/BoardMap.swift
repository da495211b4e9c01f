public import ContextAnalysis
public import ContextModel

/// The strategic board's cluster map: one node per concern cluster, never a person, named by
/// its pseudonym with its size as a band and its children count as the board shows it (counts
/// from 1 to the suppression threshold already replaced by `[c]`).
public enum BoardMap {
    /// What the board says of one cluster, in the order of ``ConcernClusters/clusters``.
    public struct Cluster: Sendable, Hashable {
        public let pseudonym: String
        public let sizeBand: String
        /// The children count as printed (`[c]` when suppressed).
        public let children: String
        public let highestLevel: Int?

        public init(pseudonym: String, sizeBand: String, children: String, highestLevel: Int?) {
            self.pseudonym = pseudonym
            self.sizeBand = sizeBand
            self.children = children
            self.highestLevel = highestLevel
        }
    }

    /// Describes the map; `nil` when there is no cluster to draw.
    ///
    /// - Parameters:
    ///   - marking: the board's marking line (`OFFICIAL (aggregated)`).
    ///   - period: the period's label (`2024-Q3`).
    public static func spec(
        clusters: ConcernClusters, board: [Cluster], marking: String, period: String, asOf: Day
    ) -> MapSpec? {
        guard !clusters.clusters.isEmpty else { return nil }
        var spec = CondensedMap(maxNodes: 200).spec(clusters: clusters, asOf: asOf)
        spec.title = ["Concern clusters — \(marking)", "period \(period)"]
        spec.note = "One node per cluster, filled by its highest MACE level; no person is drawn."
        // No edges between clusters: dot would set them in one long row; neato packs them.
        spec.engine = .neato
        spec.legend = false
        spec.groups = []
        for index in spec.nodes.indices where index < board.count {
            let cluster = board[index]
            spec.nodes[index].label = "\(cluster.pseudonym)\n\(cluster.sizeBand) members\n\(cluster.children) children"
            spec.nodes[index].tooltip =
                "concern cluster, highest MACE level \(cluster.highestLevel.map(String.init) ?? "not assessed")"
        }
        return spec
    }
}
