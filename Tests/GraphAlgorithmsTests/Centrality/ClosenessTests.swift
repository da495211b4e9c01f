import ContextTestSupport
import GraphAlgorithms
import Testing

struct ClosenessTests {
    private func closeness(_ n: Int, _ edges: [(VertexIndex, VertexIndex)], wassermanFaust: Bool = true) throws
        -> [Double]
    {
        try Closeness(wassermanFaust: wassermanFaust).scores(in: AdjacencyGraph(vertexCount: n, edges: edges)).values
    }

    @Test(arguments: try ReferenceFixture.all())
    func closenessMatchesNetworkx(fixture: ReferenceFixture) throws {
        let values = try Closeness().scores(in: fixture.graph).values
        #expect(values.count == fixture.n)
        for v in 0..<fixture.n {
            #expect(abs(values[v] - fixture.closeness[v]) <= 1e-9, "vertex \(v)")
        }
    }

    @Test func emptyAndIsolatedVerticesScoreZero() throws {
        #expect(try closeness(0, []).isEmpty)
        #expect(try closeness(1, []) == [0])
        #expect(try closeness(2, []) == [0, 0])
    }

    @Test func pathAndStarMatchNetworkx() throws {
        #expect(try closeness(4, [(0, 1), (1, 2), (2, 3)]) == [0.5, 0.75, 0.75, 0.5])
        let leaf: Double = 4.0 / 7.0
        #expect(try closeness(5, [(0, 1), (0, 2), (0, 3), (0, 4)]) == [1, leaf, leaf, leaf, leaf])
    }

    @Test func disconnectedGraphIsScaledByComponentShare() throws {
        // networkx: triangle, edge, isolated vertex -> [0.4, 0.4, 0.4, 0.2, 0.2, 0.0]
        let edges: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (2, 0), (3, 4)]
        #expect(try closeness(6, edges) == [0.4, 0.4, 0.4, 0.2, 0.2, 0])
        #expect(try closeness(6, edges, wassermanFaust: false) == [1, 1, 1, 1, 1, 0])
    }

    @Test func multiEdgesAndSelfLoopsDoNotChangeDistances() throws {
        let simple = try closeness(4, [(0, 1), (1, 2), (2, 3), (0, 3)])
        #expect(try closeness(4, [(0, 1), (0, 1), (1, 2), (2, 3), (0, 3), (2, 2)]) == simple)
        let end: Double = 2.0 / 3.0
        #expect(try closeness(3, [(0, 0), (0, 1), (1, 1), (1, 2)]) == [end, 1, end])
    }

    @Test func cancelledTaskStopsTheComputation() async throws {
        let n = 3_000
        let graph = AdjacencyGraph(vertexCount: n, edges: (1..<n).map { (VertexIndex($0 - 1), VertexIndex($0)) })
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try Closeness().scores(in: graph)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
