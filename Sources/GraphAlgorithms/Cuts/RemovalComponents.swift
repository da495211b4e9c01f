/// Connected components of a graph with some vertices removed, and the pieces that one more
/// removal would split a component into: the shared machinery of ``KeyPlayers`` and
/// ``FragmentationGain``.
///
/// Breadth-first throughout (no recursion). A per-search stamp marks visited vertices, so
/// evaluating one extra removal costs only the size of the component it touches; and a vertex
/// that is not an articulation point of the remaining graph (``Biconnected``, computed once per
/// relabelling, on demand) leaves its component in one piece, which needs no search at all.
struct RemovalComponents {
    let graph: AdjacencyGraph
    /// Removed vertices.
    private(set) var removed: [Bool]
    /// Component of each remaining vertex (-1 for removed ones).
    private(set) var labels: [Int32] = []
    /// Size of each component.
    private(set) var sizes: [Int] = []
    /// Number of unordered pairs of remaining vertices that are connected.
    private(set) var connectedPairs = 0
    private var stamp: [UInt32]
    /// Articulation points of the remaining graph; nil until asked for after a relabelling.
    private var articulation: [Bool]?
    private var currentStamp: UInt32 = 0
    private var queue: [Int32] = []

    init(_ graph: AdjacencyGraph, removed: [Bool]) {
        self.graph = graph
        self.removed = removed
        self.stamp = [UInt32](repeating: 0, count: graph.vertexCount)
        relabel()
    }

    /// Recomputes the components after `removed` changed.
    ///
    /// - Complexity: O(V + E).
    mutating func relabel() {
        labels = [Int32](repeating: -1, count: graph.vertexCount)
        sizes.removeAll(keepingCapacity: true)
        for root in 0..<graph.vertexCount where !removed[root] && labels[root] < 0 {
            let label = Int32(sizes.count)
            labels[root] = label
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(root))
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for w in graph.neighbors(of: v) where !removed[Int(w)] && labels[Int(w)] < 0 {
                    labels[Int(w)] = label
                    queue.append(w)
                }
            }
            sizes.append(queue.count)
        }
        connectedPairs = sizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        articulation = nil
    }

    /// Whether removing `v` (not removed) would split its component.
    ///
    /// - Complexity: O(V + E) for the first call after a relabelling, O(1) after.
    mutating func isArticulationPoint(_ v: VertexIndex) -> Bool {
        if let articulation { return articulation[Int(v)] }
        var flags = [Bool](repeating: false, count: graph.vertexCount)
        let remaining: AdjacencyGraph
        if removed.contains(true) {
            var from = [VertexIndex]()
            var to = [VertexIndex]()
            for e in 0..<graph.edgeCount where !removed[Int(graph.edgeFrom[e])] && !removed[Int(graph.edgeTo[e])] {
                from.append(graph.edgeFrom[e])
                to.append(graph.edgeTo[e])
            }
            let weights = [Float](repeating: 1, count: from.count)
            remaining = AdjacencyGraph(vertexCount: graph.vertexCount, from: from, to: to, weights: weights)
        } else {
            remaining = graph
        }
        for point in Biconnected().structure(in: remaining).articulationPoints { flags[Int(point)] = true }
        articulation = flags
        return flags[Int(v)]
    }

    mutating func setRemoved(_ v: VertexIndex, _ value: Bool) {
        removed[Int(v)] = value
    }

    /// Number of remaining vertices.
    var remainingCount: Int { sizes.reduce(0, +) }

    /// Calls `visit` once per piece that the component of `cut` falls into when `cut` is also
    /// removed, with the vertices of that piece. `cut` must not be removed already.
    ///
    /// - Complexity: O(size of `cut`'s component + its edges).
    mutating func forEachPiece(without cut: VertexIndex, _ visit: (ArraySlice<Int32>) -> Void) {
        currentStamp &+= 1
        if currentStamp == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            currentStamp = 1
        }
        let mark = currentStamp
        stamp[Int(cut)] = mark
        for start in graph.neighbors(of: cut) where !removed[Int(start)] && stamp[Int(start)] != mark {
            stamp[Int(start)] = mark
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for w in graph.neighbors(of: v) where !removed[Int(w)] && stamp[Int(w)] != mark {
                    stamp[Int(w)] = mark
                    queue.append(w)
                }
            }
            visit(queue[...])
        }
    }

    /// Connected pairs after also removing `cut` (not removed yet).
    ///
    /// - Complexity: O(1) if `cut` is not an articulation point (once they are known), else
    ///   O(size of `cut`'s component + its edges).
    mutating func connectedPairs(without cut: VertexIndex) -> Int {
        let size = sizes[Int(labels[Int(cut)])]
        guard isArticulationPoint(cut) else { return connectedPairs - (size - 1) }
        var pairs = connectedPairs - size * (size - 1) / 2
        forEachPiece(without: cut) { piece in pairs += piece.count * (piece.count - 1) / 2 }
        return pairs
    }
}
