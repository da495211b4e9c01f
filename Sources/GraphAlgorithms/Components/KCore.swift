/// Core numbers (k-core decomposition) of an undirected graph, by Batagelj and Zaveršnik's
/// bucket algorithm.
///
/// The *k-core* is the largest subgraph in which every vertex has degree at least `k`; a
/// vertex's *core number* is the largest `k` whose k-core contains it (Seidman 1983). The cores
/// are nested, so core numbers pick out the densely tied centre of a network and peel away its
/// fringe.
///
/// The algorithm repeatedly removes a vertex of smallest remaining degree. Vertices sit in an
/// array sorted by current degree, with the start of each degree's block kept in `bin`; removing
/// `v` lowers each neighbour `u` with `degree(u) > degree(v)` by one, moving `u` to the front of
/// its block and the block boundary past it, which is O(1). Each vertex's degree when it is
/// removed is its core number.
///
/// **Self-loops are ignored**: networkx's `core_number` refuses graphs with self-loops, and a
/// loop cannot help a vertex stay in a core with others. (igraph's `igraph_coreness` instead
/// counts a loop twice in the degree.)
///
/// **Multi-edges are counted with multiplicity**: a vertex joined to one neighbour by three edges
/// has degree 3 there, and removing that neighbour lowers it by 3. This is `igraph_coreness`'s
/// convention (python-igraph 1.0: the multigraph `0=1` (three edges), `1-2`, `2-3`, `3-1`, `0-2`
/// has coreness `[3, 3, 2, 2]`); networkx's `core_number` refuses multigraphs. Collapse parallel
/// edges first for the simple-graph core numbers.
///
/// **Determinism.** The result is a function of the graph alone (the removal order only breaks
/// ties between vertices whose core numbers do not depend on it).
///
/// Checked against `networkx.core_number` on the reference fixtures, and against
/// `igraph_coreness` on hand-checked multigraphs in `KCoreTests`.
///
/// - Complexity: O(V + E) time, O(V + maximum degree) extra space; no recursion.
///
/// [Batagelj and Zaveršnik 2011]: https://doi.org/10.1007/s11634-010-0079-y
/// [Seidman 1983]: https://doi.org/10.1016/0378-8733(83)90028-X
public struct KCore: Sendable, Hashable, Codable {
    public init() {}

    /// The core number of every vertex of `graph`.
    ///
    /// - Complexity: O(V + E).
    public func coreNumbers(in graph: AdjacencyGraph) -> CoreNumbers {
        let n = graph.vertexCount
        var degree = [Int32](repeating: 0, count: n)
        var maxDegree: Int32 = 0
        for v in 0..<n {
            var d: Int32 = 0
            for w in graph.neighbors(of: VertexIndex(v)) where Int(w) != v { d += 1 }
            degree[v] = d
            maxDegree = max(maxDegree, d)
        }
        // Counting sort by degree: `bin[d]` is where the block of degree-d vertices starts.
        var bin = [Int32](repeating: 0, count: Int(maxDegree) + 2)
        for d in degree { bin[Int(d) + 1] += 1 }
        for d in 0...Int(maxDegree) { bin[d + 1] += bin[d] }
        var position = [Int32](repeating: 0, count: n)
        var order = [VertexIndex](repeating: 0, count: n)
        var next = bin
        for v in 0..<n {
            let d = Int(degree[v])
            position[v] = next[d]
            order[Int(next[d])] = VertexIndex(v)
            next[d] += 1
        }
        for i in 0..<n {
            let v = order[i]
            let dv = degree[Int(v)]
            for u in graph.neighbors(of: v) where u != v {
                let ui = Int(u)
                let du = degree[ui]
                guard du > dv else { continue }
                // Move u to the front of its degree block, then shrink the block past it.
                let pu = Int(position[ui])
                let front = Int(bin[Int(du)])
                let w = order[front]
                if w != u {
                    order[pu] = w
                    position[Int(w)] = Int32(pu)
                    order[front] = u
                    position[ui] = Int32(front)
                }
                bin[Int(du)] += 1
                degree[ui] = du - 1
            }
        }
        return CoreNumbers(values: degree)
    }
}

/// The result of ``KCore``: one core number per vertex.
public struct CoreNumbers: Sendable, Hashable, Codable {
    /// `values[v]` is the core number of vertex `v` (0 for an isolated vertex).
    public let values: [Int32]

    /// The largest core number (the graph's degeneracy), or 0 for a graph without edges.
    ///
    /// - Complexity: O(V).
    public var degeneracy: Int { Int(values.max() ?? 0) }

    /// The vertices of the k-core, in increasing order.
    ///
    /// - Complexity: O(V).
    public func core(_ k: Int) -> [VertexIndex] {
        values.indices.filter { Int(values[$0]) >= k }.map { VertexIndex($0) }
    }
}
