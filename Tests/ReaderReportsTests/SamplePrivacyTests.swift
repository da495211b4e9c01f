import ContextReports
import ContextTestSupport
import Foundation
import Testing

@Suite("Reader reports on the sample: privacy promises", .serialized)
struct SamplePrivacyTests {
    /// Tokens of text: runs of characters that can be part of an id (letters, digits, `-`, `_`).
    private func tokens(_ text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                current.append(character)
            } else if !current.isEmpty {
                result.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { result.insert(current) }
        return result
    }

    @Test func aFreshStateFolderSaysNoHistoryExistsYet() async throws {
        let sample = try await SampleReports.shared.value
        #expect(sample.runHistoryNote == ReportHistory.noHistoryNote)
        #expect(sample.firstSchoolsJSON.contains("\"history\" : \"Movement: No history exists yet"))
        #expect(sample.firstSchoolsJSON.contains("\"direction\" : \"no history\""))
        // The later schools report compares with the runs before it.
        #expect(
            sample.text("schools.json").contains("\"history\" : \"Movement: Compared with the run recorded at"))
        // The board on 2024-Q3 compares with the state at the end of 2024-Q2: the run as of
        // 2024-09-30 is later, so it is not used, and the board says so.
        #expect(
            sample.boardHistoryNote
                == "No run is recorded as of 2024-06-30 or earlier (1 recorded as of later dates): trends start here.")
    }

    @Test(arguments: ["board.json", "board.html", "schools.json", "schools.csv"])
    func noPersonIdNameOrDateOfBirthAppears(_ name: String) async throws {
        let sample = try await SampleReports.shared.value
        let text = sample.text(name)
        #expect(!text.isEmpty)
        let found = tokens(text)
        let leakedIDs = sample.personIDs.intersection(found)
        #expect(leakedIDs.isEmpty, "\(name) holds \(leakedIDs.count) person ids")
        let leakedLabels = sample.personLabels.filter { text.contains($0) }
        #expect(leakedLabels.isEmpty, "\(name) holds \(leakedLabels.count) person names")
        let leakedBirthDates = sample.childDatesOfBirth.filter { text.contains($0) }
        #expect(leakedBirthDates.isEmpty, "\(name) holds \(leakedBirthDates.count) dates of birth")
        // The check can fail: the analyst's outputs do hold ids.
        #expect(!sample.personIDs.intersection(tokens(sample.text("network.json"))).isEmpty)
    }

    @Test func noSmallCountIsPublishedAndNoSuppressedCellCanBeRecovered() async throws {
        let sample = try await SampleReports.shared.value
        let board = try ReportEncoding.decode(BoardReport.self, from: sample.files["board.json"] ?? [])
        let threshold = board.suppression.threshold
        #expect(threshold == 5)
        var cells: [BoardReport.Cell] = board.tables.flatMap { $0.cells.joined() }
        cells += board.hotspots.map(\.childrenLinked) + board.clusters.map(\.children)
        cells += board.trend.flatMap(\.measures.values)
        cells += board.outcomes.flatMap {
            [$0.childrenLinkedBefore, $0.childrenLinkedAfter, $0.eventsBefore, $0.eventsAfter]
        }
        cells.append(board.childrenOpen)
        #expect(cells.count > 100)
        for cell in cells {
            if let value = cell.value { #expect(!(1...threshold).contains(value), "a count of \(value) is shown") }
            #expect(cell.suppressed == (cell.value == nil))
        }
        #expect(cells.contains { $0.suppressed })
        var attacked = 0
        for table in board.tables where !table.cells.isEmpty {
            let attack = DisclosureAttack(cells: table.cells.map { $0.map(\.value) }, threshold: threshold)
            #expect(attack.linearlyDetermined().isEmpty, "\(table.name): recovered by linear algebra")
            #expect(attack.intervalDetermined().isEmpty, "\(table.name): recovered by interval reasoning")
            if let exhaustive = attack.bruteForceDetermined(limit: 2_000_000) {
                #expect(exhaustive.isEmpty, "\(table.name): recovered by exhaustive search")
            }
            attacked += 1
        }
        #expect(attacked == 3)
        // A repeated total carries the table's suppression.
        let missing = try #require(board.tables.first { $0.name == "missing_episodes_by_area_and_month" })
        #expect(board.trend.last?.measures["missing_episodes"] == missing.cells.last?.last)
    }

    @Test func theBoardPageHasNoExternalReferenceAndIsMarkedTopAndBottom() async throws {
        let sample = try await SampleReports.shared.value
        let html = sample.text("board.html")
        for forbidden in [
            "http://", "https://", "src=", "href=", "<script", "<link", "@import", "<iframe", "<img", "=\"//",
        ] {
            #expect(!html.lowercased().contains(forbidden), "board.html contains \(forbidden)")
        }
        // The only url() is the chart's own hatch pattern, inside the page.
        var rest = Substring(html)
        while let found = rest.range(of: "url(") {
            #expect(rest[found.upperBound...].hasPrefix("#"))
            rest = rest[found.upperBound...]
        }
        let marking = "<div class=\"marking\">OFFICIAL (aggregated)</div>"
        let first = try #require(html.range(of: marking))
        let heading = try #require(html.range(of: "<h1>"))
        #expect(first.lowerBound < heading.lowerBound)
        let last = try #require(html.range(of: marking, options: .backwards))
        #expect(
            html[last.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
                == "</body>\n</html>".trimmingCharacters(in: .whitespacesAndNewlines))
        // The cluster map is inline SVG with no person on it: one node per cluster, pseudonyms only.
        #expect(html.contains("<svg"))
        #expect(!html.contains("K-"))  // no analyst cluster id
        #expect(!html.contains("OFFICIAL-SENSITIVE"))
    }

    @Test func theSchoolsCSVOpensInASpreadsheet() async throws {
        let sample = try await SampleReports.shared.value
        let bytes = sample.files["schools.csv"] ?? []
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines.first.map(String.init) == SchoolTable.header.joined(separator: ","))
        #expect(lines.count == 13)  // 12 schools
    }
}
