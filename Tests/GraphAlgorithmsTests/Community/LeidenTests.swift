import ContextTestSupport
import Foundation
import GraphAlgorithms
import Testing

struct LeidenTests {
    static let resolutions = [0.5, 1.0, 2.0]

    // MARK: Reference fixtures: properties, and modularity against networkx Louvain

    @Test(arguments: try CommunityFixture.all())
    func partitionIsValidAndEveryCommunityConnected(fixture: CommunityFixture) {
        let graph = fixture.graph
        for resolution in Self.resolutions {
            let partition = Leiden(resolution: resolution, seed: 1).communities(in: graph)
            #expect(partition.isValid(for: graph), "γ = \(resolution)")
            #expect(disconnectedCommunities(partition, in: graph).isEmpty, "γ = \(resolution)")
        }
    }

    @Test(arguments: try CommunityFixture.all())
    func modularityIsNotBelowNetworkxLouvain(fixture: CommunityFixture) throws {
        // At γ ≤ 1 one seed must do; at γ = 2 small graphs (barbell, Davis) have local optima
        // that single-node moves cannot leave, which Louvain's seed happens to avoid, so the best
        // of five seeds must do. igraph's Leiden iterates to convergence (n_iterations = -1):
        // with ten iterations, the best of five seeds must come within 1% of it.
        let graph = fixture.graph
        for resolution in Self.resolutions {
            let louvain = try #require(fixture.louvain(at: resolution))
            let igraph = try #require(fixture.igraphLeiden(at: resolution))
            let modularity = Modularity(resolution: resolution)
            let scores = (0..<5).map { seed in
                modularity.score(
                    of: Leiden(resolution: resolution, seed: UInt64(seed)).communities(in: graph), in: graph)
            }
            let q = resolution <= 1 ? scores[1] : scores.max()!
            #expect(q >= louvain.modularity - 1e-6, "γ = \(resolution): Leiden \(q), Louvain \(louvain.modularity)")
            let converged = (0..<5).map { seed in
                let leiden = Leiden(resolution: resolution, seed: UInt64(seed), maxIterations: 10)
                return modularity.score(of: leiden.communities(in: graph), in: graph)
            }
            #expect(
                converged.max()! >= igraph.modularity - 0.01 * abs(igraph.modularity),
                "γ = \(resolution): Leiden \(converged.max()!), igraph \(igraph.modularity)")
        }
    }

    @Test(arguments: try CommunityFixture.all().filter { $0.planted != nil })
    func unambiguousStructureIsFoundExactly(fixture: CommunityFixture) throws {
        let planted = Partition(labels: try #require(fixture.planted))
        for seed: UInt64 in 0..<10 {
            #expect(Leiden(seed: seed).communities(in: fixture.graph) == planted, "seed \(seed)")
            #expect(Leiden(randomness: 0, seed: seed).communities(in: fixture.graph) == planted, "greedy, seed \(seed)")
        }
    }

    @Test func sameSeedGivesTheSameMembership() throws {
        for fixture in try CommunityFixture.all() {
            let graph = fixture.graph
            for seed: UInt64 in [0, 1, 42] {
                let first = Leiden(seed: seed).communities(in: graph)
                #expect(Leiden(seed: seed).communities(in: graph) == first, "\(fixture.name), seed \(seed)")
            }
        }
    }

    @Test func everySeedGivesAValidConnectedPartition() throws {
        for fixture in try CommunityFixture.all() {
            let graph = fixture.graph
            for seed: UInt64 in 0..<20 {
                for leiden in [
                    Leiden(seed: seed), Leiden(randomness: 0, seed: seed), Leiden(seed: seed, maxIterations: 1),
                ] {
                    let partition = leiden.communities(in: graph)
                    #expect(partition.isValid(for: graph), "\(fixture.name), seed \(seed)")
                    #expect(disconnectedCommunities(partition, in: graph).isEmpty, "\(fixture.name), seed \(seed)")
                }
            }
        }
    }

    @Test func startingPartitionIsNotMadeWorse() throws {
        let fixture = try CommunityFixture.named("lfr_250")
        let graph = fixture.graph
        for given in fixture.partitions where given.label != "random_3" {
            let start = Partition(labels: given.membership)
            let partition = Leiden(seed: 3).communities(in: graph, startingFrom: start)
            #expect(Modularity().score(of: partition, in: graph) >= given.modularity["1.0"]! - 1e-9, "\(given.label)")
        }
    }

    @Test func levelLimitStillGivesConnectedCommunities() throws {
        let graph = try CommunityFixture.named("gnm_300_900_seed11").graph
        for seed: UInt64 in 0..<5 {
            let partition = Leiden(seed: seed, maxLevels: 1, maxIterations: 1).communities(in: graph)
            #expect(partition.isValid(for: graph))
            #expect(disconnectedCommunities(partition, in: graph).isEmpty, "seed \(seed)")
        }
    }

    // MARK: The igraph edge-case ladder

    private func leiden(_ n: Int, _ edges: [(VertexIndex, VertexIndex)], _ weights: [Float] = []) -> Partition {
        Leiden(seed: 7).communities(in: AdjacencyGraph(vertexCount: n, edges: edges, weights: weights))
    }

    @Test func emptyGraphHasNoCommunities() {
        #expect(leiden(0, []) == Partition(labels: []))
    }

    @Test func isolatedVerticesStayAlone() {
        #expect(leiden(1, []).membership == [0])
        #expect(leiden(2, []).membership == [0, 1])
    }

    @Test func pathSplitsIntoConnectedRuns() {
        let partition = leiden(10, (0..<9).map { (VertexIndex($0), VertexIndex($0 + 1)) })
        #expect(partition.count > 1)
        for community in partition.communities() {
            #expect(community.last! - community.first! + 1 == VertexIndex(community.count), "runs of the path")
        }
    }

    @Test func starIsOneCommunity() {
        #expect(leiden(5, [(2, 0), (2, 1), (2, 3), (2, 4)]).membership == [0, 0, 0, 0, 0])
    }

    @Test func disconnectedCliquesAreSeparated() {
        let triangle: [(VertexIndex, VertexIndex)] = [(0, 1), (1, 2), (0, 2)]
        let edges = triangle + triangle.map { ($0.0 + 3, $0.1 + 3) }
        #expect(leiden(7, edges).membership == [0, 0, 0, 1, 1, 1, 2])
    }

    @Test func multiEdgesActAsWeights() {
        // 0-1 tripled and 2-3 tripled, joined by single edges 1-2 and 0-3.
        let edges: [(VertexIndex, VertexIndex)] = [(0, 1), (0, 1), (0, 1), (2, 3), (3, 2), (2, 3), (1, 2), (0, 3)]
        #expect(leiden(4, edges).membership == [0, 0, 1, 1])
        #expect(leiden(4, [(0, 1), (2, 3), (1, 2), (0, 3)], [3, 3, 1, 1]).membership == [0, 0, 1, 1])
    }

    @Test func selfLoopsDoNotHoldACommunityTogether() {
        // Two triangles joined by an edge, with heavy self-loops: still two communities.
        let edges: [(VertexIndex, VertexIndex)] = [
            (0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3), (0, 0), (5, 5),
        ]
        #expect(leiden(6, edges).membership == [0, 0, 0, 1, 1, 1])
        #expect(leiden(2, [(0, 0), (1, 1)]).membership == [0, 1])
    }

    @Test func zeroWeightEdgesAreIgnored() {
        let partition = leiden(4, [(0, 1), (1, 2), (2, 3)], [1, 0, 1])
        #expect(partition.membership == [0, 0, 1, 1])
    }

    @Test func parametersRoundTripThroughCodable() throws {
        let leiden = Leiden(resolution: 0.5, randomness: 0.02, seed: 9, maxLevels: 10, maxIterations: 3)
        let data = try JSONEncoder().encode(leiden)
        #expect(try JSONDecoder().decode(Leiden.self, from: data) == leiden)
    }
}

/// The communities of `partition` that are not connected in `graph`, by a breadth-first search
/// inside each community (independent of the code under test).
func disconnectedCommunities(_ partition: Partition, in graph: AdjacencyGraph) -> [Int] {
    var seen = [Bool](repeating: false, count: graph.vertexCount)
    var broken = [Int]()
    for (c, members) in partition.communities().enumerated() {
        guard let first = members.first else { continue }
        var queue = [first]
        seen[Int(first)] = true
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for w in graph.neighbors(of: v) where !seen[Int(w)] && partition.membership[Int(w)] == Int32(c) {
                seen[Int(w)] = true
                queue.append(w)
            }
        }
        if queue.count != members.count { broken.append(c) }
    }
    return broken
}
