import ContextAnalysis
import ContextIngest
import ContextModel
import ContextTestSupport
import Foundation
import Testing

/// Graphs shaped to hurt, loaded from CSV and run through the whole analysis: a long chain (no
/// recursion may follow it), a star (one vertex with every link), a complete graph (every pair
/// linked). These are the quick sizes for `swift test` in a debug build;
/// `Tests/Hardening/shapes.py` runs the full sizes (200,000-chain, 50,000-star,
/// complete graph on 2,000) through the release binary, maps included, and prints the figures.
@Suite("Graphs shaped to hurt", .serialized)
struct HostileShapeTests {
    private func analyse(entities: [String], links: [String]) throws -> (ContextGraph, Analysis) {
        try withTemporaryDirectory { folder in
            try Data(("id,kind,risk_level\n" + entities.joined(separator: "\n") + "\n").utf8)
                .write(to: URL(fileURLWithPath: folder + "/entities.csv"))
            try Data(("source,target,kind,weight,grading\n" + links.joined(separator: "\n") + "\n").utf8)
                .write(to: URL(fileURLWithPath: folder + "/links.csv"))
            let dataset = try DatasetLoader().load(folder: folder)
            #expect(dataset.report.diagnostics.isEmpty)
            let asOf = try #require(Day(iso: "2024-09-30"))
            let analysis = try Analysis(dataset.graph, asOf: asOf, settings: AnalysisSettings())
            return (dataset.graph, analysis)
        }
    }

    private func clusteredMembers(_ analysis: Analysis) -> Int {
        analysis.clusters.clusters.reduce(0) { $0 + $1.members.count }
    }

    /// 20,000 children in a path; the full 200,000 runs in shapes.py.
    @Test func longChain() throws {
        let n = 20_000
        let (graph, analysis) = try analyse(
            entities: (0..<n).map { "C-\($0),child,3" }, links: (1..<n).map { "C-\($0 - 1),C-\($0),associate,3,1B" })
        #expect(graph.entities.count == n)
        #expect(graph.links.count == n - 1)
        #expect(analysis.distances.allSatisfy { $0 == 0 })
        // Leiden cuts a path into connected runs; every child lands in exactly one cluster.
        #expect(clusteredMembers(analysis) + analysis.clusters.unclusteredSubjects.count == n)
    }

    /// One perpetrator exploiting 5,000 children; the full 50,000 runs in shapes.py.
    @Test func star() throws {
        let n = 5_000
        let (graph, analysis) = try analyse(
            entities: ["X-0,perpetrator,4"] + (0..<n).map { "C-\($0),child,3" },
            links: (0..<n).map { "X-0,C-\($0),exploits,3,1B" })
        #expect(graph.links.count == n)
        #expect(analysis.distances.allSatisfy { $0 == 0 })
        // A star is one community: the hub with every leaf.
        #expect(analysis.clusters.clusters.count == 1)
        #expect(clusteredMembers(analysis) == n + 1)
    }

    /// Every pair of 150 children linked (11,175 links); the full 2,000 (1,999,000 links) runs in
    /// shapes.py.
    @Test func completeGraph() throws {
        let n = 150
        var links: [String] = []
        for i in 0..<n { for j in (i + 1)..<n { links.append("C-\(i),C-\(j),associate,3,1B") } }
        let (graph, analysis) = try analyse(entities: (0..<n).map { "C-\($0),child,3" }, links: links)
        #expect(graph.links.count == n * (n - 1) / 2)
        #expect(analysis.clusters.clusters.count == 1)
        #expect(clusteredMembers(analysis) == n)
    }
}
