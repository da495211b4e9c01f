/// One centrality score per vertex, with how the computation ended.
///
/// The result of ``Degree``, ``Closeness`` and ``PageRank`` (``Betweenness`` adds its sampling
/// report in ``BetweennessScores``). Scores are indexed by vertex, igraph's result-vector style.
public struct CentralityScores: Sendable, Hashable, Codable {
    /// `values[v]` is the score of vertex `v`.
    public let values: [Double]
    /// Iterations an iterative method ran (PageRank's power iterations); 0 for direct methods.
    public let iterations: Int
    /// Whether an iterative method met its tolerance; always `true` for direct methods.
    public let converged: Bool

    public init(values: [Double], iterations: Int = 0, converged: Bool = true) {
        self.values = values
        self.iterations = iterations
        self.converged = converged
    }

    /// The `count` highest-scoring vertices, highest first; ties go to the smaller vertex index.
    ///
    /// - Complexity: O(V log V).
    public func top(_ count: Int) -> [VertexIndex] {
        let ranked = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        return ranked.prefix(max(0, count)).map { VertexIndex($0) }
    }
}
