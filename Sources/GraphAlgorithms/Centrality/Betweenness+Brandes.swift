import HeapModule

/// One lane's working memory for Brandes' single-source sweeps, reused from source to source.
///
/// A sweep from `s` finds the shortest-path DAG from `s` (breadth-first, or Dijkstra for
/// lengths), counts shortest paths `σ` forwards through it, then accumulates dependencies
/// backwards, farthest vertex first:
///
///     δ(v) = Σ_{w : v precedes w} σ(v) / σ(w) · (1 + δ(w))
///
/// written here as `δ(v) = σ(v) · Σ_w c(w)` with `c(w) = (1 + δ(w)) / σ(w)` stored per vertex, so
/// each vertex pulls from its successors instead of pushing into predecessor lists (no lists to
/// allocate). `δ(v)` is added to `scores[v]` for every `v ≠ s`.
///
/// Shortest paths are counted between *vertices*: parallel edges do not multiply them (as in
/// networkx, whose searches visit each neighbour once). A stamp per vertex makes each neighbour
/// count once per scan. Self-loops are never on a shortest path. Only vertices the sweep reached
/// are reset afterwards, so many small components cost O(size) per source, not O(V).
struct BrandesWorkspace {
    /// Accumulated dependencies over this lane's sources, by vertex.
    private(set) var scores: [Double]
    /// Hop distance from the source (-1 unreached); used by breadth-first sweeps.
    private var hops: [Int32]
    /// Length distance from the source (`.infinity` unreached); used by Dijkstra sweeps.
    private var distance: [Double]
    private var sigma: [Double]
    private var coefficient: [Double]
    private var stamp: [Int]
    private var tick = 0
    /// Vertices in order of non-decreasing distance from the source.
    private var order: [VertexIndex] = []
    private var queue = Heap<QueueEntry>()

    init(vertexCount n: Int, weighted: Bool) {
        scores = [Double](repeating: 0, count: n)
        hops = weighted ? [] : [Int32](repeating: -1, count: n)
        distance = weighted ? [Double](repeating: .infinity, count: n) : []
        sigma = [Double](repeating: 0, count: n)
        coefficient = [Double](repeating: 0, count: n)
        stamp = [Int](repeating: 0, count: n)
        order.reserveCapacity(n)
    }

    /// One breadth-first sweep from `s`, adding its dependencies to ``scores``.
    ///
    /// - Complexity: O(V_s + E_s) for the component of `s`.
    mutating func sweep(from s: VertexIndex, in graph: AdjacencyGraph) {
        order.removeAll(keepingCapacity: true)
        hops[Int(s)] = 0
        sigma[Int(s)] = 1
        order.append(s)
        var head = 0
        while head < order.count {
            let v = order[head]
            head += 1
            let next = hops[Int(v)] + 1
            let paths = sigma[Int(v)]
            tick += 1
            for w in graph.neighbors(of: v) {
                let wi = Int(w)
                if hops[wi] < 0 {
                    hops[wi] = next
                    order.append(w)
                }
                if hops[wi] == next && stamp[wi] != tick {
                    stamp[wi] = tick
                    sigma[wi] += paths
                }
            }
        }
        for v in order.reversed() {
            let vi = Int(v)
            let next = hops[vi] + 1
            tick += 1
            var pulled = 0.0
            for w in graph.neighbors(of: v) {
                let wi = Int(w)
                if hops[wi] == next && stamp[wi] != tick {
                    stamp[wi] = tick
                    pulled += coefficient[wi]
                }
            }
            finish(vi, pulled: pulled, source: s)
        }
        for v in order {
            hops[Int(v)] = -1
            sigma[Int(v)] = 0
        }
    }

    /// One Dijkstra sweep from `s` with the given edge lengths (`.infinity`: no edge).
    ///
    /// Predecessors are exactly those `v` with `d(v) + length == d(w)` in floating point, the
    /// test networkx's `_single_source_dijkstra_path_basic` makes, on the same sums.
    ///
    /// - Complexity: O((V_s + E_s) log V_s) for the component of `s`.
    mutating func sweep(from s: VertexIndex, in graph: AdjacencyGraph, lengths: [Double]) {
        order.removeAll(keepingCapacity: true)
        distance[Int(s)] = 0
        queue.insert(QueueEntry(distance: 0, vertex: s))
        while let top = queue.popMin() {
            let v = top.vertex
            guard top.distance == distance[Int(v)] else { continue }  // a stale entry
            order.append(v)
            for (w, e) in zip(graph.neighbors(of: v), graph.incidentEdges(of: v)) {
                let candidate = top.distance + lengths[Int(e)]
                if candidate < distance[Int(w)] {
                    distance[Int(w)] = candidate
                    queue.insert(QueueEntry(distance: candidate, vertex: w))
                }
            }
        }
        sigma[Int(s)] = 1
        for v in order.dropFirst() {
            let vi = Int(v)
            tick += 1
            var paths = 0.0
            for (u, e) in zip(graph.neighbors(of: v), graph.incidentEdges(of: v)) {
                let ui = Int(u)
                if distance[ui] + lengths[Int(e)] == distance[vi] && stamp[ui] != tick {
                    stamp[ui] = tick
                    paths += sigma[ui]
                }
            }
            sigma[vi] = paths
        }
        for v in order.reversed() {
            let vi = Int(v)
            tick += 1
            var pulled = 0.0
            for (w, e) in zip(graph.neighbors(of: v), graph.incidentEdges(of: v)) {
                let wi = Int(w)
                if distance[vi] + lengths[Int(e)] == distance[wi] && stamp[wi] != tick {
                    stamp[wi] = tick
                    pulled += coefficient[wi]
                }
            }
            finish(vi, pulled: pulled, source: s)
        }
        for v in order {
            distance[Int(v)] = .infinity
            sigma[Int(v)] = 0
        }
    }

    /// Records `δ(v) = σ(v) · pulled` and the coefficient `v`'s predecessors will pull.
    private mutating func finish(_ v: Int, pulled: Double, source s: VertexIndex) {
        let dependency = sigma[v] * pulled
        coefficient[v] = (1 + dependency) / sigma[v]
        if v != Int(s) { scores[v] += dependency }
    }
}

/// A Dijkstra queue entry, ordered by distance and then vertex (so pops are deterministic).
private struct QueueEntry: Comparable {
    var distance: Double
    var vertex: VertexIndex

    static func < (a: QueueEntry, b: QueueEntry) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.vertex < b.vertex)
    }
}
