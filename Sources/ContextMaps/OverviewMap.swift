public import ContextAnalysis
public import ContextModel

/// The analyst's overview map: every member of every concern cluster, and the concern links
/// between them.
///
/// The map is OFFICIAL-SENSITIVE and shows names: a node's label is the entity's label from
/// ``PersonalData`` if present, otherwise its id. Tooltips give the kind, MACE level and
/// exploitation types. Links graded C or D, or from a source graded 3, are drawn faint; line
/// width follows link weight (1-5).
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

    /// The first title line, with the protective marking.
    public static let heading = "contextd overview — OFFICIAL-SENSITIVE"

    /// Describes the overview map of a dataset's concern clusters.
    ///
    /// - Complexity: O(V + E) over the cluster members and links.
    public func spec(graph: ContextGraph, personal: PersonalData, clusters: ConcernClusters, asOf: Day) -> MapSpec {
        let memberCount = clusters.clusters.reduce(0) { $0 + $1.members.count }
        if memberCount > maxNodes {
            return CondensedMap(maxNodes: maxNodes, engine: engine, style: style)
                .spec(clusters: clusters, memberCount: memberCount, asOf: asOf)
        }
        var nodeOf = [Int32](repeating: -1, count: graph.entities.count)
        var nodes: [MapSpec.Node] = []
        nodes.reserveCapacity(memberCount)
        for cluster in clusters.clusters {
            for member in cluster.members where nodeOf[member.int] < 0 {
                nodeOf[member.int] = Int32(nodes.count)
                nodes.append(Self.node(for: member, graph: graph, personal: personal))
            }
        }
        var edges: [MapSpec.Edge] = []
        for link in clusters.clusters.lazy.flatMap(\.links) {
            let from = nodeOf[Int(graph.links.sources[link])], to = nodeOf[Int(graph.links.targets[link])]
            guard from >= 0, to >= 0 else { continue }
            let kind = graph.links.kinds[link]
            edges.append(
                MapSpec.Edge(
                    from: Int(from), to: Int(to), kind: kind,
                    penWidth: MapStyle.penWidth(forWeight: graph.links.weights[link]),
                    faint: Self.isWeaklyEvidenced(graph.links.grading(link)), directed: kind.isDirected))
        }
        let title = [
            Self.heading, "as of \(asOf)",
            "\(nodes.count) \(nodes.count == 1 ? "entity" : "entities") in \(clusters.clusters.count) concern "
                + "\(clusters.clusters.count == 1 ? "cluster" : "clusters"); \(edges.count) "
                + "\(edges.count == 1 ? "link" : "links")",
        ]
        return MapSpec(title: title, nodes: nodes, edges: edges, legend: true, engine: engine, style: style)
    }

    /// Whether a link is drawn faint: intelligence C or D (or E), or source evaluation 3.
    /// Ungraded links are drawn normally.
    public static func isWeaklyEvidenced(_ grading: Grading?) -> Bool {
        guard let grading else { return false }
        return grading.isLowGrade || grading.isSuspectedFalse
    }

    static func node(for entity: EntityIndex, graph: ContextGraph, personal: PersonalData) -> MapSpec.Node {
        let kind = graph.entities.kinds[entity.int]
        let risk = graph.entities.riskLevels[entity.int]
        var label = graph.id(of: entity)
        if personal.labels.indices.contains(entity.int), let name = personal.labels[entity.int]?.revealed,
            !name.isEmpty
        {
            label = name
        }
        var tooltip = "\(kind.name) · \(Self.riskText(risk))"
        let exploitation = graph.entities.exploitation[entity.int]
        if !exploitation.isEmpty { tooltip += " · \(exploitation.names.joined(separator: ", "))" }
        return MapSpec.Node(label: label, tooltip: tooltip, kind: kind, riskLevel: risk)
    }

    /// "MACE 3 (some concern)" or "MACE not assessed".
    static func riskText(_ level: UInt8) -> String {
        RiskLevel(rawValue: level).map { "MACE \($0.rawValue) (\($0))" } ?? "MACE not assessed"
    }
}
