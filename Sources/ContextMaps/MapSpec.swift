public import ContextModel

/// A network map described independently of Graphviz: what to draw, not how to lay it out.
///
/// Map builders (``OverviewMap``) produce a spec; ``GraphvizRenderer`` turns it into bytes. The
/// spec may hold personal data (an analyst's map shows names), so its `description` gives counts
/// only and never the text of a label.
public struct MapSpec: Sendable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// One drawn node: a person, a place, or (in a condensed map) a whole cluster.
    public struct Node: Sendable, Codable, CustomStringConvertible {
        /// Text shown on the node (escaped by the renderer; may contain newlines).
        public var label: String
        /// Text shown on hover in SVG (escaped by the renderer).
        public var tooltip: String
        /// The entity kind, or `nil` for a condensed cluster node.
        public var kind: EntityKind?
        /// MACE risk level 1-4, `0` when not assessed; sets the fill colour.
        public var riskLevel: UInt8
        /// A relative size (for a cluster node, its member count); `nil` for the kind's default.
        public var weight: Double?
        /// Drawn emphasised (a thicker outline, larger text): the subject of a focus map.
        public var emphasised = false
        /// A second, smaller line under the label (escaped by the renderer): on an analyst's map
        /// the id (a place's area too) and on every map the MACE level, so that entities sharing
        /// a name can be told apart and the level is read without colour.
        public var caption = ""

        public init(
            label: String, tooltip: String = "", kind: EntityKind?, riskLevel: UInt8 = 0, weight: Double? = nil
        ) {
            self.label = label
            self.tooltip = tooltip
            self.kind = kind
            self.riskLevel = riskLevel
            self.weight = weight
        }

        public var description: String { "Node(\(kind?.name ?? "cluster"), risk \(riskLevel))" }
    }

    /// One drawn edge between two nodes of the spec.
    public struct Edge: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Index into ``MapSpec/nodes`` of the source.
        public var from: Int
        /// Index into ``MapSpec/nodes`` of the target.
        public var to: Int
        /// The link kind (sets colour and style), `nil` for a neutral edge.
        public var kind: LinkKind?
        /// Line width in points (see ``MapStyle/penWidth(forStrength:)``).
        public var penWidth: Double
        /// Drawn lighter and thinner: weakly evidenced or stale (see ``MapStyle``).
        public var faint: Bool
        /// Not seen for ``MapSettings/staleDays``: drawn faint and dotted.
        public var stale = false
        /// Drawn with an arrowhead at ``to``.
        public var directed: Bool

        public init(
            from: Int, to: Int, kind: LinkKind?, penWidth: Double = 1, faint: Bool = false, directed: Bool = false
        ) {
            self.from = from
            self.to = to
            self.kind = kind
            self.penWidth = penWidth
            self.faint = faint
            self.directed = directed
        }

        public var description: String { "Edge(\(from) -> \(to), \(kind?.name ?? "none"))" }
    }

    /// A boxed group of nodes (a concern cluster drawn as a Graphviz `cluster_` subgraph).
    public struct Group: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Text on the box (made by the program, e.g. a cluster's stable id; escaped anyway).
        public var label: String
        /// Node indices; a node belongs to at most one group (the first that lists it).
        public var members: [Int]
        /// Highest MACE level in the group; tints the box's outline.
        public var riskLevel: UInt8

        public init(label: String, members: [Int], riskLevel: UInt8 = 0) {
            self.label = label
            self.members = members
            self.riskLevel = riskLevel
        }

        public var description: String { "Group(\(members.count) members)" }
    }

    /// Title lines, drawn at the top; the first should carry the protective marking.
    public var title: [String]
    /// An optional note line under the title (for instance, why the map is condensed).
    public var note: String?
    public var nodes: [Node]
    public var edges: [Edge]
    /// Boxed groups of nodes; drawn by `dot` and `fdp` (``MapStyle`` picks one when there are groups).
    public var groups: [Group] = []
    /// The node at the centre of a radial (`twopi`) layout.
    public var centre: Int?
    /// Largest width and height in inches; a bigger drawing is scaled down to fit (Graphviz
    /// `size`). `nil`: natural size.
    public var fitInches: Double?
    /// Whether to draw the legend (shapes, MACE fills, edge styles).
    public var legend: Bool
    /// The layout engine; ``LayoutEngine/auto`` lets ``MapStyle`` choose by size.
    public var engine: LayoutEngine
    /// The visual language and the engine thresholds.
    public var style: MapStyle

    public init(
        title: [String], note: String? = nil, nodes: [Node] = [], edges: [Edge] = [], legend: Bool = true,
        engine: LayoutEngine = .auto, style: MapStyle = MapStyle()
    ) {
        self.title = title
        self.note = note
        self.nodes = nodes
        self.edges = edges
        self.legend = legend
        self.engine = engine
        self.style = style
    }

    /// Keeps at most ``MapStyle/maxLinks`` edges, ranked exploitation first, then the widest
    /// (strongest), then in their order: first the best-ranked link of every node that has one
    /// (so no node loses all its links while the limit allows one each), then the rest by rank;
    /// the note says how many were left out.
    mutating func limitEdges() {
        let limit = max(0, style.maxLinks)
        guard edges.count > limit else { return }
        let ranked = edges.indices.sorted { a, b in
            let exploitsA = edges[a].kind == .exploits, exploitsB = edges[b].kind == .exploits
            if exploitsA != exploitsB { return exploitsA }
            if edges[a].penWidth != edges[b].penWidth { return edges[a].penWidth > edges[b].penWidth }
            return a < b
        }
        var kept = Set<Int>()
        var linked = [Bool](repeating: false, count: nodes.count)
        for index in ranked where kept.count < limit {
            let edge = edges[index]
            guard linked.indices.contains(edge.from), linked.indices.contains(edge.to),
                !linked[edge.from] || !linked[edge.to]
            else { continue }
            kept.insert(index)
            linked[edge.from] = true
            linked[edge.to] = true
        }
        for index in ranked where kept.count < limit { kept.insert(index) }
        let total = edges.count
        edges = edges.indices.filter(kept.contains).map { edges[$0] }
        let line =
            "\(total - limit) of \(total) links not drawn (limit \(limit)); each node keeps its strongest, then the "
            + "strongest are shown."
        note = note.map { $0 + " " + line } ?? line
    }

    /// A map with no nodes: the title and the legend only (for documentation).
    public static func legendOnly(asOf: Day) -> MapSpec {
        MapSpec(title: ["contextd map legend", "as of \(asOf)"], nodes: [], edges: [], legend: true, engine: .dot)
    }

    /// Counts only; labels and titles are never printed.
    public var description: String { "MapSpec(nodes: \(nodes.count), edges: \(edges.count), engine: \(engine))" }
    public var debugDescription: String { description }

    /// The first edge whose endpoints are not node indices, if any.
    var firstInvalidEdge: Int? {
        edges.firstIndex { !nodes.indices.contains($0.from) || !nodes.indices.contains($0.to) }
    }

    /// Whether every group member and the centre name a node of the map.
    var referencesAreValid: Bool {
        groups.allSatisfy { $0.members.allSatisfy(nodes.indices.contains) }
            && centre.map(nodes.indices.contains) ?? true
    }
}

/// A Graphviz layout engine, or `auto` to choose by the size of the map.
public enum LayoutEngine: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Chosen by size and shape (see ``MapStyle/resolvedEngine(for:)``).
    case auto
    /// Layered layout; clear for small maps, slow above about a thousand nodes.
    case dot
    /// Spring model (stress majorisation).
    case neato
    /// Multiscale force-directed; the only engine fast enough for thousands of nodes.
    case sfdp
    /// Force-directed; draws boxed groups (`cluster_` subgraphs).
    case fdp
    /// Radial: the map's ``MapSpec/centre`` in the middle, rings by distance from it.
    case twopi

    public var description: String { rawValue }
}

/// An output format of a rendered map.
public enum MapFormat: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case svg, dot, png, pdf

    /// The file name extension (without the dot).
    public var fileExtension: String { rawValue }

    /// The Graphviz output format name.
    var graphvizName: String { rawValue }

    public var description: String { rawValue }
}
