import ContextModel
import Testing

@testable import ContextAnalysis

@Suite("Reasons, unreferred peers and context weighting")
struct ExplanationTests {
    /// X-1 (level 4) exploits C-1 (level 3) at takeaway L-1; peer P-1 also frequents L-1 and is
    /// exploited by X-1 but not referred; P-2 is an ordinary friend of P-1 with nothing else; C-2
    /// is a child whose only exposure is a friendship with C-1.
    private func world() throws -> (ContextGraph, Day) {
        var builder = ContextGraph.Builder()
        let asOf = try #require(Day(iso: "2024-09-30"))
        let recent = asOf.rawValue - 12
        let ids: [(String, EntityKind, UInt8, LocationCategory?)] = [
            ("X-1", .perpetrator, 4, nil), ("C-1", .child, 3, nil), ("L-1", .location, 4, .takeaway),
            ("P-1", .peer, 0, nil), ("P-2", .peer, 0, nil), ("O-1", .location, 0, .online), ("C-2", .child, 2, nil),
        ]
        var index: [String: EntityIndex] = [:]
        for (id, kind, level, category) in ids {
            index[id] = builder.addEntity(id: id, kind: kind, riskLevel: level, category: category)
        }
        func link(_ a: String, _ b: String, _ kind: LinkKind, _ grading: String) throws {
            let s = try #require(index[a]), t = try #require(index[b])
            _ = builder.addLink(
                .init(
                    source: s, target: t, kind: kind, weight: 5, lastSeen: recent,
                    grading: Grading(code: grading)?.packed ?? 0))
        }
        try link("X-1", "C-1", .exploits, "1B")
        try link("X-1", "L-1", .frequents, "2B")
        try link("C-1", "L-1", .frequents, "1A")
        try link("P-1", "L-1", .frequents, "2A")
        try link("X-1", "P-1", .exploits, "2C")
        try link("P-1", "P-2", .associate, "1A")
        try link("C-1", "O-1", .frequents, "1A")
        try link("C-2", "C-1", .associate, "2B")  // a second, less exposed child sets the quartile
        let p1 = try #require(index["P-1"])
        builder.addEvent(date: Day(rawValue: recent), kind: .missingEpisode, entity: p1, location: nil)
        return (builder.freeze(), asOf)
    }

    @Test func pathsNameEachStepWithItsLevelGradingAndAge() throws {
        let (g, asOf) = try world()
        let strengths = StrengthModel().strengths(in: g, asOf: asOf)
        let target = try #require(g.index(of: "L-1"))
        let described = RiskPaths().paths(to: target, in: g, strengths: strengths).map {
            RiskPaths.describe($0, in: g, asOf: asOf)
        }
        #expect(described.first == "location L-1 <- child C-1 (level 3; frequents, graded 1A, 12 days old)")
        #expect(described.contains("location L-1 <- perpetrator X-1 (level 4; frequents, graded 2B, 12 days old)"))
        #expect(described.count == 3)
    }

    @Test func exploitedPeerIsFlaggedWithReasonsAndItsFriendIsNot() throws {
        let (g, asOf) = try world()
        let analysis = try Analysis(g, asOf: asOf, settings: AnalysisSettings())
        let flagged = analysis.notReferred.flags.map { g.id(of: $0.person) }
        #expect(flagged == ["P-1"])
        let reasons = try #require(analysis.notReferred.flags.first?.reasons)
        #expect(reasons.contains("exploits link from X-1, graded 2C"))
        #expect(reasons.contains("linked to hotspot L-1 (frequents)"))
        #expect(reasons.contains("1 missing episode in the last 90 days"))
        #expect(analysis.explanations[try #require(g.index(of: "P-1"))]?.isEmpty == false)
    }

    @Test func contextWeightingSharesSumToOneByTheDocumentedTable() throws {
        let (g, asOf) = try world()
        let strengths = StrengthModel().strengths(in: g, asOf: asOf)
        let members = ["X-1", "C-1", "L-1"].compactMap { g.index(of: $0) }
        let shares = ContextWeighting.shares(of: members, in: g, strengths: strengths)
        #expect(abs(shares.values.reduce(0, +) - 1) < 1e-12)
        #expect(shares["online"] ?? 0 > 0)  // C-1 frequents an online space
        #expect(shares["exploitation"] ?? 0 > 0)
        #expect(shares["school"] == 0 && shares["group"] == 0)
        #expect(ContextWeighting.context(of: 6, in: g) == "online")
        #expect(ContextWeighting.context(of: 1, in: g) == "neighbourhood")
    }
}
