/// Connected components of an undirected graph, by breadth-first search.
///
/// Each vertex gets the label of its component; components are numbered in order of their
/// smallest vertex (vertex 0 is always in component 0), which makes the labelling canonical and
/// deterministic. Uses an explicit queue, never recursion, so a 200,000-vertex path cannot
/// overflow the stack.
///
/// Checked against `networkx.connected_components` on generated and classic graphs
/// (`Tests/ContextTestSupport/make_reference.py`).
///
/// - Complexity: O(V + E) time, O(V) extra space.
public struct ConnectedComponents: Sendable, Hashable, Codable {
    public init() {}

    /// Labels every vertex with its component.
    public func labels(in graph: AdjacencyGraph) -> ComponentLabels {
        var membership = [Int32](repeating: -1, count: graph.vertexCount)
        var queue = [VertexIndex]()
        queue.reserveCapacity(graph.vertexCount)
        var count: Int32 = 0
        for start in 0..<graph.vertexCount where membership[start] == -1 {
            membership[start] = count
            queue.removeAll(keepingCapacity: true)
            queue.append(VertexIndex(start))
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for w in graph.neighbors(of: v) where membership[Int(w)] == -1 {
                    membership[Int(w)] = count
                    queue.append(w)
                }
            }
            count += 1
        }
        return ComponentLabels(membership: membership, count: Int(count))
    }
}

/// The result of ``ConnectedComponents``: a membership vector (igraph style).
public struct ComponentLabels: Sendable, Hashable {
    /// `membership[v]` is the component of vertex `v`, in `0 ..< count`.
    public let membership: [Int32]
    /// Number of components.
    public let count: Int

    /// The vertices of each component, each list in increasing order.
    ///
    /// - Complexity: O(V).
    public func components() -> [[VertexIndex]] {
        var groups = [[VertexIndex]](repeating: [], count: count)
        for (v, c) in membership.enumerated() { groups[Int(c)].append(VertexIndex(v)) }
        return groups
    }
}
