public import ContextAnalysis
public import ContextIngest
public import ContextMaps
public import ContextModel
public import ContextReports
import Foundation
public import Yams

/// The settings of one run, read from a YAML file (`Config/contextd.yaml` is the documented
/// default). Every key is optional; an unknown key, a wrong type or a value out of range is an
/// error naming the key (exit 78), never silently ignored.
public struct RunConfiguration: Sendable, Codable {
    /// The date the analysis is "as of"; `nil` means today (UTC). `--as-of` overrides it.
    public var asOf: Day?
    public var policy: ValidationPolicy
    public var analysis: AnalysisSettings
    public var overview: OverviewSettings
    public var maps: MapsSettings
    public var state: StateSettings
    /// The reader-specific reports: schools, board, disruption plan, outcomes (`reports:`).
    public var reports: ReportSettings = ReportSettings()
    /// Sizes beyond which a dataset is refused (section `limits:`; exit 65).
    public var limits = IngestLimits()

    /// Settings of the overview network map.
    public struct OverviewSettings: Sendable, Codable {
        public var enabled: Bool
        /// Above this many entities the map is condensed to one node per cluster.
        public var maxNodes: Int
        /// `auto`, `dot`, `neato`, `fdp` or `sfdp`.
        public var engine: String
        /// Any of `svg`, `dot`, `png`, `pdf`.
        public var formats: [String]
        /// Engine thresholds (set from the shared `maps:` keys).
        public var style: MapStyle

        public init(
            enabled: Bool = true, maxNodes: Int = 2000, engine: String = "auto", formats: [String] = ["svg", "dot"],
            style: MapStyle = MapStyle()
        ) {
            self.enabled = enabled
            self.maxNodes = maxNodes
            self.engine = engine
            self.formats = formats
            self.style = style
        }
    }

    public static let engines = ["auto", "dot", "neato", "fdp", "sfdp"]
    public static let formats = ["svg", "dot", "png", "pdf"]

    public init(
        asOf: Day? = nil, policy: ValidationPolicy = .strict, analysis: AnalysisSettings = AnalysisSettings(),
        overview: OverviewSettings = OverviewSettings(), maps: MapsSettings = MapsSettings(),
        state: StateSettings = StateSettings()
    ) {
        self.asOf = asOf
        self.policy = policy
        self.analysis = analysis
        self.overview = overview
        self.maps = maps
        self.state = state
    }

    /// Reads a configuration file.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be read or any key is wrong.
    public static func load(path: String) throws(ConfigurationError) -> RunConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", "configuration file cannot be read (missing or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, key: "", "configuration file is not valid UTF-8")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses configuration text.
    public static func parse(yaml text: String, file: String) throws(ConfigurationError) -> RunConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, key: "", "not valid YAML: \(error)")
        }
        var config = RunConfiguration()
        guard let root else { return config }  // An empty file: all defaults.
        let reader = ConfigReader(file: file)
        let top = try reader.mapping(
            root, "",
            allowed: [
                "as_of", "validation", "strength", "neighbourhood", "clusters", "contexts", "people", "not_referred",
                "maps", "state", "privacy", "reports", "limits",
            ])
        if let node = top["as_of"], !reader.isNull(node) {
            let text = try reader.string(node, "as_of")
            guard let day = Day(iso: text) else {
                throw reader.error(node, "as_of", "'\(text)' is not a real date in the form YYYY-MM-DD")
            }
            config.asOf = day
        }
        if let node = top["validation"] {
            let section = try reader.mapping(node, "validation", allowed: ["policy"])
            if let policy = section["policy"] {
                let name = try reader.oneOf(policy, "validation.policy", ["strict", "lenient"])
                config.policy = ValidationPolicy(rawValue: name) ?? .strict
            }
        }
        if let node = top["strength"] { try parseStrength(node, reader, into: &config.analysis.strength) }
        if let node = top["neighbourhood"] {
            let section = try reader.mapping(
                node, "neighbourhood", allowed: ["hops", "expand_through_contexts", "context_minimum_risk"])
            var settings = config.analysis.neighbourhood
            if let node = section["hops"] { settings.hops = try reader.int(node, "neighbourhood.hops", in: 1...10) }
            if let node = section["expand_through_contexts"] {
                settings.expandThroughContexts = try reader.bool(node, "neighbourhood.expand_through_contexts")
            }
            if let node = section["context_minimum_risk"] {
                settings.contextMinimumRisk = UInt8(
                    try reader.int(node, "neighbourhood.context_minimum_risk", in: 1...4))
            }
            config.analysis.neighbourhood = settings
        }
        if let node = top["clusters"] { try parseClusters(node, reader, into: &config.analysis.clusters) }
        if let node = top["contexts"] { try parseContexts(node, reader, into: &config.analysis.contexts) }
        if let node = top["people"] {
            let section = try reader.mapping(
                node, "people", allowed: ["betweenness_exact_limit", "betweenness_pivots"])
            if let node = section["betweenness_exact_limit"] {
                config.analysis.people.betweennessExactLimit = try reader.int(
                    node, "people.betweenness_exact_limit", in: 0...10_000_000)
            }
            if let node = section["betweenness_pivots"] {
                config.analysis.people.betweennessPivots = try reader.int(
                    node, "people.betweenness_pivots", in: 1...1_000_000)
            }
        }
        if let node = top["not_referred"] {
            let section = try reader.mapping(
                node, "not_referred", allowed: ["minimum_exposure", "quantile", "window_days"])
            var screen = config.analysis.notReferred
            if let node = section["minimum_exposure"] {
                screen.minimumExposure = try reader.double(node, "not_referred.minimum_exposure", in: 0...1000)
            }
            if let node = section["quantile"] {
                screen.quantile = try reader.double(node, "not_referred.quantile", in: 0...1)
            }
            if let node = section["window_days"] {
                screen.windowDays = try reader.int(node, "not_referred.window_days", in: 1...3650)
            }
            config.analysis.notReferred = screen
        }
        if let node = top["maps"] {
            let maps = try reader.mapping(node, "maps", allowed: mapsKeys)
            try parseMaps(maps, reader, into: &config)
            if let node = maps["overview"] {
                let section = try reader.mapping(
                    node, "maps.overview", allowed: ["enabled", "max_nodes", "engine", "formats"])
                if let node = section["enabled"] {
                    config.overview.enabled = try reader.bool(node, "maps.overview.enabled")
                }
                if let node = section["max_nodes"] {
                    config.overview.maxNodes = try reader.int(node, "maps.overview.max_nodes", in: 1...50_000)
                }
                if let node = section["engine"] {
                    config.overview.engine = try reader.oneOf(node, "maps.overview.engine", engines)
                }
                if let node = section["formats"] {
                    config.overview.formats = try reader.formats(node, "maps.overview.formats")
                }
            }
        }
        try parseState(top, reader, into: &config.state)
        if let node = top["reports"] { try parseReports(node, reader, into: &config.reports) }
        if let node = top["limits"] { try parseLimits(node, reader, into: &config.limits) }
        return config
    }
}

extension RunConfiguration {
    fileprivate static func parseLimits(_ node: Node, _ reader: ConfigReader, into limits: inout IngestLimits)
        throws(ConfigurationError)
    {
        let section = try reader.mapping(
            node, "limits", allowed: ["file_bytes", "rows_per_file", "field_bytes", "columns"])
        if let node = section["file_bytes"] {
            limits.fileBytes = try reader.int(node, "limits.file_bytes", in: 1...Int.max)
        }
        if let node = section["rows_per_file"] {
            limits.rowsPerFile = try reader.int(node, "limits.rows_per_file", in: 1...Int(Int32.max))
        }
        if let node = section["field_bytes"] {
            limits.fieldBytes = try reader.int(node, "limits.field_bytes", in: 1...Int.max)
        }
        if let node = section["columns"] { limits.columns = try reader.int(node, "limits.columns", in: 1...1_000_000) }
    }

    fileprivate static func parseStrength(_ node: Node, _ reader: ConfigReader, into model: inout StrengthModel)
        throws(ConfigurationError)
    {
        let section = try reader.mapping(
            node, "strength",
            allowed: [
                "half_life_days", "intelligence_confidence", "ungraded_confidence", "source_reliability",
                "ungraded_reliability", "undated_recency",
            ])
        if let node = section["half_life_days"] {
            model.halfLifeDays = try reader.double(node, "strength.half_life_days", in: 0...36_500)
        }
        if let node = section["intelligence_confidence"] {
            model.intelligenceConfidence = try reader.doubles(
                node, "strength.intelligence_confidence", count: 4, in: 0...1)
        }
        if let node = section["ungraded_confidence"] {
            model.ungradedConfidence = try reader.double(node, "strength.ungraded_confidence", in: 0...1)
        }
        if let node = section["source_reliability"] {
            model.sourceReliability = try reader.doubles(node, "strength.source_reliability", count: 3, in: 0...1)
        }
        if let node = section["ungraded_reliability"] {
            model.ungradedReliability = try reader.double(node, "strength.ungraded_reliability", in: 0...1)
        }
        if let node = section["undated_recency"] {
            model.undatedRecency = try reader.double(node, "strength.undated_recency", in: 0...1)
        }
    }

    fileprivate static func parseContexts(_ node: Node, _ reader: ConfigReader, into scoring: inout ContextScoring)
        throws(ConfigurationError)
    {
        let section = try reader.mapping(
            node, "contexts", allowed: ["window_days", "minimum_strength", "hotspots", "weights"])
        if let node = section["window_days"] {
            scoring.windowDays = try reader.int(node, "contexts.window_days", in: 1...3650)
        }
        if let node = section["minimum_strength"] {
            scoring.minimumStrength = try reader.double(node, "contexts.minimum_strength", in: 0...1)
        }
        if let node = section["hotspots"] {
            scoring.hotspots = try reader.int(node, "contexts.hotspots", in: 0...10_000)
        }
        if let node = section["weights"] {
            let weights = try reader.mapping(node, "contexts.weights", allowed: ContextScoring.componentNames)
            for (name, value) in weights {
                scoring.weights[name] = try reader.double(value, "contexts.weights.\(name)", in: 0...1000)
            }
        }
    }

    fileprivate static func parseClusters(_ node: Node, _ reader: ConfigReader, into rules: inout ConcernRules)
        throws(ConfigurationError)
    {
        let section = try reader.mapping(
            node, "clusters",
            allowed: [
                "link_kinds", "minimum_cluster_size", "resolution", "seed", "match_threshold", "match_involvement",
            ])
        if let kinds = section["link_kinds"] {
            let names = try reader.list(kinds, "clusters.link_kinds", of: LinkKind.allCases.map(\.name))
            rules.linkKinds = names.compactMap { LinkKind(name: $0) }
        }
        if let node = section["minimum_cluster_size"] {
            rules.minimumClusterSize = try reader.int(node, "clusters.minimum_cluster_size", in: 1...1_000_000)
        }
        if let node = section["resolution"] {
            rules.resolution = try reader.double(node, "clusters.resolution", in: 0.01...100)
        }
        if let node = section["seed"] { rules.seed = UInt64(try reader.int(node, "clusters.seed", in: 0...Int.max)) }
        if let node = section["match_threshold"] {
            rules.identities.threshold = try reader.double(node, "clusters.match_threshold", in: 0.01...1)
        }
        if let node = section["match_involvement"] {
            rules.identities.involvement = try reader.double(node, "clusters.match_involvement", in: 0.01...1)
        }
    }
}

/// Reads typed values out of a YAML tree, each failure naming its key and place; shared by the
/// run configuration and the service configuration.
public struct ConfigReader: Sendable {
    public let file: String
    /// Whether an empty value is refused (every key of the service configuration needs one).
    public let requireNonEmpty: Bool

    public init(file: String, requireNonEmpty: Bool = false) {
        self.file = file
        self.requireNonEmpty = requireNonEmpty
    }

    public func error(_ node: Node, _ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, key: key, message, line: node.mark?.line, column: node.mark?.column)
    }

    public func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node {
            return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null"
        }
        return false
    }

    public func mapping(_ node: Node, _ key: String, allowed: [String]) throws(ConfigurationError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, key, "expected a mapping of keys (\(allowed.joined(separator: ", ")))")
        }
        var result: [String: Node] = [:]
        for (name, value) in mapping {
            let text = name.string ?? ""
            let path = key.isEmpty ? text : key + "." + text
            guard allowed.contains(text) else {
                throw error(name, path, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            guard result.updateValue(value, forKey: text) == nil else { throw error(name, path, "key given twice") }
        }
        return result
    }

    public func string(_ node: Node, _ key: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !(requireNonEmpty && scalar.string.isEmpty) else {
            throw error(node, key, requireNonEmpty ? "expected a single, non-empty value" : "expected a single value")
        }
        return scalar.string
    }

    public func oneOf(_ node: Node, _ key: String, _ allowed: [String]) throws(ConfigurationError) -> String {
        let value = try string(node, key)
        guard allowed.contains(value) else {
            throw error(node, key, "'\(value)' is not allowed; expected one of: \(allowed.joined(separator: ", "))")
        }
        return value
    }

    public func int(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let text = try string(node, key)
        guard let value = Int(text) else { throw error(node, key, "'\(text)' is not a whole number") }
        guard range.contains(value) else {
            throw error(node, key, "\(value) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func double(_ node: Node, _ key: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double
    {
        let text = try string(node, key)
        guard let value = Double(text), value.isFinite else { throw error(node, key, "'\(text)' is not a number") }
        guard range.contains(value) else {
            throw error(node, key, "\(text) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func doubles(_ node: Node, _ key: String, count: Int, in range: ClosedRange<Double>)
        throws(ConfigurationError)
        -> [Double]
    {
        guard case .sequence(let sequence) = node, sequence.count == count else {
            throw error(node, key, "expected a list of \(count) numbers")
        }
        var values: [Double] = []
        for item in sequence { values.append(try double(item, key, in: range)) }
        return values
    }

    public func bool(_ node: Node, _ key: String) throws(ConfigurationError) -> Bool {
        let text = try string(node, key)
        switch text {
        case "true": return true
        case "false": return false
        default: throw error(node, key, "'\(text)' is not true or false")
        }
    }

    public func list(_ node: Node, _ key: String, of allowed: [String]) throws(ConfigurationError) -> [String] {
        guard case .sequence(let sequence) = node else { throw error(node, key, "expected a list, e.g. [a, b]") }
        var values: [String] = []
        for item in sequence {
            let value = try oneOf(item, key, allowed)
            if !values.contains(value) { values.append(value) }
        }
        return values
    }
}
