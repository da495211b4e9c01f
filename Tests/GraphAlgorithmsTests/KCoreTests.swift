import ContextTestSupport
import GraphAlgorithms
import Testing

struct KCoreTests {
    private func cores(_ n: Int, _ edges: [(VertexIndex, VertexIndex)]) -> [Int32] {
        KCore().coreNumbers(in: AdjacencyGraph(vertexCount: n, edges: edges)).values
    }

    // MARK: Reference fixtures (networkx)

    @Test(arguments: try ReferenceFixture.all())
    func coreNumbersMatchNetworkx(fixture: ReferenceFixture) {
        let result = KCore().coreNumbers(in: fixture.graph)
        #expect(result.values.map(Int.init) == fixture.coreNumber)
        #expect(result.degeneracy == (fixture.coreNumber.max() ?? 0))
    }

    @Test(arguments: try ReferenceFixture.all())
    func everyCoreHasTheMinimumDegreeItPromises(fixture: ReferenceFixture) {
        let result = KCore().coreNumbers(in: fixture.graph)
        for k in 0...result.degeneracy {
            let members = Set(result.core(k))
            for v in members {
                let inside = fixture.edges.filter {
                    ($0[0] == v || $0[1] == v) && members.contains($0[0]) && members.contains($0[1])
                }
                #expect(inside.count >= k, "vertex \(v) has \(inside.count) neighbours in the \(k)-core")
            }
        }
    }

    // MARK: The igraph edge-case ladder

    @Test func emptyGraphHasNoCores() {
        let result = KCore().coreNumbers(in: AdjacencyGraph(vertexCount: 0, edges: []))
        #expect(result.values.isEmpty)
        #expect(result.degeneracy == 0)
    }

    @Test func isolatedVerticesAreInTheZeroCore() {
        #expect(cores(1, []) == [0])
        #expect(cores(2, []) == [0, 0])
    }

    @Test func pathAndStarAreOneCores() {
        #expect(cores(4, [(0, 1), (1, 2), (2, 3)]) == [1, 1, 1, 1])
        #expect(cores(5, [(3, 0), (3, 1), (3, 2), (3, 4)]) == [1, 1, 1, 1, 1])
    }

    @Test func disconnectedGraphHasACoreNumberPerComponent() {
        // A 4-clique, a triangle with a pendant, an edge and an isolated vertex.
        let edges: [(VertexIndex, VertexIndex)] = [
            (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (4, 5), (5, 6), (6, 4), (6, 7), (8, 9),
        ]
        let result = KCore().coreNumbers(in: AdjacencyGraph(vertexCount: 11, edges: edges))
        #expect(result.values == [3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0])
        #expect(result.degeneracy == 3)
        #expect(result.core(2) == [0, 1, 2, 3, 4, 5, 6])
    }

    @Test func multiEdgesCountWithMultiplicityAsInIgraph() {
        // python-igraph 1.0: Graph([(0,1),(0,1),(0,1),(1,2),(2,3),(3,1),(0,2)]).coreness()
        #expect(cores(4, [(0, 1), (0, 1), (0, 1), (1, 2), (2, 3), (3, 1), (0, 2)]) == [3, 3, 2, 2])
        #expect(cores(2, [(0, 1), (1, 0)]) == [2, 2])
        // A doubled star: the centre's four edge ends all go to leaves of degree 2.
        #expect(cores(3, [(0, 1), (0, 1), (0, 2), (2, 0)]) == [2, 2, 2])
    }

    @Test func selfLoopsAreIgnored() {
        #expect(cores(1, [(0, 0)]) == [0])
        #expect(cores(3, [(0, 0), (0, 1), (1, 1), (1, 2), (2, 0), (2, 2), (2, 2)]) == [2, 2, 2])
        #expect(cores(2, [(0, 0), (0, 1)]) == [1, 1])
    }

    // MARK: Size

    @Test func longPathAndBigStarAreOneCores() {
        let n = 200_000
        let path = (0..<(n - 1)).map { (VertexIndex($0), VertexIndex($0 + 1)) }
        #expect(cores(n, path).allSatisfy { $0 == 1 })
        let leaves = 50_000
        let star = (1...leaves).map { (VertexIndex(0), VertexIndex($0)) }
        #expect(cores(leaves + 1, star).allSatisfy { $0 == 1 })
    }
}
