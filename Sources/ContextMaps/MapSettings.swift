/// Settings shared by the cluster and focus (child, place) maps.
public struct MapSettings: Sendable, Hashable, Codable {
    /// The visual style and the engine thresholds.
    public var style: MapStyle
    /// The layout engine; ``LayoutEngine/auto`` chooses by size and shape.
    public var engine: LayoutEngine
    /// A link not seen for more than this many days before the as-of date is drawn faint.
    public var staleDays: Int
    /// The most nodes on a cluster or focus map; beyond it a focus map keeps the nearest and most
    /// strongly linked, a cluster map its children, perpetrators and groups first (see
    /// ``ClusterMap``), and the map says what was left out.
    public var maxNodes: Int
    /// Links walked out from the subject of a focus map.
    public var depth: Int

    public static let defaultStaleDays = 365
    public static let defaultMaxNodes = 150
    public static let defaultDepth = 2

    public init(
        style: MapStyle = MapStyle(), engine: LayoutEngine = .auto, staleDays: Int = MapSettings.defaultStaleDays,
        maxNodes: Int = MapSettings.defaultMaxNodes, depth: Int = MapSettings.defaultDepth
    ) {
        self.style = style
        self.engine = engine
        self.staleDays = staleDays
        self.maxNodes = maxNodes
        self.depth = depth
    }
}
