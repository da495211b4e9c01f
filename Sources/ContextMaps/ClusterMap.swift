public import ContextAnalysis
import ContextModel

/// The map of one concern cluster: its members and every link among them that carries strength.
///
/// A cluster larger than ``MapSettings/maxNodes`` draws its children, perpetrators and groups
/// first, then the people who link them, then shared places (see ``Selection``); no drawn member
/// is left without a drawn link unless it has none in the cluster, and the map's note counts, by
/// kind, the members left out. Child and place maps (``FocusMap``) keep their own nearest,
/// strongest-first rule.
public enum ClusterMap {
    /// Describes the map of `cluster`.
    ///
    /// - Complexity: O(Σ degree of the members), and O(`maxNodes` · members) above the limit.
    public static func spec(of cluster: ConcernCluster, data: MapData) -> MapSpec {
        let graph = data.graph
        var members = cluster.members
        var note: String?
        if members.count > data.settings.maxNodes {
            let selection = Selection(
                members: members, limit: data.settings.maxNodes, graph: graph, strengths: data.analysis.strengths)
            note =
                "\(members.count - selection.drawn.count) of \(members.count) members not drawn (limit "
                + "\(data.settings.maxNodes)): \(selection.leftOutText). Drawn first: children, perpetrators and "
                + "groups, then the people linking them, then shared places."
            members = selection.drawn
        }
        var nodeOf = [Int32](repeating: -1, count: graph.entities.count)
        var nodes: [MapSpec.Node] = []
        for member in members {
            nodeOf[member.int] = Int32(nodes.count)
            nodes.append(data.node(for: member))
        }
        let edges = data.edges(among: nodeOf, entities: members)
        let exploitation = cluster.exploitation.isEmpty ? "" : "; \(cluster.exploitation.names.joined(separator: ", "))"
        let title = [
            "contextd concern cluster \(cluster.stableID) — \(data.marking)",
            "as of \(data.analysis.asOf)",
            "\(cluster.members.count) members, highest \(OverviewMap.riskText(cluster.highestRisk))\(exploitation); "
                + "\(edges.count) \(edges.count == 1 ? "link" : "links") drawn",
        ]
        var spec = MapSpec(
            title: title, note: note, nodes: nodes, edges: edges, legend: true, engine: data.settings.engine,
            style: data.settings.style)
        spec.limitEdges()
        return spec
    }
}
