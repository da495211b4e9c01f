import ContextAnalysis
import ContextModel
import Testing

@testable import ContextReports

private struct FixtureError: Error {}

@Suite("Outcome measures")
struct OutcomeMeasuresTests {
    @Test func actionsAreJudgedOnlyWhenThereIsEnoughDataOnBothSides() throws {
        var builder = ContextGraph.Builder()
        guard let place = builder.addEntity(id: "L-1", kind: .location, category: .takeaway),
            let quiet = builder.addEntity(id: "L-2", kind: .location, category: .park),
            let first = Day(iso: "2024-01-01"), let last = Day(iso: "2024-05-20"), let found = Day(iso: "2024-05-10"),
            let action = Day(iso: "2024-06-01"), let recent = Day(iso: "2024-09-20"), let asOf = Day(iso: "2024-09-30")
        else { throw FixtureError() }
        for i in 0..<4 {
            guard let child = builder.addEntity(id: "C-\(i)", kind: .child, riskLevel: 3) else { throw FixtureError() }
            // Seen at the takeaway until shortly before the closure, not after.
            _ = builder.addLink(
                .init(
                    source: child, target: place, kind: .frequents, weight: 4, firstSeen: first.rawValue,
                    lastSeen: last.rawValue))
            if i < 2 { builder.addEvent(date: found, kind: .foundAt, entity: child, location: place) }
        }
        builder.addAction(date: action, target: place, kind: .closure, agency: .police)
        builder.addAction(date: action, target: quiet, kind: .patrol, agency: nil)
        builder.addAction(date: recent, target: place, kind: .licensingVisit, agency: nil)
        let graph = builder.freeze()
        let analysis = try Analysis(graph, asOf: asOf, settings: AnalysisSettings())
        let outcomes = OutcomeMeasures(graph: graph, analysis: analysis, settings: OutcomeSettings())
        #expect(outcomes.actions.map(\.verdict) == ["improved", "too little data to judge", "too early to judge"])
        let closure = try #require(outcomes.actions.first)
        #expect(closure.before.childrenLinked == 4)
        #expect(closure.after.childrenLinked == 0)
        #expect(closure.before.events == 2)
        #expect(closure.after.events == 0)
        #expect((closure.before.contextScore ?? 0) > (closure.after.contextScore ?? 0))
        #expect(closure.before.from == "2024-04-20")
        #expect(closure.after.to == "2024-07-13")
        // Too little to judge anything: the note says so plainly.
        #expect(outcomes.note.hasPrefix("The data is too thin to judge interventions: only 1 of 3 actions"))
    }
}
