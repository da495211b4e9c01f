/// Degree centrality: how many ties each vertex has, or how strong they are in total.
///
/// The (unweighted) degree of `v` is the number of incident edge ends, so a self-loop counts
/// twice and each parallel edge once, as networkx's `Graph.degree` / `MultiGraph.degree` and
/// igraph's `igraph_degree` with loops count them. The weighted degree ("strength") sums the
/// weights of the same edge ends (networkx's `degree(weight="weight")`, igraph's
/// `igraph_strength`). With `normalized`, scores are divided by `n - 1`, as networkx's
/// `degree_centrality` does (a graph of one vertex is left undivided).
///
/// Checked against networkx's `degree` and `degree(weight="weight")` on the reference fixtures.
///
/// - Complexity: O(V + E).
public struct Degree: Sendable, Hashable, Codable {
    /// Sum edge weights instead of counting edges.
    public var weighted: Bool
    /// Divide by `n - 1`.
    public var normalized: Bool

    public init(weighted: Bool = false, normalized: Bool = false) {
        self.weighted = weighted
        self.normalized = normalized
    }

    /// The degree (or strength) of every vertex.
    ///
    /// - Complexity: O(V + E).
    public func scores(in graph: AdjacencyGraph) -> CentralityScores {
        let n = graph.vertexCount
        var values = [Double](repeating: 0, count: n)
        for v in 0..<n {
            if weighted {
                var sum = 0.0
                for e in graph.incidentEdges(of: VertexIndex(v)) { sum += Double(graph.weights[Int(e)]) }
                values[v] = sum
            } else {
                values[v] = Double(graph.degree(of: VertexIndex(v)))
            }
        }
        if normalized && n > 1 {
            let scale = 1 / Double(n - 1)
            for v in 0..<n { values[v] *= scale }
        }
        return CentralityScores(values: values)
    }
}
