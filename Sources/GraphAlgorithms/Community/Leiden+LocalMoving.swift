extension Leiden {
    /// Phase 1, the paper's fast local moving (`MoveNodesFast`).
    ///
    /// All nodes enter a queue in a seeded random order. A node taken from the queue leaves its
    /// community and joins the one with the largest gain `w(v, C) − scale · k_v · K_C` among its
    /// own, an empty one (gain 0) and its neighbours' (ties keep the earlier of that list, so a
    /// node stays unless a move strictly improves the quality). If it moved, its neighbours that
    /// are not queued and not in its new community are queued. The phase ends when the queue is
    /// empty.
    ///
    /// The kernel is memory-bound (one random access per neighbour), so it works on raw buffers:
    /// a community's total weight and the node's weight to it share a cache line
    /// (``ClusterTally``), and an accumulated weight of zero marks a community not yet seen
    /// (every entry of a ``LeidenGraph`` has a positive weight). No hashing in the inner loop.
    ///
    /// - Parameters:
    ///   - membership: the starting communities, labels in `0 ..< graph.nodeCount`; on return,
    ///     the communities found, renumbered `0 ..< count` in order of their first node.
    /// - Returns: the number of communities.
    /// - Complexity: O(E) per pass over the nodes; O(n) extra space.
    static func fastMove(
        in graph: LeidenGraph, membership: inout [Int32], _ settings: LevelSettings, _ generator: inout SplitMix64
    ) -> Int {
        let n = graph.nodeCount
        guard n > 0 else { return 0 }
        var order = (0..<Int32(n)).map { $0 }
        order.shuffle(seededBy: &generator)
        membership.withUnsafeMutableBufferPointer { membership in
            graph.offsets.withUnsafeBufferPointer { offsets in
                graph.targets.withUnsafeBufferPointer { targets in
                    graph.weights.withUnsafeBufferPointer { weights in
                        graph.nodeWeights.withUnsafeBufferPointer { nodeWeights in
                            order.withUnsafeMutableBufferPointer { queue in
                                let adjacency = Adjacency(offsets: offsets, targets: targets, weights: weights)
                                moveNodes(
                                    adjacency, nodeWeights, scale: settings.scale, membership: membership, queue: queue)
                            }
                        }
                    }
                }
            }
        }
        return renumber(&membership, bound: n)
    }

    /// A community's total node weight, and the weight from the node being moved to it.
    struct ClusterTally {
        var weight: Double
        var weightTo: Double
    }

    /// Raw views of a ``LeidenGraph``'s CSR arrays.
    struct Adjacency {
        let offsets: UnsafeBufferPointer<Int>
        let targets: UnsafeBufferPointer<Int32>
        let weights: UnsafeBufferPointer<Double>
    }

    /// The queue-driven moving loop; `queue` holds a permutation of the nodes and is reused as a
    /// ring buffer (each node is queued at most once at a time, so n slots suffice).
    private static func moveNodes(
        _ graph: Adjacency, _ nodeWeights: UnsafeBufferPointer<Double>, scale: Double,
        membership: UnsafeMutableBufferPointer<Int32>, queue: UnsafeMutableBufferPointer<Int32>
    ) {
        let n = queue.count
        let tallies = UnsafeMutableBufferPointer<ClusterTally>.allocate(capacity: n)
        tallies.initialize(repeating: ClusterTally(weight: 0, weightTo: 0))
        defer { tallies.deallocate() }
        var clusterSize = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            tallies[Int(membership[v])].weight += nodeWeights[v]
            clusterSize[Int(membership[v])] += 1
        }
        var emptyClusters = [Int32]()
        for c in stride(from: n - 1, through: 0, by: -1) where clusterSize[c] == 0 { emptyClusters.append(Int32(c)) }
        var isQueued = [Bool](repeating: true, count: n)
        // Distinct neighbour communities of the node being moved; n + 1 slots always suffice.
        let neighbourClusters = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n + 1)
        defer { neighbourClusters.deallocate() }
        var head = 0
        var queuedCount = n

        while queuedCount > 0 {
            let v = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            queuedCount -= 1
            isQueued[v] = false

            let current = Int(membership[v])
            let kv = nodeWeights[v]
            tallies[current].weight -= kv
            clusterSize[current] -= 1
            if clusterSize[current] == 0 { emptyClusters.append(Int32(current)) }

            // Branch-free gathering: the loads of different neighbours can overlap in flight,
            // which matters because almost every one of them misses the cache.
            let entries = graph.offsets[v]..<graph.offsets[v + 1]
            var neighbourCount = 0
            for slot in entries {
                let c = Int(membership[Int(graph.targets[slot])])
                neighbourClusters[neighbourCount] = Int32(c)
                neighbourCount &+= tallies[c].weightTo == 0 ? 1 : 0
                tallies[c].weightTo += graph.weights[slot]
            }

            var best = current
            var bestGain = tallies[current].weightTo - scale * kv * tallies[current].weight
            if let empty = emptyClusters.last, 0 > bestGain {
                best = Int(empty)
                bestGain = 0
            }
            for c in neighbourClusters[..<neighbourCount] {
                let tally = tallies[Int(c)]
                let gain = tally.weightTo - scale * kv * tally.weight
                if gain > bestGain {
                    best = Int(c)
                    bestGain = gain
                }
                tallies[Int(c)].weightTo = 0
            }

            tallies[best].weight += kv
            clusterSize[best] += 1
            if Int32(best) == emptyClusters.last { emptyClusters.removeLast() }
            guard best != current else { continue }
            membership[v] = Int32(best)
            for slot in entries {
                let u = Int(graph.targets[slot])
                if !isQueued[u] && Int(membership[u]) != best {
                    isQueued[u] = true
                    var tail = head + queuedCount
                    if tail >= n { tail -= n }
                    queue[tail] = Int32(u)
                    queuedCount += 1
                }
            }
        }
    }

    /// Renumbers labels in `0 ..< bound` to `0 ..< count` in order of first appearance.
    static func renumber(_ labels: inout [Int32], bound: Int) -> Int {
        var map = [Int32](repeating: -1, count: bound)
        var count: Int32 = 0
        for i in labels.indices {
            let c = Int(labels[i])
            if map[c] < 0 {
                map[c] = count
                count += 1
            }
            labels[i] = map[c]
        }
        return Int(count)
    }
}
