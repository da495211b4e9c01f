/// Ranks single vertices by how many protected vertices their removal cuts off from every threat.
///
/// Definitions, for a graph G, a set P of *protected* vertices and a set T of *threat* vertices:
///
/// - A protected vertex `p` is *exposed* in a graph if its connected component there holds a
///   threat vertex other than `p` itself.
/// - For a candidate `c`, `separatedProtected(c)` is the number of protected vertices `p ≠ c`
///   that are exposed in G but not in G − c (removing `c` leaves them with no path to any
///   threat). A removed protected vertex is not counted.
/// - `separatedPairs(c)` is the number of pairs `(p, t)`, `p ∈ P`, `t ∈ T`, `p ≠ t`, neither
///   equal to `c`, that are connected in G but not in G − c: the finer measure, which also counts
///   protected vertices that lose some threats but keep others.
///
/// The ranking orders candidates by `separatedProtected`, then `separatedPairs`, both
/// descending, then by vertex index; every candidate appears, even with zero gain. Removing a
/// threat vertex can count too: `c ∈ T` is not a threat in G − c.
///
/// In contextd the protected vertices are children and the threats perpetrators, and this ranks
/// single interventions; ``MinimumVertexCut`` answers the "all of them at once" question and
/// ``KeyPlayers`` the structural one.
///
/// A candidate that is not an articulation point (``Biconnected``) leaves its component in one
/// piece, so its gains follow from the component's counts; only the component of an
/// articulation point is searched again (breadth-first, no recursion). Checked against a
/// brute-force recount (remove the vertex, recompute every component) on seeded random graphs in
/// `FragmentationGainTests`.
///
/// - Complexity: O(V + E + Σ_c (|component of c| + its edges)) time over the candidates c that
///   are articulation points, O(V) extra space.
public struct FragmentationGain: Sendable, Hashable, Codable {
    public init() {}

    /// Ranks `candidates` (duplicates ignored) by the protected vertices their removal separates.
    ///
    /// - Precondition: every vertex is in `graph`.
    /// - Complexity: see the type's documentation.
    public func ranking(
        in graph: AdjacencyGraph, candidates: [VertexIndex], protected: [VertexIndex], threats: [VertexIndex]
    ) -> FragmentationRanking {
        let n = graph.vertexCount
        precondition((candidates + protected + threats).allSatisfy { $0 >= 0 && Int($0) < n }, "no such vertex")
        var isProtected = [Bool](repeating: false, count: n)
        var isThreat = [Bool](repeating: false, count: n)
        for p in protected { isProtected[Int(p)] = true }
        for t in threats { isThreat[Int(t)] = true }
        var state = RemovalComponents(graph, removed: [Bool](repeating: false, count: n))
        var protectedIn = [Int](repeating: 0, count: state.sizes.count)
        var threatsIn = [Int](repeating: 0, count: state.sizes.count)
        var bothIn = [Int](repeating: 0, count: state.sizes.count)
        for v in 0..<n {
            let c = Int(state.labels[v])
            if isProtected[v] { protectedIn[c] += 1 }
            if isThreat[v] { threatsIn[c] += 1 }
            if isProtected[v] && isThreat[v] { bothIn[c] += 1 }
        }

        var entries = [FragmentationRanking.Entry]()
        for c in Set(candidates).sorted() {
            let component = Int(state.labels[Int(c)])
            var entry = FragmentationRanking.Entry(vertex: c, separatedProtected: 0, separatedPairs: 0)
            // Counts without c: protected, threats and both in c's component.
            let selfP = isProtected[Int(c)] ? 1 : 0
            let selfT = isThreat[Int(c)] ? 1 : 0
            let p = protectedIn[component] - selfP
            let t = threatsIn[component] - selfT
            let both = bothIn[component] - (selfP & selfT)
            if p > 0 && t + selfT > 0 {
                // Pairs (p, t) with p ≠ t and exposed protected vertices once c is gone: one piece
                // unless c is an articulation point.
                var pairsAfter = p * t - both
                var exposedAfter = exposedCount(protected: p, threats: t, both: both)
                if state.isArticulationPoint(c) {
                    (pairsAfter, exposedAfter) = (0, 0)
                    state.forEachPiece(without: c) { piece in
                        let counts = piece.reduce(into: (p: 0, t: 0, both: 0)) { counts, v in
                            let (isP, isT) = (isProtected[Int(v)], isThreat[Int(v)])
                            counts.p += isP ? 1 : 0
                            counts.t += isT ? 1 : 0
                            counts.both += isP && isT ? 1 : 0
                        }
                        pairsAfter += counts.p * counts.t - counts.both
                        exposedAfter += exposedCount(protected: counts.p, threats: counts.t, both: counts.both)
                    }
                }
                // Exposure before the removal counts c as a threat when it is one.
                let exposedBefore = exposedCount(protected: p, threats: t + selfT, both: both)
                entry.separatedProtected = exposedBefore - exposedAfter
                entry.separatedPairs = (p * t - both) - pairsAfter
            }
            entries.append(entry)
        }
        entries.sort {
            ($0.separatedProtected, $0.separatedPairs, -$0.vertex) > (
                $1.separatedProtected, $1.separatedPairs, -$1.vertex
            )
        }
        return FragmentationRanking(entries: entries)
    }

    /// Exposed protected vertices in a component with these counts: all of them if it holds two
    /// or more threats, and if it holds one, all but that threat when it is itself protected.
    private func exposedCount(protected: Int, threats: Int, both: Int) -> Int {
        switch threats {
        case 0: 0
        case 1: protected - both
        default: protected
        }
    }
}

/// The result of ``FragmentationGain``: candidates from most to least separating.
public struct FragmentationRanking: Sendable, Hashable, Codable {
    /// One candidate's gains.
    public struct Entry: Sendable, Hashable, Codable {
        /// The candidate vertex.
        public let vertex: VertexIndex
        /// Protected vertices that its removal leaves with no path to any threat.
        public internal(set) var separatedProtected: Int
        /// Connected (protected, threat) pairs that its removal disconnects.
        public internal(set) var separatedPairs: Int
    }

    /// Every candidate, ordered by ``Entry/separatedProtected`` then ``Entry/separatedPairs``
    /// (descending), then vertex index.
    public let entries: [Entry]
}
