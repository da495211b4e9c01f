/// Community detection by the Leiden algorithm, optimising modularity with a resolution.
///
/// The Leiden algorithm ([Traag, Waltman & van Eck 2019][leiden]) improves on Louvain by
/// guaranteeing that every community it returns is connected. Each level has three phases:
///
/// 1. **Fast local moving** (`Leiden+LocalMoving.swift`): nodes are visited from a queue, first
///    all of them in a seeded random order, and each moves to the neighbouring community (or an
///    empty one) with the largest gain; when a node moves, its neighbours outside its new
///    community are queued again. Runs until the queue is empty.
/// 2. **Refinement** (`Leiden+Refinement.swift`): inside each community, starting from
///    singletons, well-connected singleton nodes merge into well-connected sub-communities, chosen
///    at random with probability ∝ exp(gain / θ) among moves that do not lower the quality.
///    Merges only follow edges, so every refined sub-community is connected.
/// 3. **Aggregation** (`Aggregation.swift`): the refined sub-communities become the nodes of the
///    next level, and the communities of phase 1 give their initial membership.
///
/// Levels repeat until local moving changes nothing (every community is one aggregate node,
/// hence a connected set of vertices). One such run is an *iteration*; iterations repeat,
/// starting from the previous result, until one leaves the partition unchanged or
/// `maxIterations` is reached (igraph's `n_iterations`).
///
/// The objective is modularity with resolution γ (not the Constant Potts Model), as in
/// ``Modularity``:
///
///     Q = 1/(2m) Σ_ij [ A_ij − γ k_i k_j / (2m) ] δ(c_i, c_j)
///
/// where `A` is the weighted adjacency, `k_i` the weighted degree (self-loops twice) and `m`
/// the total edge weight. Adding a node `v` to a community `C` that does not hold it changes the
/// unnormalised quality `H = m·Q` by `w(v, C) − γ k_v K_C / (2m)`, with `w(v, C)` the edge weight
/// between them and `K_C` the weighted degree of `C`; gains are computed in these edge-weight
/// units, as igraph does, and θ applies to them.
///
/// Deviations from the paper and from igraph:
/// - θ (`randomness`, default 0.01 as in the paper) scales gains in edge-weight units, like
///   igraph's `beta`; `randomness == 0` gives the deterministic greedy variant (largest gain,
///   ties to the node's own sub-community).
/// - The exponential in the refinement is this module's own (range reduction and a fixed
///   polynomial), not the C library's, so seeded results do not depend on the platform's libm.
/// - When a refinement merges nothing, the next level aggregates the communities' connected
///   parts (igraph aggregates the communities themselves, which could then be disconnected);
///   when the level or cancellation limit stops a run early, communities are likewise split into
///   connected parts. Splitting a disconnected community never lowers modularity.
///
/// Determinism: all randomness comes from one ``SplitMix64`` seeded with `seed`, with this
/// module's Fisher–Yates shuffle; node and neighbour orders are fixed by the graph's CSR. The
/// same graph, parameters and seed give the same partition on every platform.
///
/// Edge weights must be finite and non-negative. A graph without edge weight gives singletons
/// (or the starting partition).
///
/// Checked on the fixtures made by `Tests/ContextTestSupport/make_reference_community.py`
/// (classic graphs, planted partitions, LFR, random and weighted graphs, a multigraph with
/// self-loops): valid partitions, connected communities, the same partition for the same seed,
/// the exact partition of a ring of cliques and a barbell, and modularity not below
/// `networkx.community.louvain_communities` (at γ = 2, where small graphs have local optima
/// that single moves cannot leave, the best of five seeds) and within 1% of python-igraph's
/// `community_leiden(objective_function="modularity", n_iterations=-1)`. The modularity used to
/// check it is ``Modularity``, which this type does not use.
///
/// - Complexity: O(E) per local-moving pass, refinement and aggregation; near-linear in practice
///   (a few passes per level, levels shrinking geometrically). O(V + E) extra space.
///
/// [leiden]: https://doi.org/10.1038/s41598-019-41695-z
public struct Leiden: Sendable, Hashable, Codable {
    /// The resolution γ of modularity.
    public var resolution: Double
    /// The refinement's randomness θ (0 for the greedy variant).
    public var randomness: Double
    /// The seed of the ``SplitMix64`` generator.
    public var seed: UInt64
    /// The most levels (local moving, refinement, aggregation) per iteration.
    public var maxLevels: Int
    /// The most iterations; they stop earlier once an iteration changes nothing.
    public var maxIterations: Int

    /// - Parameters:
    ///   - resolution: modularity's γ; 1 is the classic definition.
    ///   - randomness: θ of the refinement; the paper's 0.01 by default, 0 for greedy merging.
    ///   - seed: seed of all random choices.
    ///   - maxLevels: a safety limit on levels per iteration (at least 1).
    ///   - maxIterations: the most iterations (at least 1); 2 by default, as python-igraph's
    ///     `n_iterations`. More iterations raise modularity a little on most graphs (each one
    ///     costs about as much as the first's bottom level); with θ > 0 an iteration rarely
    ///     leaves a large graph exactly unchanged, so they seldom stop early there.
    public init(
        resolution: Double = 1, randomness: Double = 0.01, seed: UInt64 = 0, maxLevels: Int = 64,
        maxIterations: Int = 2
    ) {
        precondition(randomness >= 0 && randomness.isFinite, "randomness must be finite and non-negative")
        self.resolution = resolution
        self.randomness = randomness
        self.seed = seed
        self.maxLevels = max(1, maxLevels)
        self.maxIterations = max(1, maxIterations)
    }

    /// Finds communities in `graph`.
    ///
    /// Checks `Task.isCancelled` between levels; once cancelled it stops and returns the
    /// partition reached so far (valid, every community connected, but not converged), so a
    /// caller that may be cancelled should check cancellation before using the result.
    ///
    /// - Parameters:
    ///   - graph: an undirected graph with finite, non-negative weights.
    ///   - start: a partition to start from (igraph's `initial_membership`); singletons if nil.
    /// - Returns: a canonical partition whose communities are connected.
    /// - Complexity: see the type's documentation.
    public func communities(in graph: AdjacencyGraph, startingFrom start: Partition? = nil) -> Partition {
        let n = graph.vertexCount
        if let start { precondition(start.vertexCount == n, "the starting partition must cover the graph") }
        var membership = start?.membership ?? (0..<Int32(n)).map { $0 }
        let base = LeidenGraph(graph)
        guard base.totalNodeWeight > 0 else { return Partition(labels: membership) }
        var generator = SplitMix64(seed: seed)
        let settings = LevelSettings(
            scale: resolution / base.totalNodeWeight, randomness: randomness, maxLevels: maxLevels)
        for iteration in 0..<max(1, maxIterations) {
            if iteration > 0 && Task.isCancelled { break }
            let next = Partition(labels: Self.iterate(base, from: membership, settings, &generator)).membership
            if next == membership { break }
            membership = next
        }
        return Partition(labels: membership)
    }

    /// What the phases need besides the graph: γ/(2m), θ and the level limit.
    struct LevelSettings {
        /// γ / (2m): the null-model factor in the gain `w(v, C) − scale · k_v · K_C`.
        let scale: Double
        let randomness: Double
        let maxLevels: Int
    }

    /// One iteration: levels of local moving, refinement and aggregation until local moving
    /// changes nothing. Returns a membership (not canonical) for the vertices of `base`.
    static func iterate(
        _ base: LeidenGraph, from initial: [Int32], _ settings: LevelSettings, _ generator: inout SplitMix64
    ) -> [Int32] {
        var graph = base
        var membership = Partition(labels: initial).membership
        // The aggregate node that holds each vertex of `base`.
        var aggregate = (0..<Int32(base.nodeCount)).map { $0 }
        var level = 0
        while true {
            let count = fastMove(in: graph, membership: &membership, settings, &generator)
            if count == graph.nodeCount { break }
            if level + 1 >= settings.maxLevels || Task.isCancelled {
                membership = graph.connectedParts(of: membership).labels
                break
            }
            var (refined, refinedCount) = refine(in: graph, membership: membership, count: count, settings, &generator)
            if refinedCount == graph.nodeCount {
                (refined, refinedCount) = graph.connectedParts(of: membership)
                if refinedCount == graph.nodeCount {
                    membership = refined
                    break
                }
            }
            var next = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<graph.nodeCount { next[Int(refined[v])] = membership[v] }
            for i in aggregate.indices { aggregate[i] = refined[Int(aggregate[i])] }
            graph = graph.aggregated(by: refined, count: refinedCount)
            membership = next
            level += 1
        }
        return aggregate.map { membership[Int($0)] }
    }
}
