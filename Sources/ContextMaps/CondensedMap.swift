public import ContextAnalysis
public import ContextModel

/// A map with one node per concern cluster, for datasets too large to draw person by person.
///
/// Each node shows the cluster's stable id, its member count and its counts of children and
/// perpetrators; it is filled by the cluster's highest MACE level and sized by its member count.
/// No person-level node is drawn. If even the clusters outnumber ``maxNodes``, the largest
/// ``maxNodes`` are drawn and the note says so.
public struct CondensedMap: Sendable, Hashable, Codable {
    /// The limit of the person-level map this one replaces; also the most cluster nodes drawn.
    public var maxNodes: Int
    public var engine: LayoutEngine
    public var style: MapStyle

    public init(
        maxNodes: Int = OverviewMap.defaultMaxNodes, engine: LayoutEngine = .auto, style: MapStyle = MapStyle()
    ) {
        self.maxNodes = maxNodes
        self.engine = engine
        self.style = style
    }

    /// Describes the condensed map.
    ///
    /// - Parameter memberCount: the number of entities in all clusters (computed when `nil`).
    public func spec(clusters: ConcernClusters, memberCount: Int? = nil, asOf: Day) -> MapSpec {
        let all = clusters.clusters
        let members = memberCount ?? all.reduce(0) { $0 + $1.members.count }
        // Clusters come largest first, so a prefix keeps the largest.
        let shown = all.prefix(max(0, maxNodes))
        var note =
            "Condensed map: \(members) entities in \(all.count) clusters exceed the limit of "
            + "\(maxNodes) nodes; each node is one cluster."
        if shown.count < all.count {
            note += " Only the \(shown.count) largest clusters are shown."
        }
        let nodes = shown.map(Self.node(for:))
        let title = [
            "contextd overview — OFFICIAL-SENSITIVE", "as of \(asOf)",
            "\(members) entities in \(all.count) concern clusters (condensed)",
        ]
        return MapSpec(title: title, note: note, nodes: nodes, edges: [], legend: true, engine: engine, style: style)
    }

    static func node(for cluster: ConcernCluster) -> MapSpec.Node {
        func count(_ kind: EntityKind) -> Int {
            cluster.countsByKind.indices.contains(Int(kind.rawValue)) ? cluster.countsByKind[Int(kind.rawValue)] : 0
        }
        let size = cluster.members.count
        let children = count(.child), perpetrators = count(.perpetrator)
        let label = """
            \(cluster.stableID)
            \(size) \(size == 1 ? "member" : "members")
            \(children) \(children == 1 ? "child" : "children"), \
            \(perpetrators) \(perpetrators == 1 ? "perpetrator" : "perpetrators")
            """
        var tooltip = "concern cluster · highest \(OverviewMap.riskText(cluster.highestRisk))"
        if !cluster.exploitation.isEmpty { tooltip += " · \(cluster.exploitation.names.joined(separator: ", "))" }
        return MapSpec.Node(
            label: label, tooltip: tooltip, kind: nil, riskLevel: cluster.highestRisk, weight: Double(size))
    }
}
