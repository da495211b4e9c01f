import ContextAnalysis
import ContextIngest
import ContextMaps
import ContextModel
import Foundation
import Testing

@testable import ContextPipeline

@Suite("Run configuration")
struct RunConfigurationTests {
    private func parse(_ text: String) throws(ConfigurationError) -> RunConfiguration {
        try RunConfiguration.parse(yaml: text, file: "test.yaml")
    }

    @Test func shippedDefaultConfigurationParses() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/contextd.yaml").path
        let config = try RunConfiguration.load(path: path)
        #expect(config.asOf == Day(iso: "2024-09-30"))
        #expect(config.policy == .strict)
        #expect(!config.analysis.clusters.linkKinds.contains(.attends))
        #expect(config.analysis.strength.halfLifeDays == 180)
        #expect(config.analysis.neighbourhood.hops == 1)
        // The shipped file spells out the built-in defaults.
        #expect(config.analysis == AnalysisSettings())
        #expect(config.overview.formats == [.svg, .dot])
        let defaults = RunConfiguration.MapsSettings()
        #expect(config.maps.map == defaults.map)
        #expect(config.maps.clusters == defaults.clusters && config.maps.pseudonymised == defaults.pseudonymised)
        #expect(config.maps.clusterFormats == defaults.clusterFormats && config.maps.focusFormats == [.svg])
        #expect(config.maps.cache && config.state.folder == nil && config.state.keyFile == nil)
        #expect(config.maps.map.style == MapStyle())
        #expect(config.limits == IngestLimits())
    }

    @Test func mapAndStateKeysAreRead() throws {
        let config = try parse(
            """
            maps:
              clusters: {enabled: false, formats: [png, pdf]}
              focus: {depth: 3, formats: [svg, png]}
              max_nodes: 80
              max_links: 400
              stale_days: 90
              engine: twopi
              dot_node_limit: 40
              slow_engine_node_limit: 300
              pseudonymised: false
              cache: false
            state: {folder: /var/lib/contextd}
            privacy: {key_file: /etc/contextd/pseudonym.key}
            """)
        #expect(!config.maps.clusters && config.maps.clusterFormats == [.png, .pdf])
        #expect(config.maps.map.depth == 3 && config.maps.focusFormats == [.svg, .png])
        #expect(config.maps.map.maxNodes == 80 && config.maps.map.staleDays == 90 && config.maps.map.engine == .twopi)
        #expect(config.maps.map.style.dotNodeLimit == 40 && config.maps.map.style.slowEngineNodeLimit == 300)
        #expect(config.maps.map.style.slowEngineNodeLimit == 300 && config.maps.map.style.maxLinks == 400)
        #expect(!config.maps.pseudonymised && !config.maps.cache)
        #expect(config.state.folder(forOutput: "out") == "/var/lib/contextd")
        #expect(config.state.keyFile(forOutput: "out") == "/etc/contextd/pseudonym.key")
        #expect(RunConfiguration().state.keyFile(forOutput: "out") == "out/.contextd-state/pseudonym.key")
    }

    @Test func emptyDocumentGivesDefaults() throws {
        let config = try parse("")
        #expect(config.asOf == nil)
        #expect(config.overview.maxNodes == 2000)
    }

    @Test(arguments: [
        (
            "colour: red\n",
            "test.yaml:1:1: error: key 'colour': unknown key; expected one of: as_of, validation, strength, neighbourhood, clusters, contexts, people, not_referred, maps, state, privacy, reports, limits"
        ),
        (
            "maps:\n  focus:\n    depth: 9\n",
            "test.yaml:3:12: error: key 'maps.focus.depth': 9 is out of range; expected 1 to 6"
        ),
        (
            "maps:\n  clusters:\n    formats: []\n",
            "test.yaml:3:14: error: key 'maps.clusters.formats': must name at least one format"
        ),
        (
            "maps:\n  engine: circo\n",
            "test.yaml:2:11: error: key 'maps.engine': 'circo' is not allowed; expected one of: auto, dot, neato, sfdp, fdp, twopi"
        ),
        (
            "clusters:\n  minimum_cluster_size: zero\n",
            "test.yaml:2:25: error: key 'clusters.minimum_cluster_size': 'zero' is not a whole number"
        ),
        (
            "neighbourhood:\n  context_minimum_risk: 5\n",
            "test.yaml:2:25: error: key 'neighbourhood.context_minimum_risk': 5 is out of range; expected 1 to 4"
        ),
        (
            "strength:\n  intelligence_confidence: [1, 0.5]\n",
            "test.yaml:2:28: error: key 'strength.intelligence_confidence': expected a list of 4 numbers"
        ),
        (
            "contexts:\n  weights:\n    vibes: 3\n",
            "test.yaml:3:5: error: key 'contexts.weights.vibes': unknown key; expected one of: children_level_4, children_level_3, children_level_2, children_other, perpetrators_high, perpetrators_other, co_presence, found_missing, weapons, incidents, other_events, own_level, propagated"
        ),
        (
            "strength:\n  half_life_days: soon\n",
            "test.yaml:2:19: error: key 'strength.half_life_days': 'soon' is not a number"
        ),
        (
            "maps:\n  overview:\n    engine: circo\n",
            "test.yaml:3:13: error: key 'maps.overview.engine': 'circo' is not allowed; expected one of: auto, dot, neato, fdp, sfdp"
        ),
        (
            "as_of: 2024-02-30\n",
            "test.yaml:1:8: error: key 'as_of': '2024-02-30' is not a real date in the form YYYY-MM-DD"
        ),
        ("validation: strict\n", "test.yaml:1:13: error: key 'validation': expected a mapping of keys (policy)"),
        (
            "limits:\n  rows_per_file: 0\n",
            "test.yaml:2:18: error: key 'limits.rows_per_file': 0 is out of range; expected 1 to 2147483647"
        ),
        (
            "limits:\n  lines: 5\n",
            "test.yaml:2:3: error: key 'limits.lines': unknown key; expected one of: file_bytes, rows_per_file, field_bytes, columns, warning_locations"
        ),
        (
            "clusters:\n  link_kinds: [associate, hugs]\n",
            "test.yaml:2:27: error: key 'clusters.link_kinds': 'hugs' is not allowed; expected one of: associate, attends, frequents, exploits, relationship, member, online_contact, sibling"
        ),
    ])
    func badValuesNameTheirKey(text: String, expected: String) {
        #expect(throws: ConfigurationError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func limitsAreRead() throws {
        let config = try parse("limits:\n  file_bytes: 1000\n  rows_per_file: 20\n  field_bytes: 30\n  columns: 40\n")
        #expect(config.limits == IngestLimits(fileBytes: 1000, rowsPerFile: 20, fieldBytes: 30, columns: 40))
        #expect(try parse("limits:\n  columns: 7\n").limits == IngestLimits(columns: 7))
    }

    @Test func malformedYAMLIsAConfigurationError() {
        #expect(throws: ConfigurationError.self) { try parse("maps: [unclosed\n") }
    }
}
