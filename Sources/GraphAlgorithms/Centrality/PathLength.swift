/// How a shortest-path algorithm reads an edge's length from its weight.
///
/// The graph's weights are *strengths* (more contact, stronger tie), while shortest paths need
/// *lengths*; ``inverseWeight`` turns one into the other as networkx users usually do by storing
/// `1 / weight` as a distance attribute. For any other transform, build an ``AdjacencyGraph``
/// whose weights are the lengths you want and use ``weight``.
///
/// An edge whose length is not finite and positive (for example a zero weight under
/// ``inverseWeight``) is treated as absent by weighted searches.
public enum PathLength: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every edge has length 1: breadth-first search; weights are ignored.
    case hops
    /// Edge `e` has length `1 / weights[e]` (networkx with `distance = 1 / weight`).
    case inverseWeight
    /// Edge `e` has length `weights[e]`.
    case weight

    /// The length of every edge as a `Double`, `.infinity` for an unusable edge; `nil` for
    /// ``hops``.
    ///
    /// - Complexity: O(E).
    func edgeLengths(in graph: AdjacencyGraph) -> [Double]? {
        switch self {
        case .hops:
            return nil
        case .inverseWeight:
            return graph.weights.map { weight in
                let length = 1 / Double(weight)
                return length.isFinite && length > 0 ? length : .infinity
            }
        case .weight:
            return graph.weights.map { weight in
                let length = Double(weight)
                return length.isFinite && length > 0 ? length : .infinity
            }
        }
    }
}
