import ContextModel
import Testing

@testable import ContextAnalysis

@Suite("Concern clusters")
struct ConcernClustersTests {
    private let asOf = Day(rawValue: 20_000)

    /// Builds a graph from compact descriptions: `("C-1", .child, 3)` and `("C-1", "P-1", .associate, "1A")`.
    private func graph(
        _ entities: [(String, EntityKind, UInt8)], _ links: [(String, String, LinkKind, String?)]
    ) throws -> ContextGraph {
        var builder = ContextGraph.Builder()
        for (id, kind, risk) in entities { _ = builder.addEntity(id: id, kind: kind, riskLevel: risk) }
        for (source, target, kind, grading) in links {
            let s = try #require(builder.index(of: source)), t = try #require(builder.index(of: target))
            _ = builder.addLink(
                .init(
                    source: s, target: t, kind: kind, weight: 5,
                    grading: grading.flatMap { Grading(code: $0)?.packed } ?? 0))
        }
        return builder.freeze()
    }

    private func clusters(_ g: ContextGraph, settings: AnalysisSettings = AnalysisSettings()) -> ConcernClusters {
        let strengths = settings.strength.strengths(in: g, asOf: asOf)
        let distances = settings.neighbourhood.distances(in: g, strengths: strengths)
        return ConcernClusters(g, strengths: strengths, distances: distances, rules: settings.clusters)
    }

    /// Two cliques around two perpetrators, joined by one weak associate link: two clusters.
    @Test func twoGroupsJoinedByOneLinkAreTwoClusters() throws {
        var entities: [(String, EntityKind, UInt8)] = [("X-1", .perpetrator, 4), ("X-2", .perpetrator, 4)]
        var links: [(String, String, LinkKind, String?)] = []
        for group in 1...2 {
            for i in 1...4 {
                entities.append(("C-\(group)\(i)", .child, 3))
                links.append(("X-\(group)", "C-\(group)\(i)", .exploits, "1A"))
                for j in 1..<i { links.append(("C-\(group)\(j)", "C-\(group)\(i)", .associate, "1A")) }
            }
        }
        links.append(("C-14", "C-21", .associate, "3D"))
        let g = try graph(entities, links)
        let found = clusters(g)
        #expect(found.clusters.count == 2)
        let groups = Set(found.clusters.map { Set($0.members.map(g.id(of:))) })
        #expect(groups == [["X-1", "C-11", "C-12", "C-13", "C-14"], ["X-2", "C-21", "C-22", "C-23", "C-24"]])
        for cluster in found.clusters {
            #expect(cluster.highestRisk == 4)
            #expect(cluster.countsByKind[Int(EntityKind.child.rawValue)] == 4)
            #expect(abs(cluster.density - 10.0 / 10.0) < 1e-12)  // 4 exploits + 6 associate links among 5
        }
        #expect((found.modularity ?? 0) > 0.3)
    }

    @Test func eGradedLinksAndSchoolsDoNotJoinAndOrdinaryContextsAreNotWalkedThrough() throws {
        let g = try graph(
            [
                ("C-1", .child, 3), ("P-1", .peer, 0), ("P-2", .peer, 0), ("S-1", .school, 0), ("C-2", .child, 2),
                ("X-1", .perpetrator, 4), ("L-1", .location, 1), ("P-3", .peer, 0), ("P-4", .peer, 0),
            ],
            [
                ("C-1", "P-1", .associate, nil), ("C-1", "P-2", .associate, nil), ("P-1", "P-2", .associate, nil),
                ("C-1", "S-1", .attends, nil), ("C-2", "S-1", .attends, nil),
                ("X-1", "C-1", .exploits, "3E"),  // E-graded: no strength
                ("X-1", "C-2", .exploits, "1A"), ("X-1", "P-3", .associate, nil), ("C-2", "P-3", .associate, nil),
                ("C-2", "L-1", .frequents, nil), ("P-4", "L-1", .frequents, nil),  // P-4 is two hops, through a place
            ])
        let found = clusters(g)
        let groups = Set(found.clusters.map { Set($0.members.map(g.id(of:))) })
        // L-1 is one hop from C-2, so a member; P-4 is two hops, through an ordinary place, so not.
        #expect(groups == [["C-1", "P-1", "P-2"], ["C-2", "X-1", "P-3", "L-1"]])
        #expect(found.suspectedFalseLinks == 1)
        #expect(!found.clusters.contains { $0.members.contains { g.id(of: $0) == "P-4" } })
        // The school both children attend is a shared context of neither cluster (one member each).
        #expect(found.clusters.allSatisfy { $0.sharedContexts.isEmpty })
    }

    @Test func smallCommunitiesLeaveTheirSeedsUnclustered() throws {
        let g = try graph(
            [("C-1", .child, 3), ("C-2", .child, 3), ("P-1", .peer, 0)], [("C-2", "P-1", .associate, nil)])
        let found = clusters(g)
        #expect(found.clusters.isEmpty)
        #expect(found.unclusteredSubjects.map(g.id(of:)) == ["C-1", "C-2"])
    }

    @Test func sameSeedSameClustersAndIdsFollowTheAnchor() throws {
        let g = try graph(
            [("C-7", .child, 3), ("P-1", .peer, 0), ("P-2", .peer, 0), ("X-9", .perpetrator, 4)],
            [("C-7", "P-1", .associate, nil), ("X-9", "C-7", .exploits, nil), ("P-2", "C-7", .sibling, nil)])
        let a = clusters(g), b = clusters(g)
        #expect(a.clusters.map(\.members) == b.clusters.map(\.members))
        let id = try #require(a.clusters.first?.stableID)
        #expect(id == ConcernClusters.stableID(for: "C-7"))
        #expect(id.hasPrefix("K-") && id.count == 14 && !id.contains("C-7"))
        #expect(
            ConcernClusters.stableID(for: "Y-1").dropFirst(2).prefix(6)
                != ConcernClusters.stableID(for: "Y-2").dropFirst(2).prefix(6))
    }

    @Test func emptyAndEdgelessDatasets() throws {
        #expect(clusters(try graph([], [])).clusters.isEmpty)
        let lone = try graph([("X-1", .perpetrator, 4)], [])
        #expect(clusters(lone).unclusteredSubjects.count == 1)
    }
}
