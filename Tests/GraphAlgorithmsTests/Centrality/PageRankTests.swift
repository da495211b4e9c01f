import ContextTestSupport
import GraphAlgorithms
import Testing

struct PageRankTests {
    /// Tight enough that the 1e-6 comparisons test the method, not the stopping rule.
    private let precise = PageRank(tolerance: 1e-12, maxIterations: 10_000)

    private func expectClose(_ actual: [Double], _ expected: [Double], within tolerance: Double = 1e-6) {
        #expect(actual.count == expected.count)
        for (v, (a, e)) in zip(actual, expected).enumerated() {
            #expect(abs(a - e) <= tolerance, "vertex \(v): \(a) vs \(e)")
        }
    }

    // MARK: Reference fixtures (networkx)

    @Test(arguments: try ReferenceFixture.all())
    func unweightedPageRankMatchesNetworkx(fixture: ReferenceFixture) {
        var pageRank = precise
        pageRank.weighted = false
        let result = pageRank.scores(in: fixture.weightedGraph)
        #expect(result.converged)
        expectClose(result.values, fixture.pagerank)
    }

    @Test(arguments: try ReferenceFixture.all())
    func weightedPageRankMatchesNetworkx(fixture: ReferenceFixture) {
        let result = precise.scores(in: fixture.weightedGraph)
        #expect(result.converged && result.iterations > 0)
        expectClose(result.values, fixture.pagerankWeighted)
        #expect(abs(result.values.reduce(0, +) - 1) < 1e-9)
    }

    @Test(arguments: try ReferenceFixture.all())
    func personalisedPageRankMatchesNetworkx(fixture: ReferenceFixture) {
        var pageRank = precise
        pageRank.weighted = false
        pageRank.personalization = [0: 1, VertexIndex(fixture.n - 1): 1]
        let result = pageRank.scores(in: fixture.graph)
        #expect(result.converged)
        expectClose(result.values, fixture.personalizedPagerank)
    }

    // MARK: The igraph edge-case ladder (values from networkx 3.6.1)

    private func ranks(
        _ n: Int, _ edges: [(VertexIndex, VertexIndex)], weights: [Float] = [], _ pageRank: PageRank? = nil
    )
        -> [Double]
    {
        (pageRank ?? precise).scores(in: AdjacencyGraph(vertexCount: n, edges: edges, weights: weights)).values
    }

    @Test func emptyAndIsolatedGraphs() {
        let empty = precise.scores(in: AdjacencyGraph(vertexCount: 0, edges: []))
        #expect(empty.values.isEmpty && empty.converged)
        expectClose(ranks(1, []), [1])
        expectClose(ranks(2, []), [0.5, 0.5])
    }

    @Test func pathStarAndDisconnected() {
        expectClose(
            ranks(4, [(0, 1), (1, 2), (2, 3)]), [0.175438596491, 0.324561403509, 0.324561403509, 0.175438596491])
        expectClose(
            ranks(5, [(0, 1), (0, 2), (0, 3), (0, 4)]),
            [0.475675675676, 0.131081081081, 0.131081081081, 0.131081081081, 0.131081081081])
        let disconnected = ranks(6, [(0, 1), (1, 2), (2, 0), (3, 4)])
        expectClose(
            disconnected,
            [0.194174757282, 0.194174757282, 0.194174757282, 0.194174757282, 0.194174757282, 0.029126213592])
    }

    @Test func multiEdgesAddTheirWeights() {
        // networkx MultiGraph: parallel edges sum; weight=None counts each edge as 1.
        let edges: [(VertexIndex, VertexIndex)] = [(0, 1), (0, 1), (1, 2), (0, 2)]
        var unweighted = precise
        unweighted.weighted = false
        expectClose(ranks(3, edges, weights: [1, 4, 1, 1], unweighted), [0.37012987013, 0.37012987013, 0.25974025974])
        expectClose(ranks(3, edges, weights: [1, 4, 1, 1]), [0.416058394161, 0.416058394161, 0.167883211679])
    }

    @Test func selfLoopsCountOnceAsInNetworkxAdjacency() {
        let edges: [(VertexIndex, VertexIndex)] = [(0, 0), (0, 1), (1, 1), (1, 2)]
        var unweighted = precise
        unweighted.weighted = false
        expectClose(
            ranks(3, edges, weights: [3, 1, 1, 2], unweighted), [0.326397388821, 0.485924112607, 0.187678498572])
        expectClose(ranks(3, edges, weights: [3, 1, 1, 2]), [0.374624946421, 0.403771967424, 0.221603086155])
    }

    @Test func personalisationRestartsAtTheSeedsIncludingFromDanglingVertices() {
        var pageRank = precise
        pageRank.personalization = [0: 1, 4: 3]
        expectClose(
            ranks(5, [(0, 1), (1, 2), (2, 3), (3, 4)], pageRank),
            [0.113926720262, 0.179827577088, 0.19527027027, 0.279631882372, 0.231343550008])
        pageRank.personalization = [0: 1]
        expectClose(ranks(4, [(0, 1), (1, 2)], pageRank), [0.34527027027, 0.459459459459, 0.19527027027, 0])
        pageRank.personalization = [2: 0]
        expectClose(ranks(4, [(0, 1), (1, 2)], pageRank), ranks(4, [(0, 1), (1, 2)]))
    }

    @Test func stoppingEarlyIsReportedNotThrown() {
        let result = PageRank(tolerance: 1e-15, maxIterations: 3).scores(
            in: AdjacencyGraph(vertexCount: 3, edges: [(0, 1), (1, 2)]))
        #expect(!result.converged)
        #expect(result.iterations == 3)
        #expect(abs(result.values.reduce(0, +) - 1) < 1e-12)
    }

    @Test func resultsAreIdenticalFromRunToRun() throws {
        let fixture = try ReferenceFixture.named("les_miserables")
        var pageRank = precise
        pageRank.personalization = [3: 2, 0: 1, 10: 0.5, 7: 1.25]
        #expect(pageRank.scores(in: fixture.weightedGraph) == pageRank.scores(in: fixture.weightedGraph))
    }
}
