public import ContextMaps
import Yams

extension RunConfiguration {
    /// Settings of the per-cluster maps, the focus maps (`contextd map`), the pseudonymised
    /// variants and the render cache (`maps:` apart from `maps.overview`).
    public struct MapsSettings: Sendable {
        /// Draw `maps/clusters/<cluster id>.*` on every run.
        public var clusters: Bool
        /// Formats of the cluster maps.
        public var clusterFormats: [MapFormat]
        /// Formats of the child and place maps of `contextd map`.
        public var focusFormats: [MapFormat]
        /// Also write every map of a run pseudonymised, under `maps/pseudonymised/`.
        public var pseudonymised: Bool
        /// Reuse a map rendered before when its content has not changed (content hash).
        public var cache: Bool
        /// Limits, engine choice and style of cluster and focus maps.
        public var map: MapSettings

        public init(
            clusters: Bool = true, clusterFormats: [MapFormat] = [.svg], focusFormats: [MapFormat] = [.svg],
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
    public struct StateSettings: Sendable, Hashable {
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
}

extension ConfigReader {
    func path(_ node: Node, _ key: String) throws(ConfigurationError) -> String {
        let text = try string(node, key)
        guard !text.isEmpty, !text.utf8.contains(0) else { throw error(node, key, "must be a path") }
        return text
    }
}
