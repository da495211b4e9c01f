import ContextModel
import Testing

@testable import ContextAnalysis

@Suite("Context risk scores")
struct ContextScoringTests {
    /// A hotspot where two children and a perpetrator meet and a missing child was found, and a
    /// decoy: a busy place with fifty ordinary peers, one of them a friend of a child.
    private func world() throws -> (ContextGraph, Day) {
        var builder = ContextGraph.Builder()
        func add(_ id: String, _ kind: EntityKind, _ level: UInt8 = 0, _ category: LocationCategory? = nil)
            -> EntityIndex?
        {
            builder.addEntity(id: id, kind: kind, riskLevel: level, category: category)
        }
        let asOf = try #require(Day(iso: "2024-09-30"))
        let recent = try #require(Day(iso: "2024-09-01")).rawValue
        let first = [
            add("L-HOT", .location, 0, .takeaway), add("L-DECOY", .location, 0, .shop), add("X-1", .perpetrator, 4),
            add("C-1", .child, 4), add("C-2", .child, 3),
        ]
        let hot = try #require(first[0]), decoy = try #require(first[1]), x = try #require(first[2])
        let c1 = try #require(first[3]), c2 = try #require(first[4])
        for person in [x, c1, c2] {
            _ = builder.addLink(
                .init(
                    source: person, target: hot, kind: .frequents, weight: 4, lastSeen: recent,
                    grading: Grading(code: "1B")?.packed ?? 0))
        }
        _ = builder.addLink(
            .init(
                source: x, target: c1, kind: .exploits, weight: 5, lastSeen: recent,
                grading: Grading(code: "1A")?.packed ?? 0))
        for i in 0..<50 {
            let added = add("P-\(i)", .peer)
            let peer = try #require(added)
            _ = builder.addLink(.init(source: peer, target: decoy, kind: .frequents, weight: 5, lastSeen: recent))
            if i == 0 {
                _ = builder.addLink(.init(source: peer, target: c2, kind: .associate, weight: 3, lastSeen: recent))
            }
        }
        builder.addEvent(date: Day(rawValue: recent), kind: .foundAt, entity: c2, location: hot)
        // 400 days old: outside the 90-day window.
        builder.addEvent(date: Day(rawValue: recent - 400), kind: .weapon, entity: c1, location: hot)
        return (builder.freeze(), asOf)
    }

    @Test func oneContextsScoreEqualsItsEntryInTheWholeScoring() throws {
        let (g, asOf) = try world()
        let settings = AnalysisSettings()
        let zero = [Double](repeating: 0, count: g.entities.count)
        // On the as-of date, on the day of the found-missing event, and a year before (no links seen yet).
        for offset: Int32 in [0, -29, -365] {
            let day = Day(rawValue: asOf.rawValue + offset)
            let strengths = settings.strength.strengths(in: g, asOf: day)
            let all = settings.contexts.scores(in: g, strengths: strengths, propagated: zero, asOf: day)
            #expect(all.count == 2)
            for whole in all {
                let one = settings.contexts.score(of: whole.context, in: g, strength: settings.strength, asOf: day)
                #expect(one.components == whole.components, "\(g.id(of: whole.context)) at \(offset)")
                #expect(one.score == whole.score)
            }
        }
    }

    @Test func hotspotOutranksABusyDecoyAndComponentsAreCounted() throws {
        let (g, asOf) = try world()
        let analysis = try Analysis(g, asOf: asOf, settings: AnalysisSettings())
        let ranked = analysis.contexts.map { g.id(of: $0.context) }
        #expect(ranked == ["L-HOT", "L-DECOY"])
        let hot = try #require(analysis.contexts.first)
        #expect(hot.components["children_level_4"] == 1)
        #expect(hot.components["children_level_3"] == 1)
        #expect(hot.components["perpetrators_high"] == 1)
        #expect(hot.components["co_presence"] == 1)
        #expect(hot.components["found_missing"] == 1)
        #expect(hot.components["weapons"] == nil)  // 400 days old: outside the 90-day window
        #expect(hot.components["propagated"] == 10)
        let decoy = analysis.contexts[1]
        #expect(Set(decoy.components.keys) == ["propagated"])
        #expect(decoy.score < hot.score / 3)
    }

    @Test func sensitivityViewDropsLowGradeLinks() throws {
        var builder = ContextGraph.Builder()
        let added = [
            builder.addEntity(id: "L-1", kind: .location), builder.addEntity(id: "C-1", kind: .child, riskLevel: 3),
            builder.addEntity(id: "X-1", kind: .perpetrator, riskLevel: 4),
        ]
        let place = try #require(added[0]), child = try #require(added[1]), weak = try #require(added[2])
        _ = builder.addLink(
            .init(source: child, target: place, kind: .frequents, weight: 5, grading: Grading(code: "1A")?.packed ?? 0))
        _ = builder.addLink(
            .init(source: weak, target: place, kind: .frequents, weight: 5, grading: Grading(code: "3D")?.packed ?? 0))
        let g = builder.freeze()
        let analysis = try Analysis(g, asOf: Day(rawValue: 20_000), settings: AnalysisSettings())
        let score = try #require(analysis.contexts.first)
        let firm = try #require(analysis.contextScoresWithoutLowGrade[place])
        // Without the 3D link the perpetrator and the co-presence (3 + 4) disappear.
        #expect(score.components["perpetrators_high"] == 1)
        #expect(firm < score.score - 6.9)
    }
}
