/// Newman–Girvan modularity of a partition, with a resolution parameter, on a weighted graph.
///
/// Modularity compares the weight inside communities with what a random graph with the same
/// (weighted) degrees would put there:
///
///     Q = Σ_c [ L_c / m  −  γ · ( D_c / (2m) )² ]
///
/// where `m` is the total edge weight, `L_c` the weight of the edges with both ends in community
/// `c`, `D_c` the sum of the weighted degrees of its vertices, and `γ` the resolution (γ = 1 is
/// the classic definition; γ < 1 favours larger communities, γ > 1 smaller ones).
///
/// Self-loops and multi-edges are counted exactly as `networkx.community.modularity` counts
/// them on a `MultiGraph`: every parallel edge adds its own weight, and a self-loop of weight `w`
/// adds `w` to `L_c` and `2w` to its vertex's degree. Weights are summed in `Double`.
///
/// This type is deliberately independent of the community-detection algorithms (``Leiden``
/// computes its own gains), so tests can check those algorithms with code they do not use.
///
/// Checked against `networkx.community.modularity` (networkx 3.6.1) to 1e-9 on the fixtures in
/// `Tests/ContextTestSupport/Reference/community/` (`make_reference_community.py`), including a
/// weighted multigraph with self-loops, at resolutions 0.5, 1 and 2.
///
/// A graph without edge weight (no edges, or all weights zero) has no modularity: the result is
/// NaN, as in igraph (networkx raises `ZeroDivisionError`).
///
/// References: [Newman & Girvan 2004][ng], [Reichardt & Bornholdt 2006][rb] (resolution).
///
/// - Complexity: O(V + E) time, O(communities) extra space.
///
/// [ng]: https://doi.org/10.1103/PhysRevE.69.026113
/// [rb]: https://doi.org/10.1103/PhysRevE.74.016110
public struct Modularity: Sendable, Hashable, Codable {
    /// The resolution γ.
    public var resolution: Double

    /// Modularity at resolution `resolution` (γ, default 1).
    public init(resolution: Double = 1) {
        self.resolution = resolution
    }

    /// The modularity of `partition` on `graph`.
    ///
    /// - Parameters:
    ///   - partition: a partition of `graph`'s vertices (labels in `0 ..< partition.count`).
    ///   - graph: the weighted graph.
    /// - Returns: Q as defined above, or NaN if the total edge weight is zero.
    /// - Precondition: `partition` has one label per vertex of `graph`, each in
    ///   `0 ..< partition.count` (true of every partition built by ``Partition/init(labels:)``;
    ///   check a decoded one with ``Partition/isValid(for:)``).
    /// - Complexity: O(V + E).
    public func score(of partition: Partition, in graph: AdjacencyGraph) -> Double {
        precondition(partition.vertexCount == graph.vertexCount, "the partition must cover the graph's vertices")
        let membership = partition.membership
        var inside = [Double](repeating: 0, count: partition.count)
        var degreeSum = [Double](repeating: 0, count: partition.count)
        var total = 0.0
        for e in 0..<graph.edgeCount {
            let w = Double(graph.weights[e])
            let a = Int(membership[Int(graph.edgeFrom[e])])
            let b = Int(membership[Int(graph.edgeTo[e])])
            total += w
            degreeSum[a] += w
            degreeSum[b] += w
            if a == b { inside[a] += w }
        }
        guard total != 0 else { return .nan }
        let twiceTotal = 2 * total
        var q = 0.0
        for c in 0..<partition.count {
            let share = degreeSum[c] / twiceTotal
            q += inside[c] / total - resolution * share * share
        }
        return q
    }
}
