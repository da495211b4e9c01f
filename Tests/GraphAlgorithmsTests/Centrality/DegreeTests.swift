import ContextTestSupport
import GraphAlgorithms
import Testing

struct DegreeTests {
    @Test(arguments: try ReferenceFixture.all())
    func degreesMatchNetworkx(fixture: ReferenceFixture) {
        #expect(Degree().scores(in: fixture.graph).values == fixture.degree.map(Double.init))
        #expect(Degree(weighted: true).scores(in: fixture.weightedGraph).values == fixture.weightedDegree)
        // Unit weights: strength is degree.
        #expect(Degree(weighted: true).scores(in: fixture.graph).values == fixture.degree.map(Double.init))
    }

    @Test func emptyAndIsolatedGraphsHaveZeroDegrees() {
        #expect(Degree().scores(in: AdjacencyGraph(vertexCount: 0, edges: [])).values.isEmpty)
        #expect(Degree(normalized: true).scores(in: AdjacencyGraph(vertexCount: 1, edges: [])).values == [0])
        #expect(Degree().scores(in: AdjacencyGraph(vertexCount: 2, edges: [])).values == [0, 0])
    }

    @Test func pathStarAndDisconnectedDegrees() {
        let path = AdjacencyGraph(vertexCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
        #expect(Degree().scores(in: path).values == [1, 2, 2, 1])
        let third: Double = 1.0 / 3.0, twoThirds: Double = 2.0 / 3.0
        #expect(Degree(normalized: true).scores(in: path).values == [third, twoThirds, twoThirds, third])
        let star = AdjacencyGraph(vertexCount: 5, edges: [(2, 0), (2, 1), (2, 3), (2, 4)])
        #expect(Degree(normalized: true).scores(in: star).values == [0.25, 0.25, 1, 0.25, 0.25])
        let split = AdjacencyGraph(vertexCount: 5, edges: [(0, 1), (3, 4)], weights: [2.5, 4])
        #expect(Degree(weighted: true).scores(in: split).values == [2.5, 2.5, 0, 4, 4])
    }

    @Test func multiEdgesEachCountAndSelfLoopsCountTwice() {
        // networkx: MultiGraph degree counts parallel edges; a self-loop adds 2 (2 · weight).
        let graph = AdjacencyGraph(vertexCount: 3, edges: [(0, 1), (0, 1), (1, 1), (1, 2)], weights: [1, 2, 3, 4])
        #expect(Degree().scores(in: graph).values == [2, 5, 1])
        #expect(Degree(weighted: true).scores(in: graph).values == [3, 13, 4])
    }
}
