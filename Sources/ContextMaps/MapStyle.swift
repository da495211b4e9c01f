import ContextModel

/// The visual language of contextd's maps, and the thresholds that choose a layout engine.
///
/// - Shape by kind: child a double ellipse, peer a small ellipse, perpetrator an octagon,
///   location a house, school a tab, group a hexagon; a condensed cluster a rounded box.
/// - Fill by MACE level, light to dark: ColorBrewer's 4-class sequential OrRd (1 pale cream,
///   2 light orange, 3 orange, 4 red with white text), not assessed grey; a second cue for readers
///   who cannot tell the colours apart: the outline thickens with the level, and the label says
///   "MACE n".
/// - Edges: `exploits` bold red with an arrow, `online_contact` dashed, `attends` and
///   `frequents` mid grey, others dark grey. Weakly evidenced links are lighter and thinner
///   but stay visible in print (mid grey, at least 1 pt); stale ones are also dotted.
///
/// The tunable values are stored properties so a configuration file can override them; the
/// colour and shape tables are constants shared with the legend.
public struct MapStyle: Sendable, Hashable, Codable {
    /// Up to this many nodes ``LayoutEngine/auto`` uses `dot`; above it, a force-directed
    /// engine. `dot` lays out in ranks, which reads well for a handful of nodes and spreads a
    /// cyclic social network of a hundred into a long, wide band (looked at on the sample's
    /// clusters), so the default is small.
    public var dotNodeLimit: Int
    /// The most nodes `dot`, `neato` or `fdp` may lay out, even when asked for by name: above it
    /// they take minutes (see the Graphviz notes), so `sfdp` is used and the map says so.
    public var slowEngineNodeLimit: Int
    /// The most links drawn on one map; beyond it the strongest are kept (exploitation first)
    /// and the map says how many were left out. A map's node limit alone does not bound its
    /// cost: a complete graph on 2,000 nodes took 106 s and 3 GiB to lay out.
    public var maxLinks: Int
    /// Overlap removal for the force-directed engines. `prism` is used only when this Graphviz
    /// build supports it; otherwise the renderer falls back to `false`.
    public var overlap: String
    /// Font for all text (present on the Debian image: DejaVu Sans).
    public var fontName: String

    /// The default `dotNodeLimit`.
    public static let defaultDotNodeLimit = 30
    /// The default `slowEngineNodeLimit`.
    public static let defaultSlowEngineNodeLimit = 1000
    /// The default `maxLinks`.
    public static let defaultMaxLinks = 3_000
    /// The default `overlap` mode.
    public static let defaultOverlap = "prism"
    /// The default font.
    public static let defaultFontName = "DejaVu Sans"

    public init(
        dotNodeLimit: Int = MapStyle.defaultDotNodeLimit,
        slowEngineNodeLimit: Int = MapStyle.defaultSlowEngineNodeLimit, maxLinks: Int = MapStyle.defaultMaxLinks,
        overlap: String = MapStyle.defaultOverlap, fontName: String = MapStyle.defaultFontName
    ) {
        self.dotNodeLimit = dotNodeLimit
        self.slowEngineNodeLimit = slowEngineNodeLimit
        self.maxLinks = maxLinks
        self.overlap = overlap
        self.fontName = fontName
    }

    /// The engine to use for a map of `nodeCount` nodes: `auto` becomes `dot` up to
    /// ``dotNodeLimit`` and `sfdp` above it; any other choice is kept.
    public func resolvedEngine(_ engine: LayoutEngine, nodeCount: Int) -> LayoutEngine {
        resolvedEngine(engine, nodeCount: nodeCount, grouped: false, centred: false).engine
    }

    /// The engine for a map, and a note for the map when a requested engine was replaced.
    ///
    /// `auto` picks: `twopi` for a map with a centre (a child's or a place's own network);
    /// for a map with boxed groups, `dot` up to ``dotNodeLimit`` nodes and `fdp` (which also
    /// draws the boxes) up to ``slowEngineNodeLimit``; otherwise `dot` up to ``dotNodeLimit``;
    /// and `sfdp` above those sizes. A slow engine asked for by name above
    /// ``slowEngineNodeLimit`` nodes is replaced by `sfdp`.
    public func resolvedEngine(for spec: MapSpec) -> (engine: LayoutEngine, note: String?) {
        resolvedEngine(
            spec.engine, nodeCount: spec.nodes.count, grouped: !spec.groups.isEmpty, centred: spec.centre != nil)
    }

    func resolvedEngine(_ engine: LayoutEngine, nodeCount: Int, grouped: Bool, centred: Bool)
        -> (engine: LayoutEngine, note: String?)
    {
        switch engine {
        case .auto:
            if centred { return (.twopi, nil) }
            if nodeCount <= dotNodeLimit { return (.dot, nil) }
            if grouped && nodeCount <= slowEngineNodeLimit { return (.fdp, nil) }
            return (
                .sfdp, grouped ? "Clusters are not boxed: \(nodeCount) nodes are too many for a boxed layout." : nil
            )
        case .dot, .neato, .fdp:
            guard nodeCount > slowEngineNodeLimit else { return (engine, nil) }
            return (
                .sfdp,
                "Laid out with sfdp instead of \(engine): \(nodeCount) nodes exceed its limit of \(slowEngineNodeLimit)."
            )
        case .sfdp, .twopi:
            return (engine, nil)
        }
    }

    /// Line width for a link strength in [0, 1]: 0.8 points for the weakest, up to 4 points.
    public static func penWidth(forStrength strength: Double) -> Double {
        0.8 + 3.2 * min(max(strength, 0), 1)
    }

    // MARK: - Tables (constants, also used to build the legend)

    /// How a node of a kind is drawn.
    struct NodeLook {
        var shape: String
        var peripheries = 1
        var fontSize = 12.0
        var width: Double?
        var height: Double?
        var penWidth = 1.0
        var rounded = false
    }

    static func look(for kind: EntityKind?) -> NodeLook {
        switch kind {
        case .child: NodeLook(shape: "ellipse", peripheries: 2, penWidth: 1.4)
        case .peer: NodeLook(shape: "ellipse", fontSize: 10, width: 0.4, height: 0.3)
        case .perpetrator: NodeLook(shape: "octagon", penWidth: 2)
        case .location: NodeLook(shape: "house")
        case .school: NodeLook(shape: "tab")
        case .group: NodeLook(shape: "hexagon")
        case nil: NodeLook(shape: "box", penWidth: 1.4, rounded: true)
        }
    }

    /// Fill and text colours for a MACE level (0 = not assessed).
    static func colours(forRisk level: UInt8) -> (fill: String, font: String) {
        switch level {
        case 4: (highFill, "#ffffff")
        case 3: (someFill, "#000000")
        case 2: (lowFill, "#000000")
        case 1: (noFill, "#000000")
        default: (notAssessedFill, "#000000")
        }
    }

    /// The outline width added to a node's own (``NodeLook/penWidth``) for its MACE level: the
    /// level's second cue, besides the fill, for readers who cannot tell the fills apart.
    static func outlineExtra(forRisk level: UInt8) -> Double {
        switch level {
        case 4: 2
        case 3: 1.2
        case 2: 0.5
        default: 0
        }
    }

    /// The outline colour of a boxed group (a cluster) of a MACE level: the level's fill where it
    /// shows on white, grey for the palest levels.
    static func boxColour(forRisk level: UInt8) -> String {
        level >= 2 ? colours(forRisk: level).fill : "#969696"
    }

    // MACE level fills: ColorBrewer 2.0 (Cynthia Brewer, Mark Harrower, Pennsylvania State
    // University; colorbrewer2.org), sequential scheme OrRd, 4 classes, which ColorBrewer marks
    // colour-blind safe and print friendly. CIELAB lightness 95, 85, 70, 48: ordered, so the
    // level reads in grey print and under colour-vision deficiency (checked in
    // `MapColourTests`). White on the darkest has a contrast ratio of 4.85 (WCAG AA).
    static let highFill = "#d7301f"
    static let someFill = "#fc8d59"
    static let lowFill = "#fdcc8a"
    static let noFill = "#fef0d9"
    static let notAssessedFill = "#d9d9d9"
    static let outline = "#333333"

    static let exploitsColour = "#b2182b"
    /// A weakly evidenced or stale exploitation link: still red, lighter.
    static let faintExploitsColour = "#d6604d"
    /// `attends` and `frequents`: CIELAB lightness 54.
    static let contextColour = "#808080"
    /// Links between people: CIELAB lightness 27.
    static let defaultEdgeColour = "#404040"
    /// Weak or stale links: CIELAB lightness 62, lighter than every other link colour but a mid
    /// grey that prints (the former #d0d0d0 at 0.6 pt vanished on paper and on screen).
    static let faintColour = "#969696"
    /// The narrowest line drawn, in points; also the width of a weak or stale link.
    static let faintPenWidth = 1.0
    /// The widest weak or stale link, so a faint link never looks strong.
    static let faintMaxPenWidth = 1.6

    /// How an edge is drawn.
    struct EdgeLook {
        var colour: String
        var style: String
        var penWidth: Double
    }

    /// Colour, style and width of an edge. Weak (graded C/D, source 3) and stale links are lighter
    /// and thinner, never invisible: a mid grey (a lighter red for exploitation) of 1 to 1.6 pt;
    /// stale ones dotted (dashed already means online contact).
    static func look(for edge: MapSpec.Edge) -> EdgeLook {
        var look: EdgeLook =
            switch edge.kind {
            case .exploits: EdgeLook(colour: exploitsColour, style: "bold", penWidth: max(2, edge.penWidth))
            case .onlineContact: EdgeLook(colour: defaultEdgeColour, style: "dashed", penWidth: edge.penWidth)
            case .attends, .frequents: EdgeLook(colour: contextColour, style: "solid", penWidth: edge.penWidth)
            default: EdgeLook(colour: defaultEdgeColour, style: "solid", penWidth: edge.penWidth)
            }
        if edge.faint || edge.stale {
            look.colour = edge.kind == .exploits ? faintExploitsColour : faintColour
            look.penWidth = min(max(edge.penWidth, faintPenWidth), faintMaxPenWidth)
            if look.style == "bold" { look.style = "solid" }
            if edge.stale { look.style = "dotted" }
        }
        look.penWidth = max(look.penWidth, faintPenWidth)
        return look
    }

    /// Node width in inches for a relative weight (a cluster's member count): grows with the
    /// square root, capped at 4 inches, so a 2,000-member cluster is not a hundred times wider.
    static func width(forWeight weight: Double) -> Double {
        min(4, 0.8 + 0.12 * max(0, weight).squareRoot())
    }
}
