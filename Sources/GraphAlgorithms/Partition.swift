/// A partition of a graph's vertices into communities, as a membership vector (igraph style).
///
/// `membership[v]` is the community of vertex `v`. A partition built with ``init(labels:)`` is
/// *canonical*: communities are numbered `0 ..< count` in order of their smallest vertex, so
/// vertex 0 is always in community 0 and two partitions that group the vertices alike are equal
/// (`==`) whatever labels they were built from. Every community algorithm in this module returns
/// a canonical partition.
///
/// A decoded partition is not trusted: check it with ``isValid(for:)`` before use.
public struct Partition: Sendable, Hashable, Codable {
    /// `membership[v]` is the community of vertex `v`, in `0 ..< count`.
    public let membership: [Int32]
    /// Number of communities.
    public let count: Int

    /// A canonical partition from arbitrary non-negative labels: vertices with equal labels share
    /// a community, and communities are renumbered in order of their smallest vertex.
    ///
    /// - Parameter labels: one label per vertex; labels need not be dense or ordered.
    /// - Precondition: every label is non-negative.
    /// - Complexity: O(V + L), where L is the largest label.
    public init(labels: [Int32]) {
        let largest = Int(labels.max() ?? -1)
        precondition(labels.allSatisfy { $0 >= 0 }, "community labels must be non-negative")
        var renumbered = [Int32](repeating: -1, count: largest + 1)
        var membership = [Int32](repeating: 0, count: labels.count)
        var count: Int32 = 0
        for (v, label) in labels.enumerated() {
            if renumbered[Int(label)] < 0 {
                renumbered[Int(label)] = count
                count += 1
            }
            membership[v] = renumbered[Int(label)]
        }
        self.membership = membership
        self.count = Int(count)
        checkInvariants()
    }

    /// Every vertex in a community of its own.
    ///
    /// - Complexity: O(V).
    public static func singletons(vertexCount: Int) -> Partition {
        Partition(labels: (0..<Int32(vertexCount)).map { $0 })
    }

    /// All vertices in one community (no communities for an empty graph).
    ///
    /// - Complexity: O(V).
    public static func whole(vertexCount: Int) -> Partition {
        Partition(labels: [Int32](repeating: 0, count: vertexCount))
    }

    /// Number of vertices partitioned.
    public var vertexCount: Int { membership.count }

    /// The vertices of each community, each list in increasing order; community `c` is element `c`.
    ///
    /// - Complexity: O(V).
    public func communities() -> [[VertexIndex]] {
        var groups = [[VertexIndex]](repeating: [], count: count)
        for (v, c) in membership.enumerated() { groups[Int(c)].append(VertexIndex(v)) }
        return groups
    }

    /// The number of vertices in each community.
    ///
    /// - Complexity: O(V).
    public func sizes() -> [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for c in membership { sizes[Int(c)] += 1 }
        return sizes
    }

    /// Whether this is a canonical partition of `graph`'s vertices: one label per vertex, labels in
    /// `0 ..< count`, every community non-empty, and communities numbered in order of their
    /// smallest vertex.
    ///
    /// - Complexity: O(V).
    public func isValid(for graph: AdjacencyGraph) -> Bool {
        guard membership.count == graph.vertexCount, count >= 0, count <= membership.count else { return false }
        // Canonical numbering means each vertex's label is at most one more than every label before it.
        var next: Int32 = 0
        for c in membership {
            guard c >= 0, c <= next else { return false }
            if c == next { next += 1 }
        }
        return Int(next) == count
    }

    /// Traps if the partition is not canonical; compiled only with `CONTEXTD_INTERNAL_CHECKS`.
    ///
    /// - Complexity: O(V).
    @inline(__always)
    func checkInvariants() {
        #if CONTEXTD_INTERNAL_CHECKS
            var next: Int32 = 0
            for c in membership {
                precondition(c >= 0 && c <= next, "partition labels are not canonical")
                if c == next { next += 1 }
            }
            precondition(Int(next) == count, "partition count does not match its labels")
        #endif
    }
}
