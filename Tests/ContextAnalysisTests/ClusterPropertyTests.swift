import ContextAnalysis
import ContextIngest
import ContextModel
import ContextTestSupport
import Foundation
import PropertyBased
import Testing

/// Invariants of the concern clusters on random datasets: the clusters partition the part of the
/// concern neighbourhood they cover (no entity in two clusters, none outside the neighbourhood),
/// every seed in the neighbourhood is in exactly one cluster or listed as unclustered, and every
/// cluster is connected through its own links (Leiden's refinement guarantee).
@Suite("Concern clusters (property-based)")
struct ClusterPropertyTests {
    /// Each entity: kind (0 child, 1 peer, 2 perpetrator) and MACE level (0 = not assessed).
    static let entities = Gen.int(in: 0...2).array(of: 2...40)
    static let levels = Gen.int(in: 0...4).array(of: 40)
    static let links = Gen.int(in: 0...1599).array(of: 0...80)

    static func dataset(kinds: [Int], levels: [Int], codes: [Int]) throws -> ContextGraph {
        let names = ["child", "peer", "perpetrator"]
        var entities = "id,kind,risk_level\n"
        for (i, kind) in kinds.enumerated() {
            entities += "E\(i),\(names[kind]),\(levels[i] == 0 ? "" : "\(levels[i])")\n"
        }
        var links = "source,target,kind,weight,grading\n"
        for code in codes {
            let a = code / 40 % kinds.count, b = code % 40 % kinds.count
            let kind = kinds[a] == 2 && kinds[b] != 2 ? "exploits" : "associate"
            links += "E\(a),E\(b),\(kind),\(1 + code % 5),1B\n"
        }
        return try withTemporaryDirectory { folder in
            try Data(entities.utf8).write(to: URL(fileURLWithPath: folder + "/entities.csv"))
            try Data(links.utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
            return try DatasetLoader().load(folder: folder).graph
        }
    }

    @Test func clustersPartitionWhatTheyCoverAndAreConnected() async throws {
        let asOf = try #require(Day(iso: "2024-09-30"))
        await propertyCheck(count: 150, input: Self.entities, Self.levels, Self.links) { kinds, levels, codes in
            guard let graph = try? Self.dataset(kinds: kinds, levels: levels, codes: codes),
                let analysis = try? Analysis(graph, asOf: asOf, settings: AnalysisSettings())
            else {
                Issue.record("a random dataset failed to load or analyse")
                return
            }
            var owner = [Int](repeating: -1, count: graph.entities.count)
            for (c, cluster) in analysis.clusters.clusters.enumerated() {
                for member in cluster.members {
                    #expect(owner[member.int] == -1, "entity \(member.int) is in two clusters")
                    owner[member.int] = c
                    #expect(analysis.distances[member.int] >= 0, "member outside the neighbourhood")
                }
                // Connected through the cluster's own links.
                let members = Set(cluster.members.map(\.int))
                var adjacency: [Int: [Int]] = [:]
                for link in cluster.links {
                    let s = Int(graph.links.sources[link]), t = Int(graph.links.targets[link])
                    #expect(members.contains(s) && members.contains(t), "a cluster link leaves the cluster")
                    adjacency[s, default: []].append(t)
                    adjacency[t, default: []].append(s)
                }
                var seen: Set<Int> = [cluster.members[0].int]
                var stack = [cluster.members[0].int]
                while let v = stack.popLast() {
                    for w in adjacency[v] ?? [] where seen.insert(w).inserted { stack.append(w) }
                }
                #expect(seen == members, "cluster \(cluster.stableID) is not connected")
            }
            let unclustered = Set(analysis.clusters.unclusteredSubjects.map(\.int))
            for entity in 0..<graph.entities.count where ConcernNeighbourhood.isSeed(entity, in: graph) {
                let clustered = owner[entity] >= 0
                #expect(
                    clustered != unclustered.contains(entity), "seed \(entity): clustered and unclustered, or neither")
            }
        }
    }
}
