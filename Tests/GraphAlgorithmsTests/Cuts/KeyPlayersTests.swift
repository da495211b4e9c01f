import ContextTestSupport
import GraphAlgorithms
import Testing

struct KeyPlayersTests {
    private func randomGraph(seed: Int, n: Int, m: Int) -> AdjacencyGraph {
        var generator = SplitMix64(seed: UInt64(seed))
        let edges = (0..<m).map { _ in (VertexIndex(generator.next(below: n)), VertexIndex(generator.next(below: n))) }
        return AdjacencyGraph(vertexCount: n, edges: edges)
    }

    // MARK: Properties on seeded graphs and the reference fixtures

    @Test(arguments: 0..<20)
    func swapsNeverLowerTheGreedyFragmentation(seed: Int) {
        let graph = randomGraph(seed: seed, n: 40 + seed, m: 50 + 2 * seed)
        for k in [1, 3, 5] {
            let greedy = KeyPlayers(count: k, improvesBySwapping: false).select(in: graph)
            let swapped = KeyPlayers(count: k).select(in: graph)
            #expect(swapped.fragmentation >= greedy.fragmentation, "seed \(seed), k \(k)")
            #expect(swapped.vertices.count == k && greedy.vertices.count == k)
            let recomputed = KeyPlayers.fragmentation(of: graph, removing: swapped.vertices)
            #expect(abs(recomputed - swapped.fragmentation) < 1e-12, "seed \(seed), k \(k)")
        }
    }

    @Test(arguments: 0..<20)
    func resultIsRestrictedToTheCandidates(seed: Int) {
        let graph = randomGraph(seed: seed, n: 30, m: 40)
        var generator = SplitMix64(seed: UInt64(100 + seed))
        let candidates = (0..<30).filter { _ in generator.chance(0.3) }.map { VertexIndex($0) }
        let result = KeyPlayers(count: 3).select(in: graph, among: candidates + candidates)
        #expect(Set(result.vertices).isSubset(of: Set(candidates)), "seed \(seed)")
        #expect(result.vertices.count == min(3, candidates.count))
    }

    @Test(arguments: 0..<12)
    func swapResultIsOptimalOrCloseOnSmallGraphs(seed: Int) {
        // Exhaustive search over pairs; the heuristic must never claim more than the optimum.
        let graph = randomGraph(seed: seed, n: 12, m: 14)
        let result = KeyPlayers(count: 2).select(in: graph)
        var optimum = 0.0
        for a in 0..<12 {
            for b in (a + 1)..<12 {
                optimum = max(optimum, KeyPlayers.fragmentation(of: graph, removing: [VertexIndex(a), VertexIndex(b)]))
            }
        }
        #expect(result.fragmentation <= optimum + 1e-12)
        #expect(result.fragmentation >= optimum - 0.15, "seed \(seed)")
    }

    @Test func sameInputGivesTheSameSet() throws {
        for fixture in try CommunityFixture.all() {
            let graph = fixture.graph
            let first = KeyPlayers(count: 3).select(in: graph)
            #expect(KeyPlayers(count: 3).select(in: graph) == first, "\(fixture.name)")
        }
    }

    @Test func barbellIsSplitAtItsBridge() throws {
        // barbell(6, 2): cliques 0...5 and 8...13 joined by the path 5-6-7-8; one removal splits it.
        let graph = try CommunityFixture.named("barbell_6_2").graph
        let result = KeyPlayers(count: 1).select(in: graph)
        #expect(result.vertices == [6])
        #expect(abs(result.fragmentation - (1 - Double(6 * 5 + 7 * 6) / Double(13 * 12))) < 1e-12)
    }

    // MARK: Fragmentation by hand and the igraph edge-case ladder

    private func graph(_ n: Int, _ edges: [(VertexIndex, VertexIndex)]) -> AdjacencyGraph {
        AdjacencyGraph(vertexCount: n, edges: edges)
    }

    @Test func fragmentationByHand() {
        let path = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        #expect(KeyPlayers.fragmentation(of: path, removing: []) == 0)
        #expect(abs(KeyPlayers.fragmentation(of: path, removing: [2]) - (1 - 4.0 / 12)) < 1e-15)
        #expect(KeyPlayers.fragmentation(of: path, removing: [1, 3]) == 1)
        #expect(KeyPlayers.fragmentation(of: path, removing: [0, 1, 2, 3]) == 1, "fewer than two remain")
    }

    @Test func emptyGraphHasNoKeyPlayers() {
        let result = KeyPlayers(count: 2).select(in: graph(0, []))
        #expect(result.vertices.isEmpty && result.fragmentation == 1)
    }

    @Test func oneAndTwoIsolatedVertices() {
        #expect(KeyPlayers(count: 1).select(in: graph(1, [])).vertices == [0])
        let two = KeyPlayers(count: 1).select(in: graph(2, []))
        #expect(two.vertices == [0] && two.fragmentation == 1)
        #expect(KeyPlayers(count: 0).select(in: graph(2, [])).fragmentation == 1)
    }

    @Test func pathLosesItsMiddle() {
        let result = KeyPlayers(count: 1).select(in: graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)]))
        #expect(result.vertices == [2])
    }

    @Test func swapsImproveTheGreedyPairOnALongerPath() {
        // Path 0...6: greedy takes 3 then 1 (F = 1 − 6/20); one swap, 3 for 4, reaches an
        // optimum {1, 4} (F = 1 − 4/20).
        let path = graph(7, (0..<6).map { (VertexIndex($0), VertexIndex($0 + 1)) })
        let greedy = KeyPlayers(count: 2, improvesBySwapping: false).select(in: path)
        #expect(greedy.vertices == [1, 3] && abs(greedy.fragmentation - 0.7) < 1e-12)
        let swapped = KeyPlayers(count: 2).select(in: path)
        #expect(swapped.vertices == [1, 4] && abs(swapped.fragmentation - 0.8) < 1e-12)
    }

    @Test func starLosesItsCentre() {
        let result = KeyPlayers(count: 1).select(in: graph(5, [(3, 0), (3, 1), (3, 2), (3, 4)]))
        #expect(result.vertices == [3] && result.fragmentation == 1)
        let leaves = KeyPlayers(count: 1).select(in: graph(5, [(3, 0), (3, 1), (3, 2), (3, 4)]), among: [0, 1])
        #expect(leaves.vertices == [0], "ties go to the smallest candidate")
    }

    @Test func disconnectedGraphLosesTheLargestComponentsCentre() {
        let result = KeyPlayers(count: 1).select(in: graph(7, [(0, 1), (2, 3), (3, 4), (3, 5), (3, 6)]))
        #expect(result.vertices == [3])
    }

    @Test func multiEdgesAndSelfLoopsChangeNothing() {
        let plain = graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        let messy = graph(5, [(0, 1), (1, 0), (1, 2), (2, 2), (2, 3), (3, 4), (4, 4), (3, 4)])
        #expect(KeyPlayers(count: 2).select(in: messy) == KeyPlayers(count: 2).select(in: plain))
    }

    @Test func moreRequestedThanCandidates() {
        let result = KeyPlayers(count: 5).select(in: graph(4, [(0, 1), (1, 2), (2, 3)]), among: [1, 2])
        #expect(result.vertices == [1, 2])
    }
}
