import ContextTestSupport
import GraphAlgorithms
import Testing

struct BiconnectedTests {
    private func structure(_ n: Int, _ edges: [(VertexIndex, VertexIndex)]) -> BiconnectedStructure {
        Biconnected().structure(in: AdjacencyGraph(vertexCount: n, edges: edges))
    }

    // MARK: Reference fixtures (networkx)

    @Test(arguments: try ReferenceFixture.all())
    func articulationPointsAndBridgesMatchNetworkx(fixture: ReferenceFixture) {
        let graph = fixture.graph
        let result = Biconnected().structure(in: graph)
        #expect(result.articulationPoints == fixture.articulationPoints)
        #expect(result.bridgeEndpoints(in: graph).map { [$0.0, $0.1] } == fixture.bridges)
    }

    @Test(arguments: try ReferenceFixture.all())
    func doublingEveryEdgeRemovesEveryBridgeButNoCutVertex(fixture: ReferenceFixture) {
        let doubled = fixture.edges.flatMap { [($0[0], $0[1]), ($0[1], $0[0])] }
        let result = structure(fixture.n, doubled)
        #expect(result.bridges.isEmpty)
        #expect(result.articulationPoints == fixture.articulationPoints)
    }

    @Test(arguments: try ReferenceFixture.all())
    func selfLoopsChangeNothing(fixture: ReferenceFixture) {
        let loops = (0..<fixture.n).map { (VertexIndex($0), VertexIndex($0)) }
        let edges = loops + fixture.edges.map { ($0[0], $0[1]) }
        let graph = AdjacencyGraph(vertexCount: fixture.n, edges: edges)
        let result = Biconnected().structure(in: graph)
        #expect(result.articulationPoints == fixture.articulationPoints)
        #expect(result.bridgeEndpoints(in: graph).map { [$0.0, $0.1] } == fixture.bridges)
    }

    // MARK: The igraph edge-case ladder

    @Test func emptyGraphHasNothingToCut() {
        #expect(structure(0, []) == BiconnectedStructure(articulationPoints: [], bridges: []))
    }

    @Test func oneVertexAndTwoIsolatedVerticesHaveNothingToCut() {
        #expect(structure(1, []) == BiconnectedStructure(articulationPoints: [], bridges: []))
        #expect(structure(2, []) == BiconnectedStructure(articulationPoints: [], bridges: []))
    }

    @Test func everyEdgeOfAPathIsABridgeAndEveryInnerVertexACutVertex() {
        let result = structure(4, [(0, 1), (2, 1), (2, 3)])
        #expect(result.articulationPoints == [1, 2])
        #expect(result.bridges == [0, 1, 2])
        #expect(structure(2, [(1, 0)]).bridges == [0])
        #expect(structure(2, [(1, 0)]).articulationPoints.isEmpty)
    }

    @Test func starCentreIsTheOnlyCutVertexWhicheverVertexItIs() {
        #expect(structure(5, [(0, 1), (0, 2), (0, 3), (0, 4)]).articulationPoints == [0])
        let result = structure(5, [(3, 0), (3, 1), (2, 3), (3, 4)])
        #expect(result.articulationPoints == [3])
        #expect(result.bridges == [0, 1, 2, 3])
    }

    @Test func cyclesHaveNoBridgesAndJoinAtCutVertices() {
        // Two triangles sharing vertex 2, and a pendant 5 on vertex 4.
        let result = structure(6, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 2), (4, 5)])
        #expect(result.articulationPoints == [2, 4])
        #expect(result.bridges == [6])
    }

    @Test func disconnectedGraphIsSearchedFromEveryComponent() {
        let result = structure(7, [(0, 1), (1, 2), (2, 0), (3, 4), (5, 6), (6, 4)])
        #expect(result.articulationPoints == [4, 6])
        #expect(result.bridges == [3, 4, 5])
    }

    @Test func aDoubledEdgeIsNotABridge() {
        #expect(structure(2, [(0, 1), (1, 0)]) == BiconnectedStructure(articulationPoints: [], bridges: []))
        // 0 = 1 - 2: only the single edge is a bridge; 1 still separates 2 from 0.
        let result = structure(3, [(0, 1), (1, 2), (0, 1)])
        #expect(result.bridges == [1])
        #expect(result.articulationPoints == [1])
        // A tripled edge in the middle of a path.
        let path = structure(4, [(0, 1), (1, 2), (2, 1), (1, 2), (2, 3)])
        #expect(path.bridges == [0, 4])
        #expect(path.articulationPoints == [1, 2])
    }

    @Test func selfLoopsAreIgnored() {
        #expect(structure(1, [(0, 0)]) == BiconnectedStructure(articulationPoints: [], bridges: []))
        let result = structure(3, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 2)])
        #expect(result.articulationPoints == [1])
        #expect(result.bridges == [1, 3])
    }

    // MARK: Size

    @Test func longPathDoesNotOverflowTheStack() {
        let n = 200_000
        let forward = (0..<(n - 1)).map { (VertexIndex($0), VertexIndex($0 + 1)) }
        let result = structure(n, forward)
        #expect(result.articulationPoints == (1..<(n - 1)).map { VertexIndex($0) })
        #expect(result.bridges.count == n - 1)
        let backward = structure(n, forward.reversed().map { ($0.1, $0.0) })
        #expect(backward.articulationPoints.count == n - 2)
        #expect(backward.bridges.count == n - 1)
    }

    @Test func bigStarHasOneCutVertex() {
        let leaves = 50_000
        let result = structure(leaves + 1, (1...leaves).map { (VertexIndex(0), VertexIndex($0)) })
        #expect(result.articulationPoints == [0])
        #expect(result.bridges.count == leaves)
    }
}
