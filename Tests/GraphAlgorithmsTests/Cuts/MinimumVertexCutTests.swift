import ContextTestSupport
import GraphAlgorithms
import Testing

struct MinimumVertexCutTests {
    // MARK: Reference cases (networkx.minimum_node_cut on an auxiliary graph)

    @Test(arguments: try VertexCutCase.all())
    func sizeMatchesNetworkxAndTheCutSeparates(cutCase: VertexCutCase) {
        let graph = cutCase.graph
        let cuttable = cutCase.cuttable
        let cut = MinimumVertexCut().cut(
            in: graph, separating: cutCase.sources, from: cutCase.targets, cuttable: cuttable)
        #expect(cut?.size == cutCase.cutSize, "networkx: \(cutCase.cutSize.map(String.init) ?? "no cut")")
        if let cut {
            let terminals = Set(cutCase.sources + cutCase.targets)
            #expect(cut.vertices.allSatisfy { cuttable[Int($0)] && !terminals.contains($0) })
            #expect(cut.vertices == cut.vertices.sorted())
            #expect(!connects(graph, cutCase.sources, cutCase.targets, removing: cut.vertices))
        }
    }

    @Test func everyCaseIsLoaded() throws {
        let cases = try VertexCutCase.all()
        #expect(cases.count >= 20)
        #expect(cases.contains { $0.cutSize == nil } && cases.contains { ($0.cutSize ?? 0) >= 5 })
    }

    @Test(arguments: 0..<40)
    func sizeMatchesExhaustiveSearchOnSmallGraphs(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let n = 4 + generator.next(below: 8)
        let edges = (0..<(n + generator.next(below: 2 * n))).map { _ in
            (VertexIndex(generator.next(below: n)), VertexIndex(generator.next(below: n)))
        }
        let graph = AdjacencyGraph(vertexCount: n, edges: edges)
        let sources: [VertexIndex] = [0]
        let targets: [VertexIndex] =
            generator.chance(0.5) ? [VertexIndex(n - 1)] : [VertexIndex(n - 1), VertexIndex(n - 2)]
        let cuttable = (0..<n).map { _ in generator.chance(0.8) }
        let cut = MinimumVertexCut().cut(in: graph, separating: sources, from: targets, cuttable: cuttable)
        // Exhaustive: the smallest subset of cuttable non-terminals that separates.
        let free = (0..<n).filter { cuttable[$0] && $0 != 0 && !targets.contains(VertexIndex($0)) }
        var best: Int?
        for mask in 0..<(1 << free.count) where best == nil || mask.nonzeroBitCount < best! {
            let removed = free.indices.filter { mask & (1 << $0) != 0 }.map { VertexIndex(free[$0]) }
            if !connects(graph, sources, targets, removing: removed) { best = mask.nonzeroBitCount }
        }
        #expect(cut?.size == best, "seed \(seed)")
    }

    // MARK: The igraph edge-case ladder

    private func cut(
        _ n: Int, _ edges: [(VertexIndex, VertexIndex)], _ sources: [VertexIndex], _ targets: [VertexIndex],
        uncuttable: [VertexIndex] = []
    ) -> VertexCut? {
        var cuttable = [Bool](repeating: true, count: n)
        for v in uncuttable { cuttable[Int(v)] = false }
        return MinimumVertexCut().cut(
            in: AdjacencyGraph(vertexCount: n, edges: edges), separating: sources, from: targets, cuttable: cuttable)
    }

    @Test func nothingToSeparateGivesAnEmptyCut() {
        #expect(cut(0, [], [], [])?.vertices == [])
        #expect(cut(3, [(0, 1), (1, 2)], [0], [])?.vertices == [])
    }

    @Test func oneVertexBothSourceAndTargetCannotBeCut() {
        #expect(cut(1, [], [0], [0]) == nil)
    }

    @Test func twoIsolatedVerticesNeedNoCut() {
        #expect(cut(2, [], [0], [1])?.vertices == [])
    }

    @Test func pathIsCutNextToTheSources() {
        #expect(cut(5, [(0, 1), (1, 2), (2, 3), (3, 4)], [0], [4])?.vertices == [1])
        #expect(cut(5, [(0, 1), (1, 2), (2, 3), (3, 4)], [0], [4], uncuttable: [1])?.vertices == [2])
        #expect(cut(5, [(0, 1), (1, 2), (2, 3), (3, 4)], [0], [4], uncuttable: [1, 2, 3]) == nil)
    }

    @Test func starIsCutAtItsCentre() {
        #expect(cut(5, [(0, 1), (0, 2), (0, 3), (0, 4)], [1, 2], [3, 4])?.vertices == [0])
        #expect(cut(5, [(0, 1), (0, 2), (0, 3), (0, 4)], [1, 2], [3, 4], uncuttable: [0]) == nil)
    }

    @Test func disconnectedTerminalsNeedNoCut() {
        #expect(cut(6, [(0, 1), (1, 2), (3, 4), (4, 5)], [0, 1], [4, 5])?.vertices == [])
    }

    @Test func adjacentSourceAndTargetCannotBeCut() {
        #expect(cut(3, [(0, 1), (1, 2)], [0], [1]) == nil)
    }

    @Test func multiEdgesCountOnce() {
        #expect(cut(3, [(0, 1), (1, 0), (0, 1), (1, 2), (2, 1)], [0], [2])?.vertices == [1])
    }

    @Test func selfLoopsAreIgnored() {
        #expect(cut(3, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 2)], [0], [2])?.vertices == [1])
    }

    @Test func twoDisjointRoutesNeedTwoVertices() {
        // 0 reaches 5 through 1-2 and through 3-4.
        let edges: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (2, 5), (0, 3), (3, 4), (4, 5)]
        #expect(cut(6, edges, [0], [5])?.vertices == [1, 3])
        #expect(cut(6, edges, [0], [5], uncuttable: [1])?.vertices == [2, 3])
    }

    @Test func longPathDoesNotOverflowTheStack() {
        let n = 100_000
        let edges = (0..<(n - 1)).map { (VertexIndex($0), VertexIndex($0 + 1)) }
        #expect(cut(n, edges, [0], [VertexIndex(n - 1)])?.vertices == [1])
    }
}

/// Whether some source still reaches some target once `removed` is taken out (breadth-first,
/// independent of the code under test).
func connects(
    _ graph: AdjacencyGraph, _ sources: [VertexIndex], _ targets: [VertexIndex], removing removed: [VertexIndex]
) -> Bool {
    var blocked = [Bool](repeating: false, count: graph.vertexCount)
    for v in removed { blocked[Int(v)] = true }
    var seen = [Bool](repeating: false, count: graph.vertexCount)
    var queue = sources.filter { !blocked[Int($0)] }
    for s in queue { seen[Int(s)] = true }
    let isTarget = Set(targets)
    var head = 0
    while head < queue.count {
        let v = queue[head]
        head += 1
        if isTarget.contains(v) { return true }
        for w in graph.neighbors(of: v) where !seen[Int(w)] && !blocked[Int(w)] {
            seen[Int(w)] = true
            queue.append(w)
        }
    }
    return false
}
