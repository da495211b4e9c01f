internal import CGraphviz
import ContextModel

/// Translates a ``MapSpec`` into a fresh cgraph graph, applying ``MapStyle``.
///
/// Node names are synthetic (`n0`, `n1`, ...); ids and labels go only into `label` and `tooltip`,
/// escaped by ``LabelText``. Nothing from data sets `image`, `URL`, `href` or an HTML-like label;
/// the only HTML-like label is the legend-only map's header, whose data parts are HTML-escaped.
enum GraphvizDocument {
    /// Builds the graph; runs on the renderer's queue.
    static func graph(for spec: MapSpec, engineName: String, supportsPrism: Bool) throws -> CGraph {
        let graph = try CGraph(name: "contextd")
        let style = spec.style
        try setGraphAttributes(graph, spec: spec, engineName: engineName, supportsPrism: supportsPrism)

        // Defaults first: `label` must default to `\N` (see shim.h).
        try graph.nodeDefault("label", "\\N")
        try graph.nodeDefault("fontname", style.fontName)
        try graph.nodeDefault("fontsize", "12")
        try graph.nodeDefault("style", "filled")
        try graph.nodeDefault("color", MapStyle.outline)
        try graph.nodeDefault("margin", "0.08,0.04")
        try graph.edgeDefault("arrowsize", "0.7")
        try graph.edgeDefault("fontname", style.fontName)

        var handles: [UnsafeMutablePointer<Agnode_t>] = []
        handles.reserveCapacity(spec.nodes.count)
        for (index, node) in spec.nodes.enumerated() {
            let handle = try graph.node(named: "n\(index)")
            try setNodeAttributes(graph, handle, node)
            handles.append(handle)
        }
        for edge in spec.edges {
            let handle = try graph.edge(handles[edge.from], handles[edge.to])
            try setEdgeAttributes(graph, handle, edge)
        }
        // Boxed groups: drawn by dot and fdp, ignored by the other engines.
        var grouped = Set<Int>()
        for (number, group) in spec.groups.enumerated() {
            let members = group.members.filter { grouped.insert($0).inserted }
            guard !members.isEmpty else { continue }
            let subgraph = try graph.subgraph(named: "cluster_\(number)")
            try graph.set(subgraph, "label", LabelText.escaped(group.label))
            try graph.set(subgraph, "color", MapStyle.boxColour(forRisk: group.riskLevel))
            try graph.set(subgraph, "penwidth", "2")
            try graph.set(subgraph, "style", "rounded")
            try graph.set(subgraph, "fontsize", "11")
            for member in members { try graph.add(handles[member], to: subgraph) }
        }
        if let centre = spec.centre, engineName == "twopi" {
            try graph.set(graph.raw, "root", "n\(centre)")
        }
        return graph
    }

    private static func setGraphAttributes(
        _ graph: borrowing CGraph, spec: MapSpec, engineName: String, supportsPrism: Bool
    ) throws {
        let root = graph.raw
        try graph.set(root, "fontname", spec.style.fontName)
        // Recorded so that the DOT output lays out the same way when read by the `dot` command.
        try graph.set(root, "layout", engineName)
        if let inches = spec.fitInches, inches > 0 {
            try graph.set(root, "size", "\(number(inches)),\(number(inches))")
        }
        try graph.set(root, "bgcolor", "white")
        try graph.set(root, "pad", "0.3")
        try graph.set(root, "outputorder", "edgesfirst")
        try graph.set(root, "labelloc", "t")
        try graph.set(root, "labeljust", "l")
        if spec.legend && spec.nodes.isEmpty {
            // The legend alone, with colour swatches: the only HTML-like label contextd draws.
            try graph.setHTML("label", MapStyle.headerHTML(title: spec.title, note: spec.note))
        } else {
            try graph.set(root, "label", MapStyle.headerText(title: spec.title, note: spec.note, key: spec.legend))
            try graph.set(root, "fontsize", "16")
        }
        switch engineName {
        case "dot":
            try graph.set(root, "nodesep", "0.25")
            try graph.set(root, "ranksep", "0.5")
        case "twopi":
            try graph.set(root, "ranksep", "1.3")
            try graph.set(
                root, "overlap", spec.style.overlap == "prism" && !supportsPrism ? "false" : spec.style.overlap)
            try graph.set(root, "sep", "+4")
        default:
            let overlap = spec.style.overlap == "prism" && !supportsPrism ? "false" : spec.style.overlap
            try graph.set(root, "overlap", overlap)
            try graph.set(root, "sep", "+6")
        }
    }

    private static func setNodeAttributes(
        _ graph: borrowing CGraph, _ handle: UnsafeMutablePointer<Agnode_t>, _ node: MapSpec.Node
    ) throws {
        let look = MapStyle.look(for: node.kind)
        let colours = MapStyle.colours(forRisk: node.riskLevel)
        var label = LabelText.escaped(node.label)
        if !node.caption.isEmpty { label += "\\n" + LabelText.escaped(node.caption, limit: LabelText.captionLimit) }
        try graph.set(handle, "label", label)
        if !node.tooltip.isEmpty {
            try graph.set(handle, "tooltip", LabelText.tooltip(node.tooltip))
        }
        try graph.set(handle, "shape", look.shape)
        try graph.set(handle, "fillcolor", colours.fill)
        try graph.set(handle, "fontcolor", colours.font)
        if look.rounded { try graph.set(handle, "style", "rounded,filled") }
        if look.peripheries != 1 { try graph.set(handle, "peripheries", String(look.peripheries)) }
        if look.fontSize != 12 { try graph.set(handle, "fontsize", number(look.fontSize)) }
        let penWidth = look.penWidth + MapStyle.outlineExtra(forRisk: node.riskLevel)
        if penWidth != 1 { try graph.set(handle, "penwidth", number(penWidth)) }
        if let width = node.weight.map(MapStyle.width(forWeight:)) ?? look.width {
            try graph.set(handle, "width", number(width))
        }
        if let height = look.height { try graph.set(handle, "height", number(height)) }
        if node.emphasised {
            try graph.set(handle, "penwidth", number(penWidth + 2.5))
            try graph.set(handle, "fontsize", number(look.fontSize + 4))
        }
    }

    private static func setEdgeAttributes(
        _ graph: borrowing CGraph, _ handle: UnsafeMutablePointer<Agedge_t>, _ edge: MapSpec.Edge
    ) throws {
        let look = MapStyle.look(for: edge)
        try graph.set(handle, "color", look.colour)
        if look.style != "solid" { try graph.set(handle, "style", look.style) }
        try graph.set(handle, "penwidth", number(look.penWidth))
        if !edge.directed { try graph.set(handle, "dir", "none") }
        // Link kind names are constants of the model, never data.
        try graph.set(handle, "tooltip", edge.kind?.name ?? "link")
    }

    /// A decimal with at most two places, as Graphviz reads it.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
