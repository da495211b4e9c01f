public import ContextModel
public import GraphAlgorithms

/// The dataset as the algorithms see it: every entity a vertex, every link with a strength above
/// zero an edge weighted by that strength (E-graded and not-yet-seen links are left out).
public struct StrengthGraph: Sendable {
    public let graph: AdjacencyGraph
    /// Dataset link index of each edge.
    public let linkOfEdge: [Int32]

    /// - Complexity: O(V + E).
    public init(_ dataset: ContextGraph, strengths: [Double]) {
        var from: [VertexIndex] = [], to: [VertexIndex] = [], weights: [Float] = [], links: [Int32] = []
        from.reserveCapacity(dataset.links.count)
        to.reserveCapacity(dataset.links.count)
        weights.reserveCapacity(dataset.links.count)
        links.reserveCapacity(dataset.links.count)
        for link in 0..<dataset.links.count where strengths[link] > 0 {
            from.append(dataset.links.sources[link])
            to.append(dataset.links.targets[link])
            weights.append(Float(strengths[link]))
            links.append(Int32(link))
        }
        graph = AdjacencyGraph(vertexCount: dataset.entities.count, from: from, to: to, weights: weights)
        linkOfEdge = links
    }
}
