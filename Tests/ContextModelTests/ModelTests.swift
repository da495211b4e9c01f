import Foundation
import Testing

@testable import ContextModel

@Suite("Model values")
struct ModelTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("1900-02-29", false), ("2000-02-29", true),
        ("2024-04-31", false), ("2024-12-31", true), ("2024-13-01", false), ("2024-00-10", false),
        ("2024-1-01", false), ("24-01-01", false), ("2024/01/01", false), ("2024-01-01 ", false), ("", false),
        ("0000-01-01", false), ("9999-12-31", true),
    ])
    func onlyRealCalendarDatesParse(text: String, valid: Bool) {
        #expect((Day(iso: text) != nil) == valid)
        if valid { #expect(Day(iso: text)?.description == text) }
    }

    @Test func daysCountFromTheEpochAndRoundTrip() throws {
        #expect(Day(iso: "1970-01-01")?.rawValue == 0)
        #expect(Day(iso: "2024-09-30")?.rawValue == 19_996)
        #expect(Day(iso: "1969-12-31")?.rawValue == -1)
        #expect(Day(iso: "0001-01-01")?.rawValue == -719_162)
        #expect(Day(iso: "9999-12-31")?.rawValue == 2_932_896)
        for raw in stride(from: Int32(-719_162), through: 2_932_896, by: 997) {
            let day = Day(rawValue: raw)
            #expect(Day(iso: day.description) == day)
        }
    }

    @Test(arguments: [
        ("1A", "1A", false), ("2b", "2B", false), ("3E", "3E", true), ("3ep", "3EP", true), ("1AC", "1AC", false),
    ])
    func gradingsParseAndPack(code: String, canonical: String, suspectedFalse: Bool) throws {
        let grading = try #require(Grading(code: code))
        #expect(grading.description == canonical)
        #expect(grading.isSuspectedFalse == suspectedFalse)
        #expect(Grading(packed: grading.packed) == grading)
    }

    @Test(arguments: ["", "4A", "0A", "1F", "A1", "1", "1AX", "11A", "１A"])
    func malformedGradingsAreRefused(code: String) {
        #expect(Grading(code: code) == nil)
    }

    @Test func gradingOrderPrefersIntelligenceThenSource() throws {
        let a1 = try #require(Grading(code: "1A")), b1 = try #require(Grading(code: "1B"))
        let a3 = try #require(Grading(code: "3A"))
        #expect(a1.isBetterEvidenced(than: b1))
        #expect(a3.isBetterEvidenced(than: b1))
        #expect(a1.isBetterEvidenced(than: a3))
    }

    @Test func linkShapesFollowTheContract() {
        #expect(LinkKind.attends.shapeProblem(source: .child, target: .school) == nil)
        #expect(LinkKind.attends.shapeProblem(source: .school, target: .school) != nil)
        #expect(LinkKind.exploits.shapeProblem(source: .perpetrator, target: .peer) == nil)
        #expect(LinkKind.exploits.shapeProblem(source: .perpetrator, target: .perpetrator) != nil)
        #expect(LinkKind.member.shapeProblem(source: .peer, target: .group) == nil)
        #expect(LinkKind.sibling.shapeProblem(source: .child, target: .location) != nil)
        for kind in LinkKind.allCases { #expect(LinkKind(name: kind.name) == kind) }
        for kind in EntityKind.allCases { #expect(EntityKind(name: kind.name) == kind) }
        #expect(EntityKind(name: "Child") == nil)
    }

    @Test func builderMergesDuplicatesEitherWayForUndirectedKindsOnly() throws {
        var builder = ContextGraph.Builder()
        let addedA = builder.addEntity(id: "A", kind: .perpetrator)
        let addedB = builder.addEntity(id: "B", kind: .child)
        let a = try #require(addedA), b = try #require(addedB)
        #expect(builder.addEntity(id: "A", kind: .peer) == nil)
        #expect(builder.addLink(.init(source: a, target: b, kind: .associate, weight: 2)) == .added(0))
        #expect(builder.addLink(.init(source: b, target: a, kind: .associate, weight: 5)) == .merged(into: 0))
        #expect(builder.addLink(.init(source: a, target: b, kind: .exploits)) == .added(1))
        #expect(builder.addLink(.init(source: b, target: a, kind: .exploits)) == .added(2))
        let graph = builder.freeze()
        graph.checkInvariants()
        #expect(graph.links.weights == [5, 1, 1])
        #expect(graph.degree(of: a) == 3)
        #expect(graph.index(of: "B") == b)
        #expect(graph.index(of: "b") == nil)
    }

    @Test func kindsAreCodedByTheirDataFileSpelling() throws {
        let encoded = try JSONEncoder().encode([LinkKind.onlineContact, .exploits])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"online_contact\",\"exploits\"]")
        #expect(try JSONDecoder().decode([EntityKind].self, from: Data("[\"school\"]".utf8)) == [.school])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([EntityKind].self, from: Data("[\"School\"]".utf8))
        }
    }

    @Test func redactedValuesNeverPrint() {
        let secret = Redacted("Amelia Secret")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        #expect(secret.revealed == "Amelia Secret")
    }
}
