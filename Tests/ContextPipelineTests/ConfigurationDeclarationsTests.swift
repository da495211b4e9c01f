import ContextAnalysis
import ContextIngest
import ContextMaps
import ContextModel
import ContextReports
import Foundation
import Testing

@testable import ContextPipeline

/// One typed configuration: every key declared once, and the documented file, the printed file,
/// the parser and the manifest's record all agree with the declarations.
@Suite("Configuration declarations")
struct ConfigurationDeclarationsTests {
    static let shippedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config/contextd.yaml").path

    @Test func shippedFileIsThePrintedDefaultsWithTheSamplesDate() throws {
        let text = try String(contentsOfFile: Self.shippedPath, encoding: .utf8)
        let shipped = try RunConfiguration.parse(yaml: text, file: Self.shippedPath)
        #expect(shipped.asOf == Day(iso: "2024-09-30"))
        // Byte for byte what `contextd config --as-of 2024-09-30` prints.
        #expect(text == RunConfiguration.document(RunConfiguration().applying(.init(asOf: shipped.asOf))))
        var undated = shipped
        undated.asOf = nil
        #expect(undated.values == RunConfiguration().values, "the shipped file holds the built-in defaults")
    }

    @Test func printedDefaultsReadBackAsTheDefaults() throws {
        let printed = RunConfiguration.document()
        #expect(try RunConfiguration.parse(yaml: printed, file: "printed.yaml").values == RunConfiguration().values)
    }

    @Test func everyKeyIsDeclaredOnceAndRecorded() {
        let paths = RunConfiguration.keys.map(\.path)
        #expect(Set(paths).count == paths.count, "a key declared twice")
        let values = RunConfiguration().values
        for path in paths { #expect(values[path] != nil, "\(path) missing from the manifest's record") }
        // The record has the YAML's shape: limits included, nothing but declared keys at the leaves.
        #expect(values["limits.file_bytes"] == .int(2_147_483_648))
        #expect(values["maps.overview.formats"] == .list([.text("svg"), .text("dot")]))
        #expect(values["as_of"] == .null)
    }

    /// A configuration with every kind of value changed, printed and read back.
    @Test func nonDefaultValuesSurviveThePrintedFile() throws {
        var config = RunConfiguration(asOf: Day(iso: "2023-01-31"), policy: .lenient)
        config.analysis.strength.intelligenceConfidence = [0.9, 0.7, 0.4, 0.125]
        config.analysis.clusters.linkKinds = [.exploits, .member]
        config.analysis.contexts.weights["weapons"] = 7.5
        config.maps.map.engine = .twopi
        config.maps.clusterFormats = [.pdf, .svg]
        config.state.folder = "/var/lib/contextd state/#1"
        config.reports.disruption.actions["park"] = [
            "patrols: \"late\" and early", "CCTV \\ lighting", "- yes", "true",
        ]
        config.limits.columns = 12
        let printed = RunConfiguration.document(config)
        let read = try RunConfiguration.parse(yaml: printed, file: "printed.yaml")
        #expect(read.values == config.values)
        #expect(read.values != RunConfiguration().values)
    }

    @Test(arguments: [
        ("maps:\n  overview:\n    engine: twopi\n", "maps.overview.engine"),
        ("reports:\n  schools:\n    tier_thresholds: [1, 2, 3]\n", "reports.schools.tier_thresholds"),
        ("contexts:\n  weights:\n    glitter: 1\n", "contexts.weights.glitter"),
        ("state:\n  folder: [a]\n", "state.folder"),
        ("neighbourhood:\n  context_minimum_risk: 5\n", "neighbourhood.context_minimum_risk"),
        ("clusters:\n  seed: -1\n", "clusters.seed"),
    ])
    func everyErrorNamesItsKey(text: String, key: String) {
        do {
            _ = try RunConfiguration.parse(yaml: text, file: "test.yaml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.key == key)
        }
    }
}
