import ContextAnalysis
public import ContextModel

/// A map centred on one entity: a child's own network, or everyone and everything around a
/// location or school.
///
/// Walks up to ``MapSettings/depth`` links out from the subject over links that carry strength
/// (graded E and not-yet-seen links are never followed or drawn). Places and schools other than
/// the subject are reached but not walked through, unless a place is assessed at the
/// neighbourhood's `context_minimum_risk` or above: sharing a school or a shopping centre is not
/// evidence of association, and would pull hundreds of pupils and passers-by onto a child's map
/// (the same rule as the concern neighbourhood). Ring by ring, entities are taken in order of the
/// strongest link that reaches them; when ``MapSettings/maxNodes`` is reached the rest are left
/// out and the map says at least how many (entities behind them are not explored). Drawn
/// radially (`twopi` under `auto`), the subject in the centre.
public enum FocusMap {
    /// What the map is centred on.
    public enum Subject: Sendable {
        case child(EntityIndex)
        case context(EntityIndex)

        var entity: EntityIndex {
            switch self {
            case .child(let entity), .context(let entity): entity
            }
        }
    }

    /// Whether the walk goes on through an entity other than the subject: people and groups
    /// always, places at the neighbourhood's minimum risk or above, schools never.
    static func walksThrough(_ entity: EntityIndex, data: MapData) -> Bool {
        switch data.graph.entities.kinds[entity.int] {
        case .child, .peer, .perpetrator, .group: true
        case .school: false
        case .location:
            data.graph.entities.riskLevels[entity.int] >= data.analysis.settings.neighbourhood.contextMinimumRisk
        }
    }

    /// Describes the map of `subject`.
    ///
    /// - Complexity: O(Σ degree of the entities reached · log) for the ordering of each ring.
    public static func spec(of subject: Subject, data: MapData) -> MapSpec {
        let graph = data.graph
        let strengths = data.analysis.strengths
        let limit = max(1, data.settings.maxNodes)
        let centre = subject.entity
        var nodeOf = [Int32](repeating: -1, count: graph.entities.count)
        var drawn: [EntityIndex] = [centre]
        nodeOf[centre.int] = 0
        var ring: [EntityIndex] = [centre]
        var leftOut = 0
        var seenButLeft = Set<Int32>()
        var depthReached = 0
        for depth in 1...max(1, data.settings.depth) {
            // The strongest link reaching each new entity from this ring.
            var best: [Int32: Double] = [:]
            for entity in ring where entity == centre || walksThrough(entity, data: data) {
                for slot in graph.slots(of: entity) {
                    let link = Int(graph.adjacentLinks[slot])
                    let other = graph.adjacentEntities[slot]
                    guard strengths[link] > 0, nodeOf[Int(other)] < 0 else { continue }
                    best[other] = max(best[other] ?? 0, strengths[link])
                }
            }
            if best.isEmpty { break }
            depthReached = depth
            let ordered = best.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var next: [EntityIndex] = []
            for (other, _) in ordered {
                guard drawn.count < limit else {
                    if seenButLeft.insert(other).inserted { leftOut += 1 }
                    continue
                }
                nodeOf[Int(other)] = Int32(drawn.count)
                let entity = EntityIndex(rawValue: other)
                drawn.append(entity)
                next.append(entity)
            }
            ring = next
            if ring.isEmpty { break }
        }
        var nodes = drawn.map(data.node(for:))
        nodes[0].emphasised = true
        // Links between two entities of the outermost ring are left out (exploitation excepted):
        // they are the subject's contacts' contacts' ties to each other, which say little about
        // the subject and turn the rim of the map into a mesh.
        let outer = drawn.count - ring.count
        let edges = data.edges(among: nodeOf, entities: drawn).filter { edge in
            depthReached < 2 || edge.kind == .exploits || edge.from < outer || edge.to < outer
        }
        let kind = graph.entities.kinds[centre.int]
        let subjectName: String
        switch subject {
        case .child: subjectName = "network of a \(kind.name)"
        case .context: subjectName = "around a \(kind == .location ? "place" : kind.name)"
        }
        let title = [
            "contextd map: \(subjectName) — \(data.marking)",
            "as of \(data.analysis.asOf); subject at the centre: \(nodes[0].label.split(separator: "\n").first ?? "")",
            "\(nodes.count) entities within \(depthReached) \(depthReached == 1 ? "link" : "links"); \(edges.count) "
                + "\(edges.count == 1 ? "link" : "links") drawn",
        ]
        let note =
            leftOut > 0
            ? "At least \(leftOut) more entities within \(data.settings.depth) links not drawn (limit \(limit)); "
                + "the nearest and most strongly linked are shown."
            : nil
        var spec = MapSpec(
            title: title, note: note, nodes: nodes, edges: edges, legend: true, engine: data.settings.engine,
            style: data.settings.style)
        spec.centre = 0
        spec.limitEdges()
        return spec
    }
}
