import ContextTestSupport
import GraphAlgorithms
import Testing

struct ModularityTests {
    // MARK: Reference fixtures (networkx.community.modularity)

    @Test(arguments: try CommunityFixture.all())
    func givenPartitionsMatchNetworkx(fixture: CommunityFixture) throws {
        let graph = fixture.graph
        for given in fixture.partitions {
            let partition = Partition(labels: given.membership)
            for (key, expected) in given.modularity {
                let resolution = try #require(Double(key))
                let q = Modularity(resolution: resolution).score(of: partition, in: graph)
                #expect(abs(q - expected) <= 1e-9, "\(given.label) at γ = \(key): \(q) vs networkx \(expected)")
            }
        }
    }

    @Test func everyFixtureIsLoaded() throws {
        let names = Set(try CommunityFixture.all().map(\.name))
        for expected in [
            "karate_club", "les_miserables", "florentine_families", "davis_southern_women", "ring_of_cliques_6_5",
            "barbell_6_2", "planted_8_25", "lfr_250", "multigraph_loops_60",
        ] {
            #expect(names.contains(expected), "missing fixture \(expected)")
        }
        let multigraph = try CommunityFixture.named("multigraph_loops_60")
        #expect(multigraph.edges.contains { $0[0] == $0[1] }, "the multigraph fixture has self-loops")
        #expect(Set(multigraph.edges).count < multigraph.edges.count, "and parallel edges")
    }

    // MARK: Hand-checked values and the edge-case ladder

    private func score(
        _ n: Int, _ edges: [(VertexIndex, VertexIndex)], _ labels: [Int32], _ weights: [Float] = [],
        resolution: Double = 1
    ) -> Double {
        Modularity(resolution: resolution).score(
            of: Partition(labels: labels), in: AdjacencyGraph(vertexCount: n, edges: edges, weights: weights))
    }

    @Test func graphsWithoutEdgeWeightHaveNoModularity() {
        #expect(score(0, [], []).isNaN)
        #expect(score(1, [], [0]).isNaN)
        #expect(score(2, [], [0, 1]).isNaN)
        #expect(score(2, [(0, 1)], [0, 0], [0]).isNaN)
    }

    @Test func twoTrianglesJoinedByAnEdge() {
        // m = 7; each triangle: L = 3, D = 7. Q = 2 (3/7 − (7/14)²) = 6/7 − 1/2.
        let edges: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
        #expect(abs(score(6, edges, [0, 0, 0, 1, 1, 1]) - (6.0 / 7 - 0.5)) < 1e-15)
        #expect(abs(score(6, edges, [0, 0, 0, 0, 0, 0])) < 1e-15)
        #expect(abs(score(6, edges, [0, 0, 0, 1, 1, 1], resolution: 2) - (6.0 / 7 - 1)) < 1e-15)
    }

    @Test func pathAndStar() {
        // Path 0-1-2-3 split in halves: L = 1 each, D = 3 each, m = 3: 2 (1/3 − 1/4) = 1/6.
        #expect(abs(score(4, [(0, 1), (1, 2), (2, 3)], [0, 0, 1, 1]) - 1.0 / 6) < 1e-15)
        // A star in singletons: −Σ (k/2m)² = −(3/6)² − 3 (1/6)² = −1/3.
        #expect(abs(score(4, [(0, 1), (0, 2), (0, 3)], [0, 1, 2, 3]) + 1.0 / 3) < 1e-15)
    }

    @Test func disconnectedComponentsAsCommunities() {
        // Two disjoint edges: each L = 1, D = 2, m = 2: 2 (1/2 − 1/4) = 1/2.
        #expect(abs(score(4, [(0, 1), (2, 3)], [0, 0, 1, 1]) - 0.5) < 1e-15)
    }

    @Test func multiEdgesAddTheirWeights() {
        // A doubled edge weighs like one edge of weight 2: the same modularity.
        let doubled = score(3, [(0, 1), (0, 1), (1, 2)], [0, 0, 1])
        let weighted = score(3, [(0, 1), (1, 2)], [0, 0, 1], [2, 1])
        #expect(abs(doubled - weighted) < 1e-15)
    }

    @Test func selfLoopsCountOnceInsideAndTwiceInTheDegree() {
        // Edge 0-1 and a loop at 2: m = 2; {0,1}: L = 1, D = 2; {2}: L = 1, D = 2. Q = 2 (1/2 − 1/4).
        #expect(abs(score(3, [(0, 1), (2, 2)], [0, 0, 1]) - 0.5) < 1e-15)
    }
}
