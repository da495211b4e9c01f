public import ContextAnalysis
public import ContextIngest
public import ContextModel
import Foundation
import Yams

/// The settings of one run, read from a YAML file (`Config/contextd.yaml` is the documented
/// default). Every key is optional; an unknown key, a wrong type or a value out of range is an
/// error naming the key (exit 78), never silently ignored.
public struct RunConfiguration: Sendable, Codable {
    /// The date the analysis is "as of"; `nil` means today (UTC). `--as-of` overrides it.
    public var asOf: Day?
    public var policy: ValidationPolicy
    public var concern: ConcernRules
    public var overview: OverviewSettings

    /// Settings of the overview network map.
    public struct OverviewSettings: Sendable, Codable {
        public var enabled: Bool
        /// Above this many entities the map is condensed to one node per cluster.
        public var maxNodes: Int
        /// `auto`, `dot`, `neato`, `fdp` or `sfdp`.
        public var engine: String
        /// Any of `svg`, `dot`, `png`, `pdf`.
        public var formats: [String]

        public init(enabled: Bool = true, maxNodes: Int = 2000, engine: String = "auto", formats: [String] = ["svg", "dot"]) {
            self.enabled = enabled
            self.maxNodes = maxNodes
            self.engine = engine
            self.formats = formats
        }
    }

    public static let engines = ["auto", "dot", "neato", "fdp", "sfdp"]
    public static let formats = ["svg", "dot", "png", "pdf"]

    public init(
        asOf: Day? = nil, policy: ValidationPolicy = .strict, concern: ConcernRules = ConcernRules(),
        overview: OverviewSettings = OverviewSettings()
    ) {
        self.asOf = asOf
        self.policy = policy
        self.concern = concern
        self.overview = overview
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
        let top = try reader.mapping(root, "", allowed: ["as_of", "validation", "clusters", "maps"])
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
        if let node = top["clusters"] {
            let section = try reader.mapping(
                node, "clusters", allowed: ["link_kinds", "subject_minimum_risk", "minimum_cluster_size"])
            if let kinds = section["link_kinds"] {
                let names = try reader.list(kinds, "clusters.link_kinds", of: LinkKind.allCases.map(\.name))
                config.concern.linkKinds = Set(names.compactMap { LinkKind(name: $0) })
            }
            if let node = section["subject_minimum_risk"] {
                config.concern.subjectMinimumRisk = UInt8(try reader.int(node, "clusters.subject_minimum_risk", in: 1...4))
            }
            if let node = section["minimum_cluster_size"] {
                config.concern.minimumClusterSize = try reader.int(node, "clusters.minimum_cluster_size", in: 1...1_000_000)
            }
        }
        if let node = top["maps"] {
            let maps = try reader.mapping(node, "maps", allowed: ["overview"])
            if let node = maps["overview"] {
                let section = try reader.mapping(
                    node, "maps.overview", allowed: ["enabled", "max_nodes", "engine", "formats"])
                if let node = section["enabled"] { config.overview.enabled = try reader.bool(node, "maps.overview.enabled") }
                if let node = section["max_nodes"] {
                    config.overview.maxNodes = try reader.int(node, "maps.overview.max_nodes", in: 1...50_000)
                }
                if let node = section["engine"] { config.overview.engine = try reader.oneOf(node, "maps.overview.engine", engines) }
                if let node = section["formats"] {
                    config.overview.formats = try reader.list(node, "maps.overview.formats", of: formats)
                    if config.overview.formats.isEmpty {
                        throw reader.error(node, "maps.overview.formats", "must name at least one format")
                    }
                }
            }
        }
        return config
    }
}

/// Reads typed values out of a YAML tree, each failure naming its key and place.
private struct ConfigReader {
    let file: String

    func error(_ node: Node, _ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, key: key, message, line: node.mark?.line, column: node.mark?.column)
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" }
        return false
    }

    func mapping(_ node: Node, _ key: String, allowed: [String]) throws(ConfigurationError) -> [String: Node] {
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

    func string(_ node: Node, _ key: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key, "expected a single value") }
        return scalar.string
    }

    func oneOf(_ node: Node, _ key: String, _ allowed: [String]) throws(ConfigurationError) -> String {
        let value = try string(node, key)
        guard allowed.contains(value) else {
            throw error(node, key, "'\(value)' is not allowed; expected one of: \(allowed.joined(separator: ", "))")
        }
        return value
    }

    func int(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let text = try string(node, key)
        guard let value = Int(text) else { throw error(node, key, "'\(text)' is not a whole number") }
        guard range.contains(value) else {
            throw error(node, key, "\(value) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func bool(_ node: Node, _ key: String) throws(ConfigurationError) -> Bool {
        let text = try string(node, key)
        switch text {
        case "true": return true
        case "false": return false
        default: throw error(node, key, "'\(text)' is not true or false")
        }
    }

    func list(_ node: Node, _ key: String, of allowed: [String]) throws(ConfigurationError) -> [String] {
        guard case .sequence(let sequence) = node else { throw error(node, key, "expected a list, e.g. [a, b]") }
        var values: [String] = []
        for item in sequence {
            let value = try oneOf(item, key, allowed)
            if !values.contains(value) { values.append(value) }
        }
        return values
    }
}
