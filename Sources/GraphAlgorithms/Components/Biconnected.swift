/// Articulation points and bridges of an undirected graph, by one depth-first search.
///
/// An *articulation point* (cut vertex) is a vertex whose removal increases the number of
/// connected components; a *bridge* is an edge whose removal does. In a network of people and
/// places these are the single points through which two parts of a network are joined.
///
/// The search is Hopcroft and Tarjan's: number the vertices in depth-first discovery order
/// (`disc`), and let `low(v)` be the smallest discovery number reachable from `v`'s subtree by
/// one non-tree edge. For a tree edge `p → v`,
///
/// - the edge is a bridge when `low(v) > disc(p)`;
/// - `p` is an articulation point when `low(v) ≥ disc(p)` and `p` is not a root; a root is one
///   when it has two or more tree children.
///
/// The depth-first search keeps its own stack (a vertex stack plus a cursor into each vertex's
/// incidence list), never recursion, so a 200,000-vertex path cannot overflow the thread's stack.
///
/// **Multi-edges and self-loops.** The search skips the *edge id* it arrived by, not the parent
/// *vertex*, so a second edge between the same two vertices is a back edge: a doubled edge is
/// never a bridge, and its endpoints are articulation points only if something else makes them
/// so. Self-loops are ignored (they can neither disconnect nor reconnect anything).
///
/// **Determinism.** Roots are taken in vertex order and incidence lists in storage order; the
/// results are sets, reported sorted, so they depend on the graph alone.
///
/// Checked against `networkx.articulation_points` and `networkx.bridges` on the reference
/// fixtures (simple graphs), and on hand-checked multigraph cases in `BiconnectedTests`.
///
/// - Complexity: O(V + E) time, O(V) extra space.
///
/// [Hopcroft and Tarjan 1973]: https://doi.org/10.1145/362248.362272
/// [Tarjan 1972]: https://doi.org/10.1137/0201010
public struct Biconnected: Sendable, Hashable, Codable {
    public init() {}

    /// Finds every articulation point and bridge of `graph`.
    ///
    /// - Complexity: O(V + E).
    public func structure(in graph: AdjacencyGraph) -> BiconnectedStructure {
        let n = graph.vertexCount
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        // The edge each vertex was reached by (-1 for a root), and how far its incidence list has
        // been scanned: together with `stack` these are the frames recursion would have kept.
        var parentEdge = [Int32](repeating: -1, count: n)
        var cursor = [Int](repeating: 0, count: n)
        var isArticulation = [Bool](repeating: false, count: n)
        var isBridge = [Bool](repeating: false, count: graph.edgeCount)
        var stack = [VertexIndex]()
        var clock: Int32 = 0

        for root in 0..<n where discovery[root] == -1 {
            discovery[root] = clock
            low[root] = clock
            clock += 1
            var rootChildren = 0
            stack.append(VertexIndex(root))
            while let v = stack.last {
                let vi = Int(v)
                let neighbours = graph.neighbors(of: v)
                let edges = graph.incidentEdges(of: v)
                if cursor[vi] < neighbours.count {
                    let slot = cursor[vi]
                    cursor[vi] += 1
                    let w = neighbours[neighbours.startIndex + slot]
                    let e = edges[edges.startIndex + slot]
                    if e == parentEdge[vi] || w == v { continue }
                    let wi = Int(w)
                    if discovery[wi] == -1 {
                        discovery[wi] = clock
                        low[wi] = clock
                        clock += 1
                        parentEdge[wi] = e
                        if vi == root { rootChildren += 1 }
                        stack.append(w)
                    } else if discovery[wi] < low[vi] {
                        low[vi] = discovery[wi]
                    }
                } else {
                    stack.removeLast()
                    guard let p = stack.last else { break }
                    let pi = Int(p)
                    if low[vi] < low[pi] { low[pi] = low[vi] }
                    if low[vi] > discovery[pi] { isBridge[Int(parentEdge[vi])] = true }
                    if pi != root && low[vi] >= discovery[pi] { isArticulation[pi] = true }
                }
            }
            if rootChildren >= 2 { isArticulation[root] = true }
        }
        return BiconnectedStructure(
            articulationPoints: isArticulation.indices.filter { isArticulation[$0] }.map { VertexIndex($0) },
            bridges: isBridge.indices.filter { isBridge[$0] }.map { Int32($0) })
    }
}

/// The result of ``Biconnected``: the graph's cut vertices and cut edges.
public struct BiconnectedStructure: Sendable, Hashable, Codable {
    /// Vertices whose removal disconnects their component, in increasing order.
    public let articulationPoints: [VertexIndex]
    /// Ids of the edges whose removal disconnects their component, in increasing order.
    public let bridges: [Int32]

    public init(articulationPoints: [VertexIndex], bridges: [Int32]) {
        self.articulationPoints = articulationPoints
        self.bridges = bridges
    }

    /// The endpoints of each bridge as `(smaller, larger)` pairs, in the order of ``bridges``.
    ///
    /// - Complexity: O(number of bridges).
    public func bridgeEndpoints(in graph: AdjacencyGraph) -> [(VertexIndex, VertexIndex)] {
        bridges.map { e in
            let u = graph.edgeFrom[Int(e)], v = graph.edgeTo[Int(e)]
            return (min(u, v), max(u, v))
        }
    }
}
