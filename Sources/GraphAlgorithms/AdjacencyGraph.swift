/// A dense vertex index in an ``AdjacencyGraph`` (0 ..< vertex count).
public typealias VertexIndex = Int32

/// An undirected, weighted graph stored the igraph way: an edge list plus CSR incidence.
///
/// Vertices are `0 ..< vertexCount`. Edge `e` joins `edgeFrom[e]` and `edgeTo[e]` with weight
/// `weights[e]`. Each edge appears in the incidence of both endpoints (a self-loop twice in its
/// one vertex's list, as igraph stores it); multi-edges are allowed. Domain-free: it knows nothing
/// of children, schools or grading.
///
/// Only this file and its builder know the layout; algorithms use ``neighbors(of:)``,
/// ``incidentEdges(of:)`` and ``degree(of:)``.
public struct AdjacencyGraph: Sendable {
    public let vertexCount: Int
    public let edgeFrom: [VertexIndex]
    public let edgeTo: [VertexIndex]
    public let weights: [Float]
    /// CSR offsets (`vertexCount + 1`).
    let offsets: [Int32]
    /// Neighbour of each incidence slot.
    let neighbours: [VertexIndex]
    /// Edge id of each incidence slot.
    let incidentEdgeIDs: [Int32]

    /// Builds the graph from an edge list in one go.
    ///
    /// - Parameters:
    ///   - vertexCount: number of vertices.
    ///   - edges: pairs of endpoints, each in `0 ..< vertexCount`.
    ///   - weights: one weight per edge, or empty for unit weights.
    /// - Complexity: O(V + E).
    public init(vertexCount: Int, edges: [(VertexIndex, VertexIndex)], weights: [Float] = []) {
        precondition(weights.isEmpty || weights.count == edges.count, "one weight per edge")
        self.init(
            vertexCount: vertexCount, from: edges.map(\.0), to: edges.map(\.1),
            weights: weights.isEmpty ? [Float](repeating: 1, count: edges.count) : weights)
    }

    /// Builds the graph from parallel endpoint arrays.
    ///
    /// - Complexity: O(V + E).
    public init(vertexCount: Int, from: [VertexIndex], to: [VertexIndex], weights: [Float]) {
        precondition(from.count == to.count && to.count == weights.count, "parallel edge arrays")
        self.vertexCount = vertexCount
        self.edgeFrom = from
        self.edgeTo = to
        self.weights = weights
        var offsets = [Int32](repeating: 0, count: vertexCount + 1)
        for e in 0..<from.count {
            precondition(Int(from[e]) < vertexCount && Int(to[e]) < vertexCount && from[e] >= 0 && to[e] >= 0)
            offsets[Int(from[e]) + 1] += 1
            offsets[Int(to[e]) + 1] += 1
        }
        for v in 0..<vertexCount { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var neighbours = [VertexIndex](repeating: 0, count: from.count * 2)
        var ids = [Int32](repeating: 0, count: from.count * 2)
        for e in 0..<from.count {
            let u = Int(from[e]), v = Int(to[e])
            neighbours[Int(cursor[u])] = to[e]
            ids[Int(cursor[u])] = Int32(e)
            cursor[u] += 1
            neighbours[Int(cursor[v])] = from[e]
            ids[Int(cursor[v])] = Int32(e)
            cursor[v] += 1
        }
        self.offsets = offsets
        self.neighbours = neighbours
        self.incidentEdgeIDs = ids
    }

    public var edgeCount: Int { edgeFrom.count }

    /// Neighbours of `v`, one per incident edge (a self-loop gives `v` twice).
    ///
    /// - Complexity: O(1) to obtain; iterating is O(degree).
    public func neighbors(of v: VertexIndex) -> ArraySlice<VertexIndex> {
        neighbours[Int(offsets[Int(v)])..<Int(offsets[Int(v) + 1])]
    }

    /// Edge ids incident to `v`, parallel to ``neighbors(of:)``.
    public func incidentEdges(of v: VertexIndex) -> ArraySlice<Int32> {
        incidentEdgeIDs[Int(offsets[Int(v)])..<Int(offsets[Int(v) + 1])]
    }

    /// Number of incident edge ends (a self-loop counts twice, as in networkx and igraph).
    public func degree(of v: VertexIndex) -> Int { Int(offsets[Int(v) + 1] - offsets[Int(v)]) }
}
