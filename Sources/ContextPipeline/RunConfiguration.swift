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
///
/// Each key is declared once, in ``keys`` (path, type, range, field and comment): parsing, the
/// manifest's record (``values``) and the printed file (``document(_:)``) all come from there.
public struct RunConfiguration: Sendable {
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

    /// Settings of the overview network map (`maps.overview`); its engine thresholds are the
    /// shared map style's (``MapsSettings/map``).
    public struct OverviewSettings: Sendable, Hashable {
        public var enabled: Bool
        /// Above this many entities the map is condensed to one node per cluster.
        public var maxNodes: Int
        public var engine: LayoutEngine
        public var formats: [MapFormat]

        public init(
            enabled: Bool = true, maxNodes: Int = 2000, engine: LayoutEngine = .auto,
            formats: [MapFormat] = [.svg, .dot]
        ) {
            self.enabled = enabled
            self.maxNodes = maxNodes
            self.engine = engine
            self.formats = formats
        }
    }

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

    /// What the command line may set over the file. Applied in one place (``applying(_:)``),
    /// so the manifest records what the run used.
    public struct Overrides: Sendable {
        public var asOf: Day?
        public var lenient = false
        /// `contextd map --depth`.
        public var focusDepth: Int?
        /// `contextd map --engine`: cluster, focus and overview maps.
        public var engine: LayoutEngine?

        public init(asOf: Day? = nil, lenient: Bool = false, focusDepth: Int? = nil, engine: LayoutEngine? = nil) {
            self.asOf = asOf
            self.lenient = lenient
            self.focusDepth = focusDepth
            self.engine = engine
        }
    }

    /// The configuration with the command line's overrides applied.
    public func applying(_ overrides: Overrides) -> RunConfiguration {
        var config = self
        if let asOf = overrides.asOf { config.asOf = asOf }
        if overrides.lenient { config.policy = .lenient }
        if let depth = overrides.focusDepth { config.maps.map.depth = depth }
        if let engine = overrides.engine {
            config.maps.map.engine = engine
            config.overview.engine = engine
        }
        return config
    }

    /// Reads a configuration file; `nil`: the built-in defaults.
    public static func load(path: String?) throws(ConfigurationError) -> RunConfiguration {
        guard let path else { return RunConfiguration() }
        return try load(path: path)
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

    /// Parses configuration text: every mapping is checked against the keys declared under it,
    /// every value read by its declaration.
    public static func parse(yaml text: String, file: String) throws(ConfigurationError) -> RunConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, key: "", "not valid YAML: \(error)")
        }
        var config = RunConfiguration()
        guard let root else { return config }  // An empty file: all defaults.
        try read(root, section: "", ConfigReader(file: file), into: &config)
        return config
    }

    private static let keysByPath = Dictionary(uniqueKeysWithValues: keys.map { ($0.path, $0) })

    /// The names allowed directly under a section (`""` for the top), in declaration order.
    static func names(under section: String) -> [String] {
        var names: [String] = []
        let prefix = section.isEmpty ? "" : section + "."
        for key in keys where key.path.hasPrefix(prefix) {
            let rest = key.path.dropFirst(prefix.count)
            let name = String(rest.prefix { $0 != "." })
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private static func read(_ node: Node, section: String, _ reader: ConfigReader, into config: inout RunConfiguration)
        throws(ConfigurationError)
    {
        let allowed = names(under: section)
        let mapping = try reader.mapping(node, section, allowed: allowed)
        for name in allowed {  // In declaration order, so the first error reported is always the same.
            guard let value = mapping[name] else { continue }
            let path = section.isEmpty ? name : section + "." + name
            if let key = keysByPath[path] {
                try key.read(value, reader, &config)
            } else {
                try read(value, section: path, reader, into: &config)
            }
        }
    }

    /// Every setting, defaults included, in the YAML file's own shape and key order: what the
    /// manifest records as the configuration the run used.
    public var values: ConfigValue {
        Self.keys.reduce(ConfigValue.mapping([])) { tree, key in
            tree.setting(key.path.split(separator: ".")[...], to: key.value(self))
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
