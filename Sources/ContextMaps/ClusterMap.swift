public import ContextAnalysis
import ContextModel

/// The map of one concern cluster: its members and every link among them that carries strength.
///
/// A cluster larger than ``MapSettings/maxNodes`` keeps its members with the most links inside
/// the cluster, and the map's note says how many were left out.
public enum ClusterMap {
    /// Describes the map of `cluster`.
    ///
    /// - Complexity: O(Σ degree of the members).
    public static func spec(of cluster: ConcernCluster, data: MapData) -> MapSpec {
        let graph = data.graph
        var members = cluster.members
        var note: String?
        if members.count > data.settings.maxNodes {
            let degree = data.analysis.people.degree
            members.sort { degree[$0.int] != degree[$1.int] ? degree[$0.int] > degree[$1.int] : $0 < $1 }
            note =
                "\(members.count - data.settings.maxNodes) of \(members.count) members not drawn (limit "
                + "\(data.settings.maxNodes)); the most linked are shown."
            members = Array(members.prefix(data.settings.maxNodes))
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
