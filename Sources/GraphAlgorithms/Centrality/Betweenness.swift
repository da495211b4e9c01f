/// Shortest-path betweenness centrality by Brandes' algorithm, exact or from sampled pivots.
///
/// The betweenness of `v` is the share of shortest paths between other vertices that pass
/// through it, summed over unordered pairs `{s, t}` with `v ∉ {s, t}`:
///
///     B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t)
///
/// where `σ(s, t)` counts shortest `s`–`t` paths and `σ(s, t | v)` those through `v`. In a
/// network of contacts it marks brokers: people through whom otherwise separate groups connect.
/// Brandes (2001) computes it with one single-source sweep per source vertex (breadth-first, or
/// Dijkstra for lengths) followed by a backward accumulation of dependencies; see
/// `BrandesLane`. With `normalized`, scores are divided by `(n − 1)(n − 2) / 2`, the number
/// of pairs that could pass through a vertex, as networkx does for undirected graphs.
///
/// **Modes.** ``Mode/exact`` sweeps from every vertex. ``Mode/sampled(pivots:seed:)`` sweeps
/// from `k` pivots drawn uniformly without replacement (Brandes and Pich 2007) and scales the
/// sums up as networkx's `k=` option does: by `(n − 1) / k` for non-pivots and `(n − 1) / (k − 1)`
/// for pivots, which cannot be their own source (with a single pivot, that pivot scores 0 where
/// networkx gives NaN). ``Mode/pivots(_:)`` does the same with pivots the caller chose.
/// ``Mode/perComponent(exactLimit:pivots:seed:)`` is the policy for large graphs: exact within
/// every connected component of at most `exactLimit` vertices, sampled with `pivots` pivots (and
/// the same scaling, with the component's size for `n`) within larger ones; the result reports
/// the sources used per component.
///
/// **Lengths.** ``PathLength/hops`` (default) ignores weights. ``PathLength/inverseWeight`` uses
/// `1 / weight` as each edge's length, which is how networkx is called for the weighted reference
/// values (`weight="distance"` with distance `1 / weight`). For any other transform, build a graph
/// whose weights are the lengths and use ``PathLength/weight``. Edges with an unusable length
/// (not finite and positive) are left out of weighted searches.
///
/// **Multi-edges and self-loops.** Paths are counted between vertices, so parallel edges do not
/// multiply them (networkx's convention; igraph counts parallel edges as distinct paths). When
/// weighted, the shortest of the parallel edges is the one that counts. Self-loops are ignored.
///
/// **Determinism and threads.** Pivots come from ``SplitMix64`` and this package's Fisher–Yates
/// shuffle, so a seed fixes them on every platform. Sources are split over two fixed lanes that
/// run in parallel with separate accumulators, summed in lane order (`SourceLanes`), so results
/// are bit-identical from run to run and machine to machine. The sweep checks `Task.isCancelled`
/// between batches of sources and throws `CancellationError`.
///
/// Checked against `networkx.betweenness_centrality` on the reference fixtures within 1e-9:
/// normalised and unnormalised, weighted with `1 / weight` lengths, and sampled (networkx's
/// own pivots passed in through ``Mode/pivots(_:)``).
///
/// - Complexity: O(S · (V + E)) unweighted and O(S · (V + E) log V) weighted, for S sources
///   (S = V when exact), plus O(V) extra space per lane.
///
/// [Brandes 2001]: https://doi.org/10.1080/0022250X.2001.9990249
/// [Brandes and Pich 2007]: https://doi.org/10.1142/S0218127407018403
/// [Freeman 1977]: https://doi.org/10.2307/3033543
public struct Betweenness: Sendable, Hashable, Codable {
    /// Which vertices are used as sources, and how their sums are scaled.
    public enum Mode: Sendable, Hashable, Codable {
        /// Every vertex is a source: the exact betweenness.
        case exact
        /// `pivots` sources drawn from all vertices with `seed` (networkx's `k=`); exact when
        /// `pivots ≥ n`. At least one pivot is used.
        case sampled(pivots: Int, seed: UInt64)
        /// The given sources (duplicates ignored), scaled like ``sampled(pivots:seed:)``.
        case pivots([VertexIndex])
        /// Exact in components of at most `exactLimit` vertices; `pivots` sources drawn with
        /// `seed` in each larger component, scaled by that component's size.
        case perComponent(exactLimit: Int, pivots: Int, seed: UInt64)
    }

    /// Divide by `(n − 1)(n − 2) / 2`, the number of pairs a vertex could lie between.
    public var normalized: Bool
    /// How edge lengths are read from weights.
    public var length: PathLength
    /// Exact, sampled, or per-component.
    public var mode: Mode

    public init(normalized: Bool = true, length: PathLength = .hops, mode: Mode = .exact) {
        self.normalized = normalized
        self.length = length
        self.mode = mode
    }

    /// The betweenness of every vertex, with the sources used.
    ///
    /// - Precondition: vertices given to ``Mode/pivots(_:)`` are in the graph.
    /// - Throws: `CancellationError` if the calling task is cancelled.
    /// - Complexity: see ``Betweenness``.
    public func scores(in graph: AdjacencyGraph) throws -> BetweennessScores {
        let n = graph.vertexCount
        let plan = SourcePlan(mode: mode, graph: graph)
        let lengths = length.edgeLengths(in: graph)
        let work = plan.sources.count * (n + 2 * graph.edgeCount)
        let lanes = try SourceLanes.run(plan.sources, parallel: work > 1 << 18) { laneSources, shouldStop in
            BrandesLane.dependencies(from: laneSources, in: graph, lengths: lengths, shouldStop: shouldStop)
        }
        var values = lanes[0]
        for lane in lanes.dropFirst() {
            for v in 0..<n { values[v] += lane[v] }
        }
        // networkx's _rescale: every ordered pair (s, t) was counted from s, so an undirected
        // pair twice; normalising divides by the (n − 1)(n − 2) ordered pairs instead of halving.
        let others = n - 1
        if others >= 2 {
            let scale = normalized ? 1 / Double(others * (others - 1)) : 0.5
            for v in 0..<n {
                values[v] *= plan.factor.isEmpty ? scale : plan.factor[v] * scale
            }
        }
        return BetweennessScores(
            values: values, sourceCount: plan.sources.count, isExact: plan.isExact, components: plan.components)
    }
}

/// The result of ``Betweenness``: scores plus what was sampled.
public struct BetweennessScores: Sendable, Hashable, Codable {
    /// `values[v]` is the (estimated, unless ``isExact``) betweenness of vertex `v`.
    public let values: [Double]
    /// Number of sources swept (the pivots, or `n` when exact).
    public let sourceCount: Int
    /// Whether every value is exact rather than estimated from pivots.
    public let isExact: Bool
    /// Per connected component (numbered as ``ConnectedComponents`` numbers them): its size and
    /// how many sources were drawn from it.
    public let components: [ComponentSample]

    /// The `count` highest-scoring vertices, highest first; ties go to the smaller vertex index.
    ///
    /// - Complexity: O(V log V).
    public func top(_ count: Int) -> [VertexIndex] {
        CentralityScores(values: values).top(count)
    }
}

/// How many of a component's vertices were used as betweenness sources.
public struct ComponentSample: Sendable, Hashable, Codable {
    /// Number of vertices in the component.
    public let vertexCount: Int
    /// Number of them swept as sources (`vertexCount` when the component was computed exactly).
    public let sourceCount: Int

    public init(vertexCount: Int, sourceCount: Int) {
        self.vertexCount = vertexCount
        self.sourceCount = sourceCount
    }
}
