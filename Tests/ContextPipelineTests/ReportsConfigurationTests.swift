import ContextReports
import Foundation
import Testing

@testable import ContextPipeline

@Suite("Reports configuration")
struct ReportsConfigurationTests {
    @Test func theShippedFileSpellsOutTheBuiltInDefaults() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/contextd.yaml").path
        let config = try RunConfiguration.load(path: path)
        #expect(config.reports == ReportSettings())
        #expect(config.reports.disruption.suggestions(for: "group").first == "Clear, Hold, Build style operation")
        #expect(
            config.reports.disruption.suggestions(for: "perpetrator").first?.contains("Child Abduction Warning Notice")
                == true)
    }

    @Test func settingsAreRead() throws {
        let config = try RunConfiguration.parse(
            yaml: """
                reports:
                  schools: {prior_pupils: 10, tier_thresholds: [3, 2, 1], weights: {events: 0.5}}
                  board: {suppression_threshold: 10, previous_periods: 2, hotspots: 3}
                  outcomes: {window_days: 28, minimum_observations: 5}
                  disruption_actions: {park: [dispersal order]}
                """, file: "test.yaml")
        #expect(config.reports.schools.priorPupils == 10)
        #expect(config.reports.schools.tierThresholds == [3, 2, 1])
        #expect(config.reports.schools.weights["events"] == 0.5)
        #expect(config.reports.board == BoardSettings(suppressionThreshold: 10, previousPeriods: 2, hotspots: 3))
        #expect(config.reports.outcomes == OutcomeSettings(windowDays: 28, minimumObservations: 5))
        #expect(config.reports.disruption.suggestions(for: "park") == ["dispersal order"])
        #expect(config.reports.disruption.suggestions(for: "takeaway").count == 2)  // others keep their defaults
    }

    @Test(arguments: [
        (
            "reports:\n  board:\n    suppression_threshold: 0\n",
            "test.yaml:3:28: error: key 'reports.board.suppression_threshold': 0 is out of range; expected 1 to 100"
        ),
        (
            "reports:\n  schools:\n    tier_thresholds: [1, 2, 3]\n",
            "test.yaml:3:22: error: key 'reports.schools.tier_thresholds': expected three decreasing numbers (tiers 1, 2 and 3)"
        ),
        (
            "reports:\n  disruption_actions:\n    castle: [siege]\n",
            "test.yaml:3:5: error: key 'reports.disruption_actions.castle': unknown key; expected one of: "
                + DisruptionActions.targetKinds.joined(separator: ", ")
        ),
    ])
    func badValuesNameTheirKey(text: String, expected: String) {
        #expect(throws: ConfigurationError.self) { try RunConfiguration.parse(yaml: text, file: "test.yaml") }
        do {
            _ = try RunConfiguration.parse(yaml: text, file: "test.yaml")
        } catch {
            #expect(error.description == expected)
        }
    }
}
