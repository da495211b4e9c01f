public import ContextMaps
import Yams

extension RunConfiguration {
    /// Settings of the per-cluster maps, the focus maps (`contextd map`), the pseudonymised
    /// variants and the render cache (`maps:` apart from `maps.overview`).
    public struct MapsSettings: Sendable, Codable {
        /// Draw `maps/clusters/<cluster id>.*` on every run.
        public var clusters: Bool
        /// Formats of the cluster maps.
        public var clusterFormats: [String]
        /// Formats of the child and place maps of `contextd map`.
        public var focusFormats: [String]
        /// Also write every map of a run pseudonymised, under `maps/pseudonymised/`.
        public var pseudonymised: Bool
        /// Reuse a map rendered before when its content has not changed (content hash).
        public var cache: Bool
        /// Limits, engine choice and style of cluster and focus maps.
        public var map: MapSettings

        public init(
            clusters: Bool = true, clusterFormats: [String] = ["svg"], focusFormats: [String] = ["svg"],
            pseudonymised: Bool = true, cache: Bool = true, map: MapSettings = MapSettings()
        ) {
            self.clusters = clusters
            self.clusterFormats = clusterFormats
            self.focusFormats = focusFormats
            self.pseudonymised = pseudonymised
            self.cache = cache
            self.map = map
        }
    }

    /// Where contextd keeps what outlives a run: the pseudonymisation key and the map cache.
    public struct StateSettings: Sendable, Codable {
        /// The state folder; `nil`: `.contextd-state` inside the output folder.
        public var folder: String?
        /// The pseudonymisation key file; `nil`: `pseudonym.key` in the state folder.
        public var keyFile: String?

        public init(folder: String? = nil, keyFile: String? = nil) {
            self.folder = folder
            self.keyFile = keyFile
        }

        /// The state folder for a run writing into `outputFolder`.
        public func folder(forOutput outputFolder: String) -> String {
            folder ?? (outputFolder + "/.contextd-state")
        }

        /// The key file for a run writing into `outputFolder`.
        public func keyFile(forOutput outputFolder: String) -> String {
            keyFile ?? (folder(forOutput: outputFolder) + "/pseudonym.key")
        }
    }

    /// Reads `maps:` keys other than `overview` into ``maps``.
    static func parseMaps(_ section: [String: Node], _ reader: ConfigReader, into config: inout RunConfiguration)
        throws(ConfigurationError)
    {
        var maps = config.maps
        if let node = section["clusters"] {
            let clusters = try reader.mapping(node, "maps.clusters", allowed: ["enabled", "formats"])
            if let node = clusters["enabled"] { maps.clusters = try reader.bool(node, "maps.clusters.enabled") }
            if let node = clusters["formats"] {
                maps.clusterFormats = try reader.formats(node, "maps.clusters.formats")
            }
        }
        if let node = section["focus"] {
            let focus = try reader.mapping(node, "maps.focus", allowed: ["depth", "formats"])
            if let node = focus["depth"] { maps.map.depth = try reader.int(node, "maps.focus.depth", in: 1...6) }
            if let node = focus["formats"] { maps.focusFormats = try reader.formats(node, "maps.focus.formats") }
        }
        if let node = section["max_nodes"] {
            maps.map.maxNodes = try reader.int(node, "maps.max_nodes", in: 1...5_000)
        }
        if let node = section["stale_days"] {
            maps.map.staleDays = try reader.int(node, "maps.stale_days", in: 1...36_500)
        }
        if let node = section["engine"] {
            maps.map.engine = LayoutEngine(rawValue: try reader.oneOf(node, "maps.engine", mapEngines)) ?? .auto
        }
        if let node = section["dot_node_limit"] {
            maps.map.style.dotNodeLimit = try reader.int(node, "maps.dot_node_limit", in: 1...2_000)
        }
        if let node = section["slow_engine_node_limit"] {
            maps.map.style.slowEngineNodeLimit = try reader.int(node, "maps.slow_engine_node_limit", in: 1...5_000)
        }
        if let node = section["max_links"] {
            maps.map.style.maxLinks = try reader.int(node, "maps.max_links", in: 1...100_000)
        }
        if let node = section["pseudonymised"] { maps.pseudonymised = try reader.bool(node, "maps.pseudonymised") }
        if let node = section["cache"] { maps.cache = try reader.bool(node, "maps.cache") }
        config.maps = maps
        // The overview follows the shared style thresholds.
        config.overview.style = maps.map.style
    }

    /// Reads `state:` and `privacy:`.
    static func parseState(_ top: [String: Node], _ reader: ConfigReader, into state: inout StateSettings)
        throws(ConfigurationError)
    {
        if let node = top["state"] {
            let section = try reader.mapping(node, "state", allowed: ["folder"])
            if let node = section["folder"], !reader.isNull(node) {
                state.folder = try reader.path(node, "state.folder")
            }
        }
        if let node = top["privacy"] {
            let section = try reader.mapping(node, "privacy", allowed: ["key_file"])
            if let node = section["key_file"], !reader.isNull(node) {
                state.keyFile = try reader.path(node, "privacy.key_file")
            }
        }
    }

    /// Every engine, `twopi` included (the overview keeps its own shorter list).
    public static let mapEngines = LayoutEngine.allCases.map(\.rawValue)

    /// Keys of `maps:`.
    static let mapsKeys = [
        "overview", "clusters", "focus", "max_nodes", "max_links", "stale_days", "engine", "dot_node_limit",
        "slow_engine_node_limit", "pseudonymised", "cache",
    ]
}

extension ConfigReader {
    func formats(_ node: Node, _ key: String) throws(ConfigurationError) -> [String] {
        let values = try list(node, key, of: RunConfiguration.formats)
        if values.isEmpty { throw error(node, key, "must name at least one format") }
        return values
    }

    func path(_ node: Node, _ key: String) throws(ConfigurationError) -> String {
        let text = try string(node, key)
        guard !text.isEmpty, !text.utf8.contains(0) else { throw error(node, key, "must be a path") }
        return text
    }
}
