/// A minimum set of vertices whose removal separates a set of sources from a set of targets.
///
/// The idea is the classic node-splitting reduction to maximum flow ([Even & Tarjan 1975][et]):
/// every vertex `v` becomes two nodes, `v_in → v_out`, joined by an arc of capacity 1 if `v` may
/// be cut and ∞ if not; every edge `{u, v}` becomes arcs `u_out → v_in` and `v_out → u_in` of
/// capacity ∞; a super-source feeds every source's `v_in` and every target's `v_out` drains into
/// a super-sink, both with capacity ∞. A finite cut can then only cut `v_in → v_out` arcs, so
///
///     minimise |X|  over  X ⊆ cuttable vertices − (sources ∪ targets)
///     such that no path joins a source to a target in the graph without X
///
/// equals the maximum flow (Menger's theorem), found with ``MaxFlow``. The vertices returned are
/// those whose `v_in` is reachable from the super-source in the final residual network and whose
/// `v_out` is not: the minimum cut closest to the sources. When several minimum cuts exist this
/// choice is deterministic.
///
/// Sources and targets are never cut. There is no cut, and the result is nil, when a vertex is
/// both a source and a target, when a source is adjacent to a target, or more generally when a
/// path of uncuttable vertices joins a source to a target (the flow is then unbounded). With no
/// sources or no targets, or no path between them, the cut is empty. Self-loops are ignored and
/// multi-edges count once; edge weights are ignored.
///
/// In contextd the sources are children, the targets the highest-risk perpetrators, and children
/// are never cuttable: the cut names the fewest intermediaries whose removal would separate every
/// child from every such perpetrator.
///
/// Checked against `networkx.minimum_node_cut` on an auxiliary graph (sources contracted into a
/// super-source, targets into a super-sink, each uncuttable vertex replaced by more copies than
/// there are cuttable vertices), on 28 seeded and hand-shaped cases
/// (`make_reference_community.py`).
///
/// - Complexity: O(E √V) time when every non-terminal vertex is cuttable (a unit network),
///   O(V² E) at worst; O(V + E) space.
///
/// [et]: https://doi.org/10.1137/0204043
public struct MinimumVertexCut: Sendable, Hashable, Codable {
    public init() {}

    /// A minimum cut of cuttable vertices between `sources` and `targets`.
    ///
    /// - Parameters:
    ///   - graph: an undirected graph.
    ///   - sources: vertices to separate from every target (duplicates allowed).
    ///   - targets: vertices to separate from every source (duplicates allowed).
    ///   - cuttable: `cuttable[v]` says whether `v` may be removed; sources and targets never are.
    /// - Returns: the cut, or nil if no set of cuttable vertices separates them.
    /// - Precondition: every vertex is in `graph`; `cuttable` has one flag per vertex.
    /// - Complexity: see the type's documentation.
    public func cut(
        in graph: AdjacencyGraph, separating sources: [VertexIndex], from targets: [VertexIndex], cuttable: [Bool]
    ) -> VertexCut? {
        let n = graph.vertexCount
        precondition(cuttable.count == n, "one cuttable flag per vertex")
        precondition((sources + targets).allSatisfy { $0 >= 0 && Int($0) < n }, "no such vertex")
        guard !sources.isEmpty, !targets.isEmpty else { return VertexCut(vertices: []) }

        var role = [UInt8](repeating: 0, count: n)  // bit 0: source, bit 1: target
        for s in sources { role[Int(s)] |= 1 }
        for t in targets { role[Int(t)] |= 2 }
        if role.contains(3) { return nil }

        // v_in = 2v, v_out = 2v + 1, super-source 2n, super-sink 2n + 1.
        let superSource = Int32(2 * n)
        let superSink = Int32(2 * n + 1)
        var network = FlowNetwork(nodeCount: 2 * n + 2)
        network.reserveCapacity(arcs: n + 2 * graph.edgeCount + sources.count + targets.count)
        for v in 0..<n {
            let unit = cuttable[v] && role[v] == 0
            network.addArc(from: Int32(2 * v), to: Int32(2 * v + 1), capacity: unit ? 1 : .infinity)
        }
        for e in 0..<graph.edgeCount {
            let u = graph.edgeFrom[e]
            let v = graph.edgeTo[e]
            guard u != v else { continue }
            network.addArc(from: 2 * u + 1, to: 2 * v, capacity: .infinity)
            network.addArc(from: 2 * v + 1, to: 2 * u, capacity: .infinity)
        }
        for s in Set(sources).sorted() { network.addArc(from: superSource, to: 2 * s, capacity: .infinity) }
        for t in Set(targets).sorted() { network.addArc(from: 2 * t + 1, to: superSink, capacity: .infinity) }

        let flow = MaxFlow().maximumFlow(in: network, from: superSource, to: superSink)
        guard !flow.isUnbounded else { return nil }
        let side = flow.sourceSide
        let vertices = (0..<n).filter { side[2 * $0] && !side[2 * $0 + 1] }.map { VertexIndex($0) }
        #if CONTEXTD_INTERNAL_CHECKS
            precondition(Double(vertices.count) == flow.value, "the cut must match the flow")
        #endif
        return VertexCut(vertices: vertices)
    }
}

/// The result of ``MinimumVertexCut``: the vertices to remove, in increasing order.
public struct VertexCut: Sendable, Hashable, Codable {
    /// The cut vertices, in increasing order.
    public let vertices: [VertexIndex]

    /// Number of vertices in the cut.
    public var size: Int { vertices.count }
}
