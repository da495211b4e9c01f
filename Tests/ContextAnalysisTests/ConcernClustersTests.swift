import ContextModel
import Testing

@testable import ContextAnalysis

@Suite("Concern clusters")
struct ConcernClustersTests {
    /// Builds a graph from compact descriptions: `("C-1", .child, 3)` and `("C-1", "P-1", .associate, "1A")`.
    private func graph(
        _ entities: [(String, EntityKind, UInt8)], _ links: [(String, String, LinkKind, String?)]
    ) throws -> ContextGraph {
        var builder = ContextGraph.Builder()
        for (id, kind, risk) in entities { _ = builder.addEntity(id: id, kind: kind, riskLevel: risk) }
        for (source, target, kind, grading) in links {
            let s = try #require(builder.index(of: source)), t = try #require(builder.index(of: target))
            _ = builder.addLink(
                .init(source: s, target: t, kind: kind, grading: grading.flatMap { Grading(code: $0)?.packed } ?? 0))
        }
        return builder.freeze()
    }

    @Test func clustersFormAroundSubjectsAndIgnoreOrdinaryContextsAndEGradedLinks() throws {
        let g = try graph(
            [
                ("C-1", .child, 3), ("P-1", .peer, 0), ("P-2", .peer, 0), ("S-1", .school, 0), ("C-2", .child, 2),
                ("X-1", .perpetrator, 4), ("L-1", .location, 4), ("P-3", .peer, 0), ("L-2", .location, 1),
            ],
            [
                ("C-1", "P-1", .associate, nil), ("P-1", "P-2", .associate, nil),  // P-1—P-2 touches no subject
                ("C-1", "S-1", .attends, nil), ("C-2", "S-1", .attends, nil),  // a school does not join
                ("X-1", "C-2", .exploits, "2B"), ("X-1", "C-1", .exploits, "3E"),  // E-graded: left out
                ("C-2", "L-1", .frequents, nil), ("P-3", "L-1", .frequents, nil),  // L-1 is a subject: P-3 joins
                ("C-1", "L-2", .frequents, nil), ("C-2", "L-2", .frequents, nil),  // L-2 is not: it joins nobody
            ])
        let found = ConcernClusters(g)
        let members = found.clusters.map { $0.members.map(g.id(of:)) }
        #expect(members == [["C-2", "X-1", "L-1", "P-3"], ["C-1", "P-1"]])
        #expect(found.clusters[0].highestRisk == 4)
        #expect(found.clusters[0].countsByKind[Int(EntityKind.perpetrator.rawValue)] == 1)
        #expect(found.suspectedFalseLinks == 1)
        #expect(found.unclusteredSubjects.isEmpty)
    }

    @Test func isolatedSubjectsAreUnclusteredAndMinimumSizeApplies() throws {
        let g = try graph(
            [("C-1", .child, 3), ("C-2", .child, 3), ("P-1", .peer, 0), ("P-2", .peer, 0)],
            [("C-2", "P-1", .associate, nil), ("P-1", "P-2", .associate, nil)])
        #expect(ConcernClusters(g).unclusteredSubjects.map(g.id(of:)) == ["C-1"])
        let strict = ConcernClusters(g, rules: ConcernRules(minimumClusterSize: 3))
        #expect(strict.clusters.isEmpty)
        #expect(strict.unclusteredSubjects.map(g.id(of:)) == ["C-1", "C-2"])
    }

    @Test func stableIdFollowsTheAnchorNotTheRestOfTheCluster() throws {
        let small = try graph([("C-7", .child, 3), ("P-1", .peer, 0)], [("C-7", "P-1", .associate, nil)])
        let grown = try graph(
            [("Z-0", .peer, 0), ("P-1", .peer, 0), ("C-7", .child, 3), ("X-9", .perpetrator, 4)],
            [("C-7", "P-1", .associate, nil), ("X-9", "C-7", .exploits, nil), ("Z-0", "C-7", .sibling, nil)])
        let a = try #require(ConcernClusters(small).clusters.first)
        let b = try #require(ConcernClusters(grown).clusters.first)
        #expect(a.stableID == b.stableID)
        #expect(a.stableID.hasPrefix("K-") && a.stableID.count == 14)
        #expect(!a.stableID.contains("C-7"))
        #expect(ConcernClusters.stableID(for: "C-7") != ConcernClusters.stableID(for: "c-7"))
    }

    @Test func emptyAndEdgelessDatasets() throws {
        #expect(ConcernClusters(try graph([], [])).clusters.isEmpty)
        let lone = try graph([("X-1", .perpetrator, 4)], [])
        #expect(ConcernClusters(lone).unclusteredSubjects.count == 1)
    }
}
