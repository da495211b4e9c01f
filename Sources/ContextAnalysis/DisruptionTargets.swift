public import ContextModel
import GraphAlgorithms

/// Settings of the disruption analysis.
public struct DisruptionSettings: Sendable, Hashable, Codable {
    /// Size of the key-player set per cluster.
    public var keyPlayers: Int
    /// How many single candidates to list by fragmentation gain.
    public var rankedCandidates: Int
    /// Clusters larger than this get no key-player search (its cost grows with the square of the
    /// size); the report says so.
    public var keyPlayerLimit: Int
    /// Clusters larger than this get the greedy key-player set without the swap phase.
    public var keyPlayerSwapLimit: Int
    /// The key-player search considers this many candidates: the non-child members with the most
    /// links inside the cluster (a set that fragments a network is drawn from its hubs; the pool
    /// keeps the search linear in the cluster's size).
    public var keyPlayerCandidates: Int

    public init(
        keyPlayers: Int = 3, rankedCandidates: Int = 5, keyPlayerLimit: Int = 5_000, keyPlayerSwapLimit: Int = 500,
        keyPlayerCandidates: Int = 50
    ) {
        self.keyPlayers = keyPlayers
        self.rankedCandidates = rankedCandidates
        self.keyPlayerLimit = keyPlayerLimit
        self.keyPlayerSwapLimit = keyPlayerSwapLimit
        self.keyPlayerCandidates = keyPlayerCandidates
    }
}

/// Who or what, if disrupted, separates a cluster's children from the people harming them.
///
/// Computed on the cluster's own graph (its members and the links inside it that clusters are
/// found on), with the children as *protected* vertices and the perpetrators at MACE level 3-4 as
/// *threats*. Children are never candidates.
/// - articulation points and bridges of the cluster graph;
/// - the minimum vertex cut (max-flow on the split graph) separating every child from every
///   level 3-4 perpetrator, for the children not linked to one directly (a direct link, listed
///   under `directExposures`, can only be broken by acting on the perpetrator);
/// - single candidates ranked by fragmentation gain (children separated from every threat, then
///   child–threat pairs separated);
/// - a key-player set (Borgatti's KPP-Neg fragmentation, greedy with swaps; greedy only above
///   ``DisruptionSettings/keyPlayerSwapLimit`` members) among perpetrators, peers, locations and
///   groups: the ``DisruptionSettings/keyPlayerCandidates`` of them with the most links inside.
public struct DisruptionTargets: Sendable {
    public let articulationPoints: [EntityIndex]
    /// Bridges as dataset link indices.
    public let bridges: [Int]
    /// Pairs (child, perpetrator) joined by a link: no cut can separate them.
    public let directExposures: [(child: EntityIndex, perpetrator: EntityIndex)]
    /// The fewest non-child members whose removal separates the remaining children from every
    /// level 3-4 perpetrator; `nil` when no such set exists, empty when they are already apart.
    public let minimumCut: [EntityIndex]?
    /// How many children the cut is computed for (those without a direct exposure).
    public let childrenBehindCut: Int
    /// Single candidates, best first: (candidate, children separated, child–threat pairs separated).
    public let ranking: [(entity: EntityIndex, children: Int, pairs: Int)]
    /// The key-player set and the fragmentation left after removing it; `nil` above the limit.
    public let keyPlayers: (entities: [EntityIndex], fragmentation: Double, swapped: Bool)?

    /// - Complexity: dominated by the key-player search, O(k · (V + E)) per pass on the cluster.
    public init(cluster: ConcernCluster, in graph: ContextGraph, settings: DisruptionSettings) {
        let members = cluster.members
        var local: [Int32: Int32] = [:]
        for (i, member) in members.enumerated() { local[member.rawValue] = Int32(i) }
        var from: [VertexIndex] = [], to: [VertexIndex] = []
        for link in cluster.links {
            guard let a = local[graph.links.sources[link]], let b = local[graph.links.targets[link]] else { continue }
            from.append(a)
            to.append(b)
        }
        let sub = AdjacencyGraph(
            vertexCount: members.count, from: from, to: to, weights: [Float](repeating: 1, count: from.count))
        let structure = Biconnected().structure(in: sub)
        articulationPoints = structure.articulationPoints.map { members[Int($0)] }
        bridges = structure.bridges.map { cluster.links[Int($0)] }

        let kinds = members.map { graph.entities.kinds[$0.int] }
        let children = (0..<members.count).filter { kinds[$0] == .child }.map { VertexIndex($0) }
        let threats = (0..<members.count).filter {
            kinds[$0] == .perpetrator && graph.entities.riskLevels[members[$0].int] >= 3
        }.map { VertexIndex($0) }
        let isThreat = Set(threats)
        var exposures: [(EntityIndex, EntityIndex)] = []
        var exposed = Set<VertexIndex>()
        for child in children {
            for neighbour in Set(sub.neighbors(of: child)) where isThreat.contains(neighbour) {
                exposures.append((members[Int(child)], members[Int(neighbour)]))
                exposed.insert(child)
            }
        }
        directExposures = exposures.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { (child: $0.0, perpetrator: $0.1) }
        let behind = children.filter { !exposed.contains($0) }
        childrenBehindCut = behind.count
        let cuttable = kinds.map { $0 != .child }
        minimumCut = MinimumVertexCut().cut(in: sub, separating: behind, from: threats, cuttable: cuttable)?
            .vertices.map { members[Int($0)] }

        let candidates = (0..<members.count).filter { kinds[$0] != .child }.map { VertexIndex($0) }
        let ranked = FragmentationGain().ranking(in: sub, candidates: candidates, protected: children, threats: threats)
        ranking = ranked.entries.filter { $0.separatedPairs > 0 }.prefix(settings.rankedCandidates).map {
            (entity: members[Int($0.vertex)], children: $0.separatedProtected, pairs: $0.separatedPairs)
        }
        if members.count <= settings.keyPlayerLimit && settings.keyPlayers > 0 {
            let swapping = members.count <= settings.keyPlayerSwapLimit
            let pool = candidates.sorted { (sub.degree(of: $0), $1) > (sub.degree(of: $1), $0) }
                .prefix(settings.keyPlayerCandidates)
            let set = KeyPlayers(count: settings.keyPlayers, improvesBySwapping: swapping).select(
                in: sub, among: Array(pool))
            keyPlayers = (set.vertices.map { members[Int($0)] }, set.fragmentation, swapping)
        } else {
            keyPlayers = nil
        }
    }
}
