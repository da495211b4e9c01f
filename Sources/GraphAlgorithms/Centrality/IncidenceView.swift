/// A read-only, unsafe view of an ``AdjacencyGraph``'s incidence arrays, for the inner loops
/// that run over every edge many times (Brandes' sweeps, closeness searches, PageRank).
///
/// `neighbors(of:)` returns an `ArraySlice`, which retains the graph's storage on every call;
/// the reference count is atomic, so two lanes walking the same graph on two cores would contend
/// for its cache line at every visited vertex, and each slice is bounds-checked. The view is only
/// valid inside ``AdjacencyGraph/withIncidence(_:)``; only these hot loops use it, everything
/// else keeps to `neighbors(of:)`.
struct IncidenceView {
    let offsets: UnsafeBufferPointer<Int32>
    let neighbours: UnsafeBufferPointer<VertexIndex>
    let edgeIDs: UnsafeBufferPointer<Int32>

    /// The incidence slots of `v`: indices into ``neighbours`` and ``edgeIDs``.
    @inline(__always)
    func slots(of v: Int) -> Range<Int> {
        Int(offsets[v])..<Int(offsets[v + 1])
    }
}

extension AdjacencyGraph {
    /// Calls `body` with an unsafe view of the incidence arrays.
    func withIncidence<Result>(_ body: (IncidenceView) throws -> Result) rethrows -> Result {
        try offsets.withUnsafeBufferPointer { offsets in
            try neighbours.withUnsafeBufferPointer { neighbours in
                try incidentEdgeIDs.withUnsafeBufferPointer { edgeIDs in
                    try body(IncidenceView(offsets: offsets, neighbours: neighbours, edgeIDs: edgeIDs))
                }
            }
        }
    }
}
