/// The graph that ``Leiden`` works on at one level: CSR adjacency without self-loops, `Double`
/// edge weights, and node weights equal to weighted degrees.
///
/// Level 0 is built from an ``AdjacencyGraph``; each later level is the previous one aggregated
/// by a partition (``aggregated(by:count:)``). Self-loops, and at higher levels the weight inside
/// an aggregate node, never change a move's gain, so they are kept only through the node weights
/// (a self-loop of weight `w` adds `2w` to its vertex's weight, as in ``Modularity``).
/// Multi-edges stay separate entries at level 0 and are merged by the first aggregation. Edges of
/// weight zero change no gain and are left out, so every entry has a positive weight (the phases
/// rely on it: an accumulated weight of zero means "not seen yet").
struct LeidenGraph {
    /// Number of nodes.
    let nodeCount: Int
    /// CSR offsets (`nodeCount + 1`) into ``targets`` and ``weights``.
    let offsets: [Int]
    /// The other end of each adjacency entry (never the node itself).
    let targets: [Int32]
    /// The weight of each adjacency entry.
    let weights: [Double]
    /// Weighted degree of each node, self-loops counted twice.
    let nodeWeights: [Double]
    /// Sum of ``nodeWeights``: twice the total edge weight, `2m`.
    let totalNodeWeight: Double

    private init(nodeCount: Int, offsets: [Int], targets: [Int32], weights: [Double], nodeWeights: [Double]) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.nodeWeights = nodeWeights
        self.totalNodeWeight = nodeWeights.reduce(0, +)
    }

    /// Level 0: the input graph with self-loops moved into the node weights.
    ///
    /// Built from the edge list in edge order (sequential reads), so each node's entries follow
    /// the order of its incident edges, as in the input's CSR.
    ///
    /// - Complexity: O(V + E).
    init(_ graph: AdjacencyGraph) {
        let n = graph.vertexCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var nodeWeights = [Double](repeating: 0, count: n)
        for e in 0..<graph.edgeCount {
            let w = Double(graph.weights[e])
            precondition(w >= 0 && w.isFinite, "Leiden needs finite, non-negative edge weights")
            let u = Int(graph.edgeFrom[e])
            let v = Int(graph.edgeTo[e])
            nodeWeights[u] += w
            nodeWeights[v] += w
            if u != v && w > 0 {
                offsets[u + 1] += 1
                offsets[v + 1] += 1
            }
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var targets = [Int32](repeating: 0, count: offsets[n])
        var weights = [Double](repeating: 0, count: offsets[n])
        for e in 0..<graph.edgeCount {
            let u = Int(graph.edgeFrom[e])
            let v = Int(graph.edgeTo[e])
            let w = Double(graph.weights[e])
            guard u != v && w > 0 else { continue }
            targets[cursor[u]] = Int32(v)
            weights[cursor[u]] = w
            cursor[u] += 1
            targets[cursor[v]] = Int32(u)
            weights[cursor[v]] = w
            cursor[v] += 1
        }
        self.init(nodeCount: n, offsets: offsets, targets: targets, weights: weights, nodeWeights: nodeWeights)
    }

    /// The nodes grouped by label: `members[start[c] ..< start[c + 1]]` are the nodes labelled
    /// `c`, in the order they appear in `order`.
    ///
    /// - Complexity: O(n + count).
    static func group(
        _ order: [Int32], by labels: [Int32], count: Int
    ) -> (members: [Int32], start: [Int]) {
        var start = [Int](repeating: 0, count: count + 1)
        for v in order { start[Int(labels[Int(v)]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int32](repeating: 0, count: order.count)
        for v in order {
            let c = Int(labels[Int(v)])
            members[cursor[c]] = v
            cursor[c] += 1
        }
        return (members, start)
    }

    /// The graph whose nodes are the clusters of `labels` (in `0 ..< count`): one node per
    /// cluster, weighted by the sum of its nodes' weights, and one entry per pair of adjacent
    /// clusters, weighted by the total weight between them. Weight inside a cluster is dropped
    /// from the adjacency (it stays in the node weight).
    ///
    /// - Complexity: O(n + E) time; no hashing, one dense accumulator.
    func aggregated(by labels: [Int32], count: Int) -> LeidenGraph {
        let (members, start) = Self.group((0..<Int32(nodeCount)).map { $0 }, by: labels, count: count)
        var offsets = [Int](repeating: 0, count: count + 1)
        var targets = [Int32]()
        var weights = [Double]()
        targets.reserveCapacity(self.targets.count / 2)
        weights.reserveCapacity(self.targets.count / 2)
        var nodeWeights = [Double](repeating: 0, count: count)
        var accumulated = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var touched = [Int32]()
        for c in 0..<count {
            for v in members[start[c]..<start[c + 1]] {
                nodeWeights[c] += self.nodeWeights[Int(v)]
                for slot in entries(of: Int(v)) {
                    let other = labels[Int(self.targets[slot])]
                    guard Int(other) != c else { continue }
                    if !seen[Int(other)] {
                        seen[Int(other)] = true
                        touched.append(other)
                    }
                    accumulated[Int(other)] += self.weights[slot]
                }
            }
            for other in touched {
                targets.append(other)
                weights.append(accumulated[Int(other)])
                accumulated[Int(other)] = 0
                seen[Int(other)] = false
            }
            touched.removeAll(keepingCapacity: true)
            offsets[c + 1] = targets.count
        }
        return LeidenGraph(
            nodeCount: count, offsets: offsets, targets: targets, weights: weights, nodeWeights: nodeWeights)
    }

    /// Splits every cluster of `labels` into its connected parts (inside this graph), numbering
    /// the parts in order of their smallest node.
    ///
    /// Used when the refinement merges nothing and when ``Leiden`` stops early, so that every
    /// community it returns is connected whatever happened before. Splitting a disconnected
    /// community never lowers modularity.
    ///
    /// - Complexity: O(n + E); breadth-first, no recursion.
    func connectedParts(of labels: [Int32]) -> (labels: [Int32], count: Int) {
        var parts = [Int32](repeating: -1, count: nodeCount)
        var queue = [Int32]()
        queue.reserveCapacity(nodeCount)
        var count: Int32 = 0
        for root in 0..<nodeCount where parts[root] < 0 {
            parts[root] = count
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(root))
            var head = 0
            while head < queue.count {
                let v = Int(queue[head])
                head += 1
                for slot in entries(of: v) {
                    let u = Int(targets[slot])
                    if parts[u] < 0 && labels[u] == labels[v] {
                        parts[u] = count
                        queue.append(Int32(u))
                    }
                }
            }
            count += 1
        }
        return (parts, Int(count))
    }

    /// The adjacency entries of node `v`, as a range of indices into ``targets`` and ``weights``.
    @inline(__always)
    func entries(of v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }
}
