/// Maximum flow and minimum cut between two nodes, by Dinic's algorithm.
///
/// Dinic's algorithm (E. A. Dinic, "Algorithm for solution of a problem of maximum flow in a
/// network with power estimation", Soviet Math. Doklady 11, 1970; unit networks analysed by
/// [Even & Tarjan 1975][et]) repeats two steps
/// until the sink is unreachable in the residual network: a breadth-first search labels every
/// node with its distance from the source, then a depth-first search over the arcs that go one
/// level further finds a *blocking flow* (every shortest path has a saturated arc). The value
/// found is
///
///     max Σ_{a leaving s} f(a) − Σ_{a entering s} f(a)
///     subject to 0 ≤ f(a) ≤ c(a) and flow conservation at every node other than s and t,
///
/// which equals the capacity of a minimum s–t cut (max-flow min-cut theorem). The depth-first
/// search is iterative (an explicit path stack and a current-arc pointer per node), so deep
/// networks cannot overflow the stack.
///
/// Infinite capacities: if the sink can be reached from the source through infinite arcs alone,
/// the flow is unbounded and the value is `.infinity` (networkx raises `NetworkXUnbounded`).
/// Otherwise every infinite capacity is replaced by one more than the sum of the finite ones,
/// which no cut of finite capacity can reach, so the value and the cut are unchanged.
///
/// Capacities are `Double`s; integer capacities (up to 2^53) and dyadic fractions are handled
/// exactly. Deterministic: arcs are tried in the order they were added.
///
/// Checked against `networkx.maximum_flow_value` on directed integer, undirected fractional,
/// infinite-arc and unbounded networks (`make_reference_community.py`).
///
/// - Complexity: O(V² E) time in general; O(E √V) on unit networks, where every node other than
///   s and t has a single arc in or a single arc out, of capacity 1 (the split graph of
///   ``MinimumVertexCut`` when every vertex may be cut). O(V + E) space.
///
/// [et]: https://doi.org/10.1137/0204043
public struct MaxFlow: Sendable, Hashable, Codable {
    public init() {}

    /// The maximum flow from `source` to `sink` in `network`.
    ///
    /// - Precondition: `source` and `sink` are distinct nodes of `network`.
    /// - Complexity: see the type's documentation.
    public func maximumFlow(in network: FlowNetwork, from source: Int32, to sink: Int32) -> MaximumFlow {
        let n = network.nodeCount
        precondition(source >= 0 && Int(source) < n && sink >= 0 && Int(sink) < n, "no such node")
        precondition(source != sink, "the source and the sink must differ")
        var residual = ResidualNetwork(network)
        if residual.reachesThroughInfiniteArcs(from: Int(source), to: Int(sink)) {
            return MaximumFlow(value: .infinity, arcFlows: [], sourceSide: [])
        }
        var value = 0.0
        while residual.labelLevels(from: Int(source), to: Int(sink)) {
            value += residual.blockingFlow(from: Int(source), to: Int(sink))
        }
        let side = residual.reachable(from: Int(source))
        let flows = (0..<network.arcCount).map { residual.flow(onArc: $0) }
        return MaximumFlow(value: value, arcFlows: flows, sourceSide: side)
    }
}

/// The result of ``MaxFlow``: the flow value, a flow attaining it, and a minimum cut.
public struct MaximumFlow: Sendable, Hashable {
    /// The maximum flow value; `.infinity` if an all-infinite path joins source and sink.
    public let value: Double
    /// The flow on each arc of the network, in `0 ... capacity`; empty if unbounded.
    public let arcFlows: [Double]
    /// The source side of a minimum cut: the nodes reachable from the source in the final
    /// residual network (the cut closest to the source); empty if unbounded.
    public let sourceSide: [Bool]

    /// Whether the flow is unbounded.
    public var isUnbounded: Bool { value == .infinity }
}

/// Residual capacities for Dinic's algorithm: arc `a` of the network is residual arc `2a`, its
/// reverse is `2a + 1`, and the residual arcs leaving each node are listed in CSR form.
struct ResidualNetwork {
    private let heads: [Int32]
    private var residual: [Double]
    private let infinite: [Bool]
    private let start: [Int]
    private let arcs: [Int32]
    private var level: [Int32]
    private var current: [Int]

    init(_ network: FlowNetwork) {
        let n = network.nodeCount
        let count = network.arcCount
        var heads = [Int32](repeating: 0, count: 2 * count)
        var residual = [Double](repeating: 0, count: 2 * count)
        var infinite = [Bool](repeating: false, count: 2 * count)
        let finiteSum = network.capacities.reduce(0.0) { $1.isFinite ? $0 + $1 : $0 }
        var start = [Int](repeating: 0, count: n + 1)
        for a in 0..<count {
            heads[2 * a] = network.heads[a]
            heads[2 * a + 1] = network.tails[a]
            infinite[2 * a] = !network.capacities[a].isFinite
            residual[2 * a] = infinite[2 * a] ? finiteSum + 1 : network.capacities[a]
            start[Int(network.tails[a]) + 1] += 1
            start[Int(network.heads[a]) + 1] += 1
        }
        for v in 0..<n { start[v + 1] += start[v] }
        var cursor = start
        var arcs = [Int32](repeating: 0, count: 2 * count)
        for a in 0..<count {
            arcs[cursor[Int(network.tails[a])]] = Int32(2 * a)
            cursor[Int(network.tails[a])] += 1
            arcs[cursor[Int(network.heads[a])]] = Int32(2 * a + 1)
            cursor[Int(network.heads[a])] += 1
        }
        (self.heads, self.residual, self.infinite, self.start, self.arcs) = (heads, residual, infinite, start, arcs)
        self.level = [Int32](repeating: -1, count: n)
        self.current = start
    }

    /// The flow carried by network arc `a`.
    func flow(onArc a: Int) -> Double { residual[2 * a + 1] }

    /// Breadth-first search from `source` over residual arcs passing `usable`.
    private func search(from source: Int, _ usable: (Int) -> Bool) -> [Int32] {
        var distance = [Int32](repeating: -1, count: level.count)
        var queue = [source]
        distance[source] = 0
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for i in start[v]..<start[v + 1] {
                let a = Int(arcs[i])
                let w = Int(heads[a])
                if distance[w] < 0 && usable(a) {
                    distance[w] = distance[v] + 1
                    queue.append(w)
                }
            }
        }
        return distance
    }

    func reachesThroughInfiniteArcs(from source: Int, to sink: Int) -> Bool {
        search(from: source) { infinite[$0] }[sink] >= 0
    }

    func reachable(from source: Int) -> [Bool] {
        search(from: source) { residual[$0] > 0 }.map { $0 >= 0 }
    }

    /// Labels nodes by residual distance from the source; false once the sink is unreachable.
    mutating func labelLevels(from source: Int, to sink: Int) -> Bool {
        level = search(from: source) { residual[$0] > 0 }
        current = start
        return level[sink] >= 0
    }

    /// Saturates every shortest augmenting path, iteratively; returns the flow added.
    mutating func blockingFlow(from source: Int, to sink: Int) -> Double {
        var total = 0.0
        var path = [Int]()
        var v = source
        while true {
            if v == sink {
                var amount = Double.infinity
                for a in path { amount = min(amount, residual[a]) }
                var firstSaturated = path.count
                for (i, a) in path.enumerated() {
                    residual[a] -= amount
                    residual[a ^ 1] += amount
                    if residual[a] == 0 && firstSaturated == path.count { firstSaturated = i }
                }
                total += amount
                path.removeLast(path.count - firstSaturated)
                v = path.last.map { Int(heads[$0]) } ?? source
                continue
            }
            var advanced = false
            while current[v] < start[v + 1] {
                let a = Int(arcs[current[v]])
                let w = Int(heads[a])
                if residual[a] > 0 && level[w] == level[v] + 1 {
                    path.append(a)
                    v = w
                    advanced = true
                    break
                }
                current[v] += 1
            }
            if advanced { continue }
            level[v] = -1  // a dead end for the rest of this phase
            guard let back = path.popLast() else { return total }
            v = Int(heads[back ^ 1])
            current[v] += 1
        }
    }
}
