import ContextModel
import Testing

@testable import ContextIngest

/// Warnings are listed with their location up to `limits.warning_locations` of each kind, then
/// only counted (issue 12, item 11): millions of duplicate links must not cost a message each.
@Suite("Warnings bounded per kind")
struct WarningCapTests {
    private static let entities = "id,kind\nC-1,child\nP-1,peer\nP-2,peer\n"

    /// `duplicates` copies of one link, then `gradedE` links graded E between two other people.
    private static func links(duplicates: Int, gradedE: Int) -> String {
        var text = "source,target,kind,grading\n"
        for _ in 0..<duplicates { text += "C-1,P-1,associate,\n" }
        for _ in 0..<gradedE { text += "P-1,P-2,associate,3E\n" }
        return text
    }

    private func load(_ links: String, cap: Int, parallel: Bool) throws -> ValidationReport {
        var loader = DatasetLoader(limits: IngestLimits(warningLocations: cap))
        loader.parallelThreshold = parallel ? 0 : Int.max
        return try loader.load(files: [
            (name: "entities.csv", bytes: Array(Self.entities.utf8)), (name: "links.csv", bytes: Array(links.utf8)),
        ]).report
    }

    @Test(arguments: [false, true])
    func eachKindIsListedUpToTheCapThenCounted(parallel: Bool) throws {
        let report = try load(Self.links(duplicates: 251, gradedE: 3), cap: 100, parallel: parallel)
        #expect(
            report.warningCounts == [
                WarningCount(kind: .gradedE, count: 3, listed: 3),
                WarningCount(kind: .duplicateLink, count: 252, listed: 100),
            ])
        #expect(report.warningCount == 255)
        #expect(report.warnings.count == 103)
        let duplicates = report.warnings.filter { $0.kind == .duplicateLink }
        #expect(duplicates.map(\.line) == Array(3...102))
        #expect(
            duplicates.first?.description == "links.csv:3:1: warning: duplicate of the link on line 2: merged into it")
        // The E-graded links come after the cap was reached for duplicates and are still listed.
        #expect(report.warnings.filter { $0.kind == .gradedE }.map(\.line) == [253, 254, 255])
        #expect(
            report.warningLines.suffix(1) == [
                "warning: and 152 more duplicate_link warnings (100 of 252 listed; limits.warning_locations)"
            ])
    }

    @Test func aCapOfZeroListsNothingAndCountsEverything() throws {
        let report = try load(Self.links(duplicates: 5, gradedE: 2), cap: 0, parallel: false)
        #expect(report.warnings.isEmpty)
        #expect(report.warningCount == 7)
        #expect(
            report.warningLines == [
                "warning: and 2 more graded_e warnings (0 of 2 listed; limits.warning_locations)",
                "warning: and 5 more duplicate_link warnings (0 of 5 listed; limits.warning_locations)",
            ])
    }

    @Test func underTheCapNothingIsSummarised() throws {
        let report = try load(Self.links(duplicates: 3, gradedE: 0), cap: 100, parallel: false)
        #expect(report.warningLines == report.warnings.map(\.description))
        #expect(report.warningCounts == [WarningCount(kind: .duplicateLink, count: 2, listed: 2)])
    }

    @Test func theDefaultCapIsAHundred() {
        #expect(IngestLimits().warningLocations == 100)
    }
}
