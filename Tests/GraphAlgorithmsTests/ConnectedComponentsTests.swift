import ContextTestSupport
import GraphAlgorithms
import Testing

struct ConnectedComponentsTests {
    // MARK: Reference fixtures (networkx)

    @Test(arguments: try ReferenceFixture.all())
    func membershipMatchesNetworkx(fixture: ReferenceFixture) {
        let labels = ConnectedComponents().labels(in: fixture.graph)
        #expect(labels.membership == fixture.components)
        #expect(labels.count == fixture.componentCount)
    }

    @Test func everyReferenceGraphIsLoaded() throws {
        let names = Set(try ReferenceFixture.all().map(\.name))
        for expected in [
            "karate_club", "les_miserables", "florentine_families", "davis_southern_women", "petersen",
            "barbell_5_2", "ring_of_cliques_4_5", "disconnected_union",
        ] {
            #expect(names.contains(expected), "missing fixture \(expected)")
        }
        #expect(names.count >= 12)
        let karate = try ReferenceFixture.named("karate_club")
        #expect(karate.n == 34 && karate.edges.count == 78)
        #expect(karate.degree.count == 34 && karate.pagerank.count == 34)
    }

    // MARK: The igraph edge-case ladder

    private func labels(_ n: Int, _ edges: [(VertexIndex, VertexIndex)]) -> ComponentLabels {
        ConnectedComponents().labels(in: AdjacencyGraph(vertexCount: n, edges: edges))
    }

    @Test func emptyGraphHasNoComponents() {
        let result = labels(0, [])
        #expect(result.count == 0)
        #expect(result.membership.isEmpty)
        #expect(result.components().isEmpty)
    }

    @Test func oneVertexIsOneComponent() {
        let result = labels(1, [])
        #expect(result.count == 1)
        #expect(result.membership == [0])
    }

    @Test func twoIsolatedVerticesAreTwoComponents() {
        let result = labels(2, [])
        #expect(result.count == 2)
        #expect(result.membership == [0, 1])
    }

    @Test func pathIsOneComponent() {
        let result = labels(4, [(0, 1), (1, 2), (2, 3)])
        #expect(result.count == 1)
        #expect(result.membership == [0, 0, 0, 0])
    }

    @Test func starIsOneComponentWhateverItsCentre() {
        #expect(labels(5, [(0, 1), (0, 2), (0, 3), (0, 4)]).membership == [0, 0, 0, 0, 0])
        #expect(labels(5, [(3, 0), (3, 1), (3, 2), (3, 4)]).membership == [0, 0, 0, 0, 0])
    }

    @Test func disconnectedGraphIsNumberedBySmallestVertex() {
        let result = labels(6, [(3, 0), (1, 2), (5, 2)])
        #expect(result.count == 3)
        #expect(result.membership == [0, 1, 1, 0, 2, 1])
        #expect(result.components() == [[0, 3], [1, 2, 5], [4]])
    }

    @Test func multiEdgesJoinOnce() {
        let result = labels(3, [(0, 1), (1, 0), (0, 1)])
        #expect(result.count == 2)
        #expect(result.membership == [0, 0, 1])
    }

    @Test func selfLoopsJoinNothing() {
        let result = labels(4, [(0, 0), (2, 2), (2, 3), (3, 3)])
        #expect(result.count == 3)
        #expect(result.membership == [0, 1, 2, 2])
    }

    @Test func longPathDoesNotOverflowTheStack() {
        let n = 200_000
        let forward = (0..<(n - 1)).map { (VertexIndex($0), VertexIndex($0 + 1)) }
        #expect(labels(n, forward).count == 1)
        let backward = forward.reversed().map { ($0.1, $0.0) }
        let result = labels(n, backward)
        #expect(result.count == 1)
        #expect(result.membership.allSatisfy { $0 == 0 })
    }
}
