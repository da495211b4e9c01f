import ContextModel
import Testing

@testable import ContextIngest

/// One fixture folder per failure mode; every expected diagnostic is the full string, and the
/// test checks that all of them, and only they, are reported.
@Suite("Validation diagnostics")
struct ValidationTests {
    @Test func quotingEdgeCasesLoadCleanly() throws {
        let (report, loaded) = try loadFixture("quoting")
        let dataset = try #require(loaded)
        #expect(report.diagnostics.isEmpty)
        #expect(dataset.graph.entities.ids == ["C-1", "P-1", "S-1", "L-1"])
        #expect(
            dataset.personal.labels.map { $0?.revealed } == ["Smith, Jo", "Line one\r\nline two", "Hill School", nil])
        #expect(dataset.personal.entityAttributes.revealed.names == ["source_system"])
        #expect(dataset.personal.entityAttributes.revealed.values == [["sys \"A\""], [nil], ["x"], [nil]])
        #expect(dataset.graph.entities.riskLevels == [3, 0, 0, 2])
        #expect(dataset.graph.links.count == 4)
        #expect(dataset.graph.links.weights == [3, 1, 1, 5])
        #expect(dataset.graph.links.grading(2)?.description == "2B")
        // Line numbers count the line break inside the quoted label.
        #expect(report.files.map(\.rows) == [4, 4])
    }

    @Test func unterminatedQuoteNamesItsLineAndColumn() throws {
        try expectDiagnostics(
            "unterminated-quote",
            [
                "links.csv:3:5: error: unterminated quoted field (no closing quote before the end of the file); lines 3 to 4 were read as this one field"
            ])
    }

    @Test func raggedRowsAreReported() throws {
        try expectDiagnostics(
            "ragged-row",
            [
                "entities.csv:3:1: error: row has 2 fields; the header has 4",
                "entities.csv:4:14: error: row has 5 fields; the header has 4",
                "links.csv:2:5: error: target 'P-2' refers to an entity whose row has errors (entities.csv line 4)",
                "entities.csv:2:1: warning: child 'C-1' has no links",
            ])
    }

    @Test func missingRequiredColumnsRejectEvenWhenLenient() throws {
        let expected = [
            "entities.csv:1:1: error: missing required column 'kind'",
            "links.csv:1:1: error: missing required column 'target'",
        ]
        try expectDiagnostics("missing-column", expected)
        let (report, loaded) = try loadFixture("missing-column", policy: .lenient)
        #expect(loaded == nil)
        #expect(report.errors.map(\.description) == expected)
    }

    @Test func duplicateIdPointsAtTheFirstDefinition() throws {
        try expectDiagnostics("duplicate-id", ["entities.csv:4:1: error: duplicate id 'C-1'; first defined on line 2"])
    }

    @Test func valuesOutOfRangeOrListAndImpossibleDatesAreAllReported() throws {
        try expectDiagnostics(
            "bad-values",
            [
                "entities.csv:2:15: error: risk_level '5' is out of range; expected a MACE level 1 to 4",
                "entities.csv:2:17: error: unknown exploitation 'drugs'; expected ';'-separated values from: cse, cce, county_lines, missing, trafficking, modern_slavery, radicalisation, youth_violence, harmful_relationship",
                "entities.csv:2:28: error: dob is not a real date in the form YYYY-MM-DD",
                "entities.csv:3:5: error: unknown kind 'person'; expected one of: child, peer, perpetrator, location, school, group",
                "entities.csv:4:22: error: unknown category 'beach'; expected one of: park, takeaway, shop, address, transport, online, licensed_premises, other",
                "entities.csv:4:29: error: updated value '2024-13-01' is not a real date in the form YYYY-MM-DD",
                "entities.csv:5:13: error: risk_level '0' is out of range; expected a MACE level 1 to 4",
                "links.csv:2:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:2:5: error: target 'L-1' refers to an entity whose row has errors (entities.csv line 4)",
                "links.csv:2:19: error: weight '9' is out of range; expected 1 to 5",
                "links.csv:3:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:5: error: target 'L-1' refers to an entity whose row has errors (entities.csv line 4)",
                "links.csv:3:9: error: unknown kind 'visits'; expected one of: associate, attends, frequents, exploits, relationship, member, online_contact, sibling",
                "links.csv:4:1: error: source 'P-2' refers to an entity whose row has errors (entities.csv line 5)",
                "links.csv:4:5: error: target 'L-1' refers to an entity whose row has errors (entities.csv line 4)",
                "links.csv:4:23: error: unknown agency 'army'; expected one of: police, social_care, education, health, yot, community_safety, housing, voluntary",
                "links.csv:4:28: error: grading '4A' is not a 3x5x2 grade; expected source 1-3 then intelligence A-E, e.g. 1A, 2B, 3E",
                "links.csv:5:1: error: source 'P-2' refers to an entity whose row has errors (entities.csv line 5)",
                "links.csv:5:5: error: target 'L-1' refers to an entity whose row has errors (entities.csv line 4)",
                "links.csv:5:20: error: first_seen value '24-01-01' is not a real date in the form YYYY-MM-DD",
                "links.csv:5:31: error: grading '1F' is not a 3x5x2 grade; expected source 1-3 then intelligence A-E, e.g. 1A, 2B, 3E",
            ])
    }

    @Test func unknownIdsAndWrongShapesInEveryFile() throws {
        try expectDiagnostics(
            "references",
            [
                "links.csv:3:9: error: an 'attends' link must end at a school, not a location",
                "links.csv:4:5: error: target 'c-1' is not the id of any entity in entities.csv",
                "links.csv:5:9: error: a 'frequents' link must end at a location, not a group",
                "links.csv:6:9: error: an 'exploits' link must start at a person, not a location",
                "links.csv:7:9: error: an 'exploits' link must end at a child or peer, not a school",
                "links.csv:8:9: error: 'associate' links must join two people, not a child and a location",
                "events.csv:3:25: error: location of an event must be a location, not a school",
                "events.csv:4:21: error: entity of an event must be a person, not a location",
                "events.csv:5:19: error: entity 'Z-9' is not the id of any entity in entities.csv",
                "events.csv:6:12: error: unknown kind 'riot'; expected one of: missing_episode, found_at, incident, arrest, stop_search, weapon, sighting, referral",
                "actions.csv:3:12: error: target 'Q-1' is not the id of any entity in entities.csv",
                "actions.csv:4:1: error: date value '2024-06-31' is not a real date in the form YYYY-MM-DD",
            ])
    }

    @Test func invalidUTF8AndNULArePlacedAndNotEchoed() throws {
        try expectDiagnostics(
            "encoding",
            [
                "entities.csv:3:11: error: invalid UTF-8 (files must be UTF-8 encoded)",
                "entities.csv:4:12: error: NUL byte in the file",
            ])
    }

    @Test func quoteMisuseIsAStructuralError() throws {
        try expectDiagnostics(
            "quote-misuse",
            [
                "entities.csv:2:16: error: text after the closing quote of a quoted field",
                "entities.csv:3:11: error: quote character inside an unquoted field (quote the field and double the quote)",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
            ])
    }

    @Test func emptyFileIsRejected() throws {
        try expectDiagnostics(
            "empty-file", ["entities.csv:1:1: error: file is empty; expected a header row naming the columns"])
    }

    @Test func everyWarningClassIsReportedAndTheRunGoesOn() throws {
        let (report, loaded) = try loadFixture("warnings")
        let dataset = try #require(loaded)
        #expect(
            report.diagnostics.map(\.description) == [
                "links.csv:3:1: warning: duplicate of the link on line 2: merged into it",
                "links.csv:4:5: warning: self-link (source and target are the same entity): dropped",
                "links.csv:5:36: warning: last_seen is before first_seen",
                "links.csv:6:20: warning: link graded E (suspected to be false): kept out of the analysis",
                "entities.csv:3:1: warning: child 'C-2' has no links",
            ])
        // The duplicate is merged: highest weight, earliest first_seen, latest last_seen, best grading.
        #expect(dataset.graph.links.count == 3)
        #expect(dataset.graph.links.weights[0] == 4)
        #expect(dataset.graph.links.firstSeen[0] == Day(iso: "2023-06-01")?.rawValue)
        #expect(dataset.graph.links.lastSeen[0] == Day(iso: "2024-03-01")?.rawValue)
        #expect(dataset.graph.links.grading(0)?.description == "1A")
        #expect(dataset.graph.links.grading(2)?.isSuspectedFalse == true)
        #expect(report.files.map(\.rowsUsed) == [4, 3])
    }

    @Test func lenientModeSetsAsideBadRowsAndTheirDependants() throws {
        let (report, loaded) = try loadFixture("lenient", policy: .lenient)
        let dataset = try #require(loaded)
        #expect(dataset.graph.entities.ids == ["C-1", "P-1"])
        #expect(dataset.graph.links.count == 1)
        #expect(
            report.setAside == [
                SetAsideRow(
                    file: "entities.csv", line: 3,
                    reason: "risk_level '7' is out of range; expected a MACE level 1 to 4"),
                SetAsideRow(
                    file: "links.csv", line: 3,
                    reason: "source 'C-2' refers to an entity whose row has errors (entities.csv line 3)"),
                SetAsideRow(
                    file: "links.csv", line: 4, reason: "a 'frequents' link must end at a location, not a peer"),
            ])
        let (strict, rejected) = try loadFixture("lenient", policy: .strict)
        #expect(rejected == nil)
        #expect(strict.errors.count == 3)
    }

    @Test func personalDataIsNeverEchoedInMessages() throws {
        for name in ["bad-values", "references", "encoding", "quoting", "warnings"] {
            let (report, _) = try loadFixture(name)
            for diagnostic in report.diagnostics {
                for secret in ["Ann", "Smith", "2009-02-30", "secret note", "ran off", "Park", "Hill"] {
                    #expect(!diagnostic.message.contains(secret), "\(name): \(diagnostic)")
                }
            }
        }
    }

    private func expectDiagnostics(
        _ name: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (report, loaded) = try loadFixture(name)
        #expect(report.diagnostics.map(\.description) == expected, sourceLocation: sourceLocation)
        #expect((loaded == nil) == expected.contains { $0.contains(": error: ") }, sourceLocation: sourceLocation)
    }
}
