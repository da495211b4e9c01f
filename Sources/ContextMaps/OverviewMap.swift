import ContextAnalysis
public import ContextModel

/// The analyst's overview map: every member of every concern cluster, and the concern links
/// between them.
///
/// The identified map is OFFICIAL-SENSITIVE and shows names (see ``MapNaming``); the
/// pseudonymised one shows keyed pseudonyms. Each cluster is a boxed group. Tooltips give the
/// kind, MACE level, exploitation types, cluster and key scores. Links graded C or D, from a
/// source graded 3, or stale are drawn faint; line width follows link strength.
///
/// When the members outnumber ``maxNodes``, the map is condensed instead: one node per cluster
/// (see ``CondensedMap``), since a person-level layout of that size would be slow and unreadable.
public struct OverviewMap: Sendable, Hashable, Codable {
    /// Largest number of person-level nodes drawn before the map is condensed.
    public var maxNodes: Int
    /// The layout engine for the map.
    public var engine: LayoutEngine
    /// The visual style and engine thresholds.
    public var style: MapStyle

    /// The default ``maxNodes``.
    public static let defaultMaxNodes = 2000

    public init(
        maxNodes: Int = OverviewMap.defaultMaxNodes, engine: LayoutEngine = .auto, style: MapStyle = MapStyle()
    ) {
        self.maxNodes = maxNodes
        self.engine = engine
        self.style = style
    }

    /// Describes the overview map of a dataset's concern clusters, each cluster a boxed group.
    ///
    /// - Complexity: O(V + E) over the cluster members and links.
    public func spec(data: MapData) -> MapSpec {
        let graph = data.graph
        let clusters = data.analysis.clusters
        let memberCount = clusters.clusters.reduce(0) { $0 + $1.members.count }
        if memberCount > maxNodes {
            var condensed = CondensedMap(maxNodes: maxNodes, engine: engine, style: style)
                .spec(clusters: clusters, memberCount: memberCount, asOf: data.analysis.asOf)
            condensed.title[0] = Self.heading(data)
            return condensed
        }
        var nodeOf = [Int32](repeating: -1, count: graph.entities.count)
        var nodes: [MapSpec.Node] = []
        var groups: [MapSpec.Group] = []
        nodes.reserveCapacity(memberCount)
        for cluster in clusters.clusters {
            var members: [Int] = []
            for member in cluster.members where nodeOf[member.int] < 0 {
                nodeOf[member.int] = Int32(nodes.count)
                members.append(nodes.count)
                nodes.append(data.node(for: member))
            }
            groups.append(MapSpec.Group(label: cluster.stableID, members: members, riskLevel: cluster.highestRisk))
        }
        var edges: [MapSpec.Edge] = []
        for link in clusters.clusters.lazy.flatMap(\.links) {
            let from = nodeOf[Int(graph.links.sources[link])], to = nodeOf[Int(graph.links.targets[link])]
            guard from >= 0, to >= 0, let edge = data.edge(for: link, from: Int(from), to: Int(to)) else { continue }
            edges.append(edge)
        }
        let title = [
            Self.heading(data), "as of \(data.analysis.asOf)",
            "\(nodes.count) \(nodes.count == 1 ? "entity" : "entities") in \(clusters.clusters.count) concern "
                + "\(clusters.clusters.count == 1 ? "cluster" : "clusters"); \(edges.count) "
                + "\(edges.count == 1 ? "link" : "links")",
        ]
        var spec = MapSpec(title: title, nodes: nodes, edges: edges, legend: true, engine: engine, style: style)
        spec.groups = groups
        spec.limitEdges()
        return spec
    }

    static func heading(_ data: MapData) -> String { "contextd overview — \(data.marking)" }

    /// Whether a link is drawn faint: intelligence C or D (or E), or source evaluation 3.
    /// Ungraded links are drawn normally.
    public static func isWeaklyEvidenced(_ grading: Grading?) -> Bool {
        guard let grading else { return false }
        return grading.isLowGrade || grading.isSuspectedFalse
    }

    /// "MACE 3 (some concern)" or "MACE not assessed".
    static func riskText(_ level: UInt8) -> String {
        RiskLevel(rawValue: level).map { "MACE \($0.rawValue) (\($0))" } ?? "MACE not assessed"
    }
}
