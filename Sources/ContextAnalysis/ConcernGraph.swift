public import ContextModel
public import GraphAlgorithms

/// The concern graph: the dataset projected by ``ConcernRules`` onto an ``AdjacencyGraph``.
///
/// Vertices are all entities (same indices as the ``ContextGraph``); edges are the concern links
/// only. Link weights become edge weights.
public struct ConcernGraph: Sendable {
    public let graph: AdjacencyGraph
    /// `linkOfEdge[e]` is the dataset link index of concern-graph edge `e`.
    public let linkOfEdge: [Int32]

    /// Projects a dataset.
    ///
    /// - Complexity: O(V + E).
    public init(_ dataset: ContextGraph, rules: ConcernRules) {
        var from = [VertexIndex](), to = [VertexIndex](), weights = [Float](), links = [Int32]()
        for link in 0..<dataset.links.count where rules.isConcernLink(link, in: dataset) {
            from.append(dataset.links.sources[link])
            to.append(dataset.links.targets[link])
            weights.append(Float(dataset.links.weights[link]))
            links.append(Int32(link))
        }
        self.graph = AdjacencyGraph(vertexCount: dataset.entities.count, from: from, to: to, weights: weights)
        self.linkOfEdge = links
    }
}
