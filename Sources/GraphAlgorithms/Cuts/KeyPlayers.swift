/// A set of key players whose removal fragments the graph most (Borgatti's KPP-Neg).
///
/// Borgatti's key player problem ([Borgatti 2006][kpp]), in its "negative" form, asks for the
/// `k` vertices whose removal leaves the rest of the graph most fragmented, measured by
///
///     F = 1 − Σ_k s_k (s_k − 1) / (n (n − 1))
///
/// where the `s_k` are the sizes of the connected components left after the removal and `n` is
/// the number of vertices left. F is the share of pairs of remaining vertices that can no longer
/// reach each other: 0 for a connected graph, 1 when no two remaining vertices are connected
/// (and, by convention here, when fewer than two vertices remain).
///
/// The search follows the paper's heuristic, restricted to a candidate set: a greedy start adds,
/// `k` times, the candidate whose removal (with those chosen so far) gives the largest F; then,
/// while some swap of a chosen vertex for an unchosen candidate increases F, the best such swap is
/// made (steepest ascent), until no swap improves. F is compared through the integer count of
/// connected pairs, exactly, so the search always terminates.
///
/// Deviations from the paper: the paper swaps from a random start; this starts from the greedy
/// set and is fully deterministic (candidates are tried in increasing vertex order and ties go to
/// the first found), so the same input always gives the same set, and the result's F is never
/// below the greedy set's.
///
/// networkx and igraph have no key-player function; `KeyPlayersTests` checks properties (result
/// restricted to the candidates, F not below the greedy set's, determinism), hand-computed
/// values, and exhaustive search over all pairs on small random graphs (the result is a local
/// optimum: never above the best pair, and close to it).
///
/// Evaluating a candidate that is not an articulation point of the remaining graph costs O(1)
/// (its component just loses one vertex); only articulation points are searched.
///
/// - Complexity: the greedy phase is O(k · (V + E + Σ_a |component of a|)) over the candidates
///   a that are articulation points, and so is each swap round. O(V + E) extra space.
///
/// [kpp]: https://doi.org/10.1007/s10588-006-7084-x
public struct KeyPlayers: Sendable, Hashable, Codable {
    /// The number of key players to find.
    public var count: Int
    /// Whether to improve the greedy set by swaps.
    public var improvesBySwapping: Bool

    /// - Parameters:
    ///   - count: `k`, the size of the set (fewer if there are fewer candidates).
    ///   - improvesBySwapping: run the swap phase after the greedy start (default true).
    public init(count: Int, improvesBySwapping: Bool = true) {
        self.count = max(0, count)
        self.improvesBySwapping = improvesBySwapping
    }

    /// The key players of `graph`, chosen among `candidates`.
    ///
    /// - Parameters:
    ///   - graph: an undirected graph (weights ignored).
    ///   - candidates: the vertices that may be chosen (duplicates ignored); all if nil.
    /// - Returns: the chosen vertices and the fragmentation their removal leaves.
    /// - Complexity: see the type's documentation.
    public func select(in graph: AdjacencyGraph, among candidates: [VertexIndex]? = nil) -> KeyPlayerSet {
        let n = graph.vertexCount
        let pool = candidates.map { Set($0).sorted() } ?? (0..<Int32(n)).map { $0 }
        precondition(pool.allSatisfy { $0 >= 0 && Int($0) < n }, "no such vertex")
        let k = min(count, pool.count)
        var state = RemovalComponents(graph, removed: [Bool](repeating: false, count: n))
        var chosen = [Bool](repeating: false, count: n)

        for _ in 0..<k {
            var best: (pairs: Int, vertex: VertexIndex)?
            for c in pool where !chosen[Int(c)] {
                let pairs = state.connectedPairs(without: c)
                if pairs < best?.pairs ?? .max { best = (pairs, c) }
            }
            guard let best else { break }
            chosen[Int(best.vertex)] = true
            state.setRemoved(best.vertex, true)
            state.relabel()
        }

        while improvesBySwapping && k > 0 && k < pool.count {
            let currentPairs = state.connectedPairs
            var bestSwap: (pairs: Int, out: VertexIndex, in: VertexIndex)?
            for out in pool where chosen[Int(out)] {
                state.setRemoved(out, false)
                state.relabel()
                for c in pool where !chosen[Int(c)] {
                    let pairs = state.connectedPairs(without: c)
                    if pairs < (bestSwap?.pairs ?? currentPairs) { bestSwap = (pairs, out, c) }
                }
                state.setRemoved(out, true)
            }
            state.relabel()
            guard let swap = bestSwap else { break }
            chosen[Int(swap.out)] = false
            chosen[Int(swap.in)] = true
            state.setRemoved(swap.out, false)
            state.setRemoved(swap.in, true)
            state.relabel()
        }

        let vertices = pool.filter { chosen[Int($0)] }
        return KeyPlayerSet(vertices: vertices, fragmentation: Self.fragmentation(state))
    }

    /// The fragmentation F of `graph` after removing `removed` (duplicates ignored).
    ///
    /// - Complexity: O(V + E).
    public static func fragmentation(of graph: AdjacencyGraph, removing removed: [VertexIndex]) -> Double {
        var mask = [Bool](repeating: false, count: graph.vertexCount)
        for v in removed { mask[Int(v)] = true }
        return fragmentation(RemovalComponents(graph, removed: mask))
    }

    private static func fragmentation(_ state: RemovalComponents) -> Double {
        let remaining = state.remainingCount
        guard remaining >= 2 else { return 1 }
        return 1 - Double(2 * state.connectedPairs) / Double(remaining * (remaining - 1))
    }
}

/// The result of ``KeyPlayers``.
public struct KeyPlayerSet: Sendable, Hashable, Codable {
    /// The key players, in increasing order.
    public let vertices: [VertexIndex]
    /// The fragmentation F left by removing them.
    public let fragmentation: Double
}
