/// A directed network with arc capacities, the input of ``MaxFlow``.
///
/// Nodes are `0 ..< nodeCount`. Arc `a` runs from `tails[a]` to `heads[a]` with capacity
/// `capacities[a]`, which may be `.infinity` (an arc that can never be cut, like an edge without
/// a `capacity` attribute in networkx). Parallel arcs and arcs in both directions are allowed;
/// an undirected edge is two opposite arcs of the same capacity (``addEdge(_:_:capacity:)``), as
/// networkx's flow functions treat an undirected graph.
public struct FlowNetwork: Sendable, Hashable {
    /// Number of nodes.
    public let nodeCount: Int
    /// The node each arc leaves.
    public private(set) var tails: [Int32] = []
    /// The node each arc enters.
    public private(set) var heads: [Int32] = []
    /// The capacity of each arc: finite and non-negative, or `.infinity`.
    public private(set) var capacities: [Double] = []

    /// A network of `nodeCount` nodes and no arcs.
    public init(nodeCount: Int) {
        precondition(nodeCount >= 0, "the node count must not be negative")
        self.nodeCount = nodeCount
    }

    /// The undirected `graph` with its edge weights as capacities: each edge becomes two
    /// opposite arcs (arcs `2e` and `2e + 1` for edge `e`); self-loops carry no flow and are kept
    /// only so that arc numbers follow edge numbers.
    ///
    /// - Complexity: O(V + E).
    public init(capacitiesFrom graph: AdjacencyGraph) {
        self.init(nodeCount: graph.vertexCount)
        reserveCapacity(arcs: 2 * graph.edgeCount)
        for e in 0..<graph.edgeCount {
            addEdge(graph.edgeFrom[e], graph.edgeTo[e], capacity: Double(graph.weights[e]))
        }
    }

    /// Number of arcs.
    public var arcCount: Int { tails.count }

    /// Reserves room for `arcs` arcs in total.
    public mutating func reserveCapacity(arcs: Int) {
        tails.reserveCapacity(arcs)
        heads.reserveCapacity(arcs)
        capacities.reserveCapacity(arcs)
    }

    /// Adds an arc and returns its index.
    ///
    /// - Precondition: both nodes exist; `capacity` is non-negative (`.infinity` allowed).
    @discardableResult
    public mutating func addArc(from tail: Int32, to head: Int32, capacity: Double) -> Int {
        precondition(tail >= 0 && Int(tail) < nodeCount && head >= 0 && Int(head) < nodeCount, "no such node")
        precondition(capacity >= 0, "capacities must be non-negative")
        tails.append(tail)
        heads.append(head)
        capacities.append(capacity)
        return tails.count - 1
    }

    /// Adds an undirected edge as two opposite arcs of capacity `capacity`.
    public mutating func addEdge(_ u: Int32, _ v: Int32, capacity: Double) {
        addArc(from: u, to: v, capacity: capacity)
        addArc(from: v, to: u, capacity: capacity)
    }
}
