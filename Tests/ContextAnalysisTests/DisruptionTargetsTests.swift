import ContextModel
import Testing

@testable import ContextAnalysis

@Suite("Disruption targets")
struct DisruptionTargetsTests {
    /// Children C-1..C-3 reach perpetrator X-1 only through peer P-1 or takeaway L-1; C-4 is
    /// exploited by X-1 directly. The only cut that separates C-1..C-3 is {P-1, L-1}.
    @Test func cutNeverNamesAChildAndDirectExposuresAreListedApart() throws {
        var builder = ContextGraph.Builder()
        var index: [String: EntityIndex] = [:]
        let entities: [(String, EntityKind, UInt8)] = [
            ("C-1", .child, 3), ("C-2", .child, 3), ("C-3", .child, 2), ("C-4", .child, 4), ("P-1", .peer, 0),
            ("L-1", .location, 3), ("X-1", .perpetrator, 4),
        ]
        for (id, kind, level) in entities { index[id] = builder.addEntity(id: id, kind: kind, riskLevel: level) }
        func link(_ a: String, _ b: String, _ kind: LinkKind) throws {
            let s = try #require(index[a]), t = try #require(index[b])
            _ = builder.addLink(
                .init(source: s, target: t, kind: kind, weight: 5, grading: Grading(code: "1A")?.packed ?? 0))
        }
        for child in ["C-1", "C-2", "C-3"] { try link(child, "P-1", .associate) }
        try link("C-1", "C-2", .associate)
        try link("C-3", "L-1", .frequents)
        try link("X-1", "L-1", .frequents)
        try link("X-1", "P-1", .associate)
        try link("X-1", "C-4", .exploits)
        let g = builder.freeze()
        var settings = AnalysisSettings()
        settings.clusters.resolution = 0.1  // one cluster
        let analysis = try Analysis(g, asOf: Day(rawValue: 20_000), settings: settings)
        #expect(analysis.clusters.clusters.count == 1)
        let targets = try #require(analysis.disruption.first)
        #expect(targets.minimumCut?.map(g.id(of:)).sorted() == ["L-1", "P-1"])
        #expect(targets.childrenBehindCut == 3)
        #expect(targets.directExposures.map { [g.id(of: $0.child), g.id(of: $0.perpetrator)] } == [["C-4", "X-1"]])
        #expect(targets.articulationPoints.map(g.id(of:)).contains("X-1"))
        // P-1 alone separates C-1 and C-2 from X-1 (C-3 still reaches X-1 through L-1).
        let best = try #require(targets.ranking.first)
        #expect(g.id(of: best.entity) == "P-1" && best.children == 2)
        let chosen = try #require(targets.keyPlayers).entities.map { g.entities.kinds[$0.int] }
        #expect(!chosen.contains(.child))
    }
}
