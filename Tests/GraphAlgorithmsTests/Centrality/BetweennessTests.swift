import ContextTestSupport
import GraphAlgorithms
import Testing

struct BetweennessTests {
    private let third: Double = 1.0 / 3.0
    private let sixth: Double = 1.0 / 6.0
    private let twoThirds: Double = 2.0 / 3.0

    private func expectClose(_ actual: [Double], _ expected: [Double], within tolerance: Double = 1e-9) {
        #expect(actual.count == expected.count)
        for (v, (a, e)) in zip(actual, expected).enumerated() {
            #expect(abs(a - e) <= tolerance, "vertex \(v): \(a) vs \(e)")
        }
    }

    private func scores(
        _ n: Int, _ edges: [(VertexIndex, VertexIndex)], weights: [Float] = [],
        _ betweenness: Betweenness = Betweenness()
    ) throws -> [Double] {
        try betweenness.scores(in: AdjacencyGraph(vertexCount: n, edges: edges, weights: weights)).values
    }

    // MARK: Reference fixtures (networkx)

    @Test(arguments: try ReferenceFixture.all())
    func exactBetweennessMatchesNetworkx(fixture: ReferenceFixture) throws {
        let result = try Betweenness().scores(in: fixture.weightedGraph)
        #expect(result.isExact && result.sourceCount == fixture.n)
        expectClose(result.values, fixture.betweenness)
        let raw = try Betweenness(normalized: false).scores(in: fixture.graph)
        expectClose(raw.values, fixture.betweennessUnnormalized)
    }

    @Test(arguments: try ReferenceFixture.all())
    func weightedBetweennessMatchesNetworkxWithInverseWeightLengths(fixture: ReferenceFixture) throws {
        let result = try Betweenness(length: .inverseWeight).scores(in: fixture.weightedGraph)
        expectClose(result.values, fixture.betweennessWeighted)
        // Unit weights as lengths give the unweighted values through Dijkstra.
        expectClose(try Betweenness(length: .weight).scores(in: fixture.graph).values, fixture.betweenness)
    }

    @Test(arguments: try ReferenceFixture.all())
    func pivotScalingMatchesNetworkxSampledBetweenness(fixture: ReferenceFixture) throws {
        let result = try Betweenness(mode: .pivots(fixture.betweennessSampleSources)).scores(in: fixture.graph)
        #expect(result.sourceCount == fixture.betweennessSampleSources.count)
        #expect(!result.isExact)
        expectClose(result.values, fixture.betweennessSampled)
    }

    // MARK: The igraph edge-case ladder (values from networkx 3.6.1)

    @Test func emptyAndIsolatedGraphsScoreZero() throws {
        let empty = try Betweenness().scores(in: AdjacencyGraph(vertexCount: 0, edges: []))
        #expect(empty.values.isEmpty && empty.isExact && empty.components.isEmpty)
        #expect(try scores(1, []) == [0])
        #expect(try scores(2, []) == [0, 0])
        #expect(try scores(2, [(0, 1)], Betweenness(normalized: false)) == [0, 0])
    }

    @Test func pathAndStar() throws {
        expectClose(try scores(4, [(0, 1), (1, 2), (2, 3)]), [0, twoThirds, twoThirds, 0])
        expectClose(try scores(4, [(0, 1), (1, 2), (2, 3)], Betweenness(normalized: false)), [0, 2, 2, 0])
        expectClose(try scores(5, [(3, 0), (3, 1), (3, 2), (3, 4)]), [0, 0, 0, 1, 0])
    }

    @Test func disconnectedGraphCountsOnlyConnectedPairs() throws {
        // Path 0-1-2 and path 3-4-5-6, n = 7: unnormalised 1, then 2 and 2.
        let result = try Betweenness(normalized: false).scores(
            in: AdjacencyGraph(vertexCount: 7, edges: [(0, 1), (1, 2), (3, 4), (4, 5), (5, 6)]))
        expectClose(result.values, [0, 1, 0, 0, 2, 2, 0])
        #expect(
            result.components == [
                ComponentSample(vertexCount: 3, sourceCount: 3), ComponentSample(vertexCount: 4, sourceCount: 4),
            ])
    }

    @Test func parallelEdgesDoNotMultiplyPaths() throws {
        // networkx MultiGraph 0=1, 1-2, 2-3, 3-0: every vertex 1/6, as for the plain 4-cycle.
        let cycle: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (2, 3), (0, 3)]
        let doubled = cycle + [(1, 0)]
        expectClose(try scores(4, doubled), [sixth, sixth, sixth, sixth])
        expectClose(try scores(4, doubled, Betweenness(length: .inverseWeight)), [sixth, sixth, sixth, sixth])
    }

    @Test func theShortestParallelEdgeCountsWhenWeighted() throws {
        // networkx MultiGraph, distance 1 and 0.25 between 0 and 1, 1-2, 0-2, 2-3 (distance 1).
        let edges: [(VertexIndex, VertexIndex)] = [(0, 1), (0, 1), (1, 2), (0, 2), (2, 3)]
        expectClose(
            try scores(4, edges, weights: [1, 4, 1, 1, 1], Betweenness(length: .inverseWeight)), [0, 0, twoThirds, 0])
        // A light edge 0-2 (length 2 = 1 / 0.5) sends 0's paths to 2 through 1 as well.
        let diamond: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (0, 2), (2, 3)]
        let weights: [Float] = [1, 1, 0.5, 1]
        expectClose(
            try scores(4, diamond, weights: weights, Betweenness(length: .inverseWeight)), [0, third, twoThirds, 0])
        expectClose(try scores(4, diamond, weights: weights), [0, 0, twoThirds, 0])
    }

    @Test func unusableLengthsRemoveTheirEdges() throws {
        // A zero weight has no inverse: the triangle loses edge 0-2 and becomes a path.
        let triangle: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (0, 2)]
        expectClose(try scores(3, triangle, weights: [1, 1, 0], Betweenness(length: .inverseWeight)), [0, 1, 0])
        expectClose(try scores(3, triangle, weights: [1, 1, -2], Betweenness(length: .weight)), [0, 1, 0])
    }

    @Test func selfLoopsAreIgnored() throws {
        expectClose(try scores(3, [(0, 0), (0, 1), (1, 1), (1, 2)]), [0, 1, 0])
        expectClose(try scores(3, [(0, 0), (0, 1), (1, 1), (1, 2)], Betweenness(length: .inverseWeight)), [0, 1, 0])
    }

    @Test func cancelledTaskStopsTheComputation() async throws {
        let fixture = try ReferenceFixture.named("gnm_400_1200_seed5")
        for betweenness in [Betweenness(), Betweenness(length: .inverseWeight)] {
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try betweenness.scores(in: fixture.weightedGraph)
            }
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }
}
