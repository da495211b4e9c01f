import ContextAnalysis
import ContextModel
import Testing

@testable import ContextReports

private struct FixtureError: Error {}

@Suite("School risk indicator")
struct SchoolReportTests {
    /// Three schools: a small one with 1 child (level 3) among 3 pupils known, a big one with 15 of
    /// 100, and a big one with 5 of 100. Only `attends` links: nothing else scores.
    private func fixture(smallName: String = "Small Primary") throws -> (ContextGraph, [EntityIndex: String], Analysis)
    {
        var builder = ContextGraph.Builder()
        var names: [EntityIndex: String] = [:]
        var next = 0
        func school(_ id: String, _ name: String, pupils: Int, children: Int) throws {
            guard let s = builder.addEntity(id: id, kind: .school, area: "Ward A") else {
                throw FixtureError()
            }
            names[s] = name
            for p in 0..<pupils {
                next += 1
                let kind: EntityKind = p < children ? .child : .peer
                guard
                    let pupil = builder.addEntity(
                        id: "Y-\(next)", kind: kind, riskLevel: kind == .child ? 3 : 0, area: "Ward A")
                else { throw FixtureError() }
                _ = builder.addLink(.init(source: pupil, target: s, kind: .attends, weight: 5))
            }
        }
        try school("S-small", smallName, pupils: 3, children: 1)
        try school("S-high", "High Academy", pupils: 100, children: 15)
        try school("S-low", "Low Academy", pupils: 100, children: 5)
        let graph = builder.freeze()
        let analysis = try Analysis(graph, asOf: try #require(Day(iso: "2024-09-30")), settings: AnalysisSettings())
        return (graph, names, analysis)
    }

    @Test func aSchoolWithThreePupilsKnownIsNotTopByChance() throws {
        let (graph, names, analysis) = try fixture()
        let report = SchoolReport(
            graph: graph, schoolNames: names, analysis: analysis, history: .empty, settings: SchoolSettings())
        let order = report.schools.map(\.id)
        // Raw rates: small 1/3 = 0.33 > high 0.15 > low 0.05; shrunk, the big school with more
        // evidence comes first.
        #expect(order == ["S-high", "S-small", "S-low"])
        let small = try #require(report.schools.first { $0.id == "S-small" })
        #expect(small.pupilsKnown == 3)
        #expect(small.openToMace == ["3": 1])
        #expect(small.drivers.contains { $0.hasPrefix("Few pupils known (3)") })
        #expect(small.movement.direction == "no history")
        #expect(report.history == "Movement: " + ReportHistory.noHistoryNote)
        // Without shrinkage the small school would be first: the prior is what keeps it down.
        let unshrunk = SchoolReport(
            graph: graph, schoolNames: names, analysis: analysis, history: .empty,
            settings: SchoolSettings(priorPupils: 0))
        #expect(unshrunk.schools.first?.id == "S-small")
    }

    @Test func tiersFollowTheDocumentedThresholds() {
        #expect(SchoolReport.tier(of: 2.0, thresholds: [2, 1.25, 0.75]) == 1)
        #expect(SchoolReport.tier(of: 1.99, thresholds: [2, 1.25, 0.75]) == 2)
        #expect(SchoolReport.tier(of: 1.25, thresholds: [2, 1.25, 0.75]) == 2)
        #expect(SchoolReport.tier(of: 0.75, thresholds: [2, 1.25, 0.75]) == 3)
        #expect(SchoolReport.tier(of: 0.74, thresholds: [2, 1.25, 0.75]) == 4)
    }

    @Test func movementComesFromThePreviousRun() throws {
        let (graph, names, analysis) = try fixture()
        let history = ReportHistory(
            previous: .init(
                id: 1, recordedAt: "2024-09-01T00:00:00Z", asOf: "2024-08-31",
                schools: [
                    .init(school: "S-low", score: 2, rank: 1, tier: 1),
                    .init(school: "S-high", score: 1, rank: 3, tier: 3),
                ],
                contexts: [], clusters: []))
        let report = SchoolReport(
            graph: graph, schoolNames: names, analysis: analysis, history: history, settings: SchoolSettings())
        let byID = Dictionary(uniqueKeysWithValues: report.schools.map { ($0.id, $0.movement) })
        #expect(byID["S-high"]?.direction == "up")
        #expect(byID["S-high"]?.places == 2)
        #expect(byID["S-low"]?.direction == "down")
        #expect(byID["S-small"]?.direction == "new")
    }

    @Test func theCSVHasAByteOrderMarkAndNeutralisesFormulas() throws {
        let (graph, names, analysis) = try fixture(smallName: "=HYPERLINK(\"http://x\",\"y\")")
        let report = SchoolReport(
            graph: graph, schoolNames: names, analysis: analysis, history: .empty, settings: SchoolSettings())
        let bytes = SchoolTable.csv(report)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.first.map(String.init) == SchoolTable.header.joined(separator: ","))
        #expect(lines.count == 4)
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
        #expect(!text.contains(",=HYPERLINK"))
    }
}
