internal import CGraphviz

// Everything in this file runs on the GraphvizRenderer's queue only; none of these types is
// Sendable, and none leaves the actor method that created it.

/// Graphviz's error and warning messages, collected by the shim's `agseterrf` callback.
///
/// This is the only file that calls `cgv_errors_*`: the shim keeps the buffer in `static`
/// storage of an inline function, which is per translation unit (per Swift file in a debug
/// build), so installing, reading and clearing must happen in one file.
enum GraphvizMessages {
    /// Routes Graphviz's messages away from stderr into the buffer (process-wide).
    static func install() { cgv_errors_install() }

    /// Forgets the messages collected so far.
    static func clear() { cgv_errors_clear() }

    /// The messages collected since the last ``clear()``, fragments joined, newlines as spaces.
    static var text: String {
        String(cString: cgv_errors_text()).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// The process's Graphviz context (`GVC_t`) and what its plugins can do.
///
/// Created once by ``GraphvizRenderer``; never Sendable, used on the renderer's queue only.
final class GraphvizContext {
    let raw: OpaquePointer
    /// Output formats this build can write.
    let formats: Set<MapFormat>
    /// Whether `overlap=prism` is available (it needs Graphviz built with GTS).
    private(set) var supportsPrism = false
    /// The library's version, as `gvcVersion` reports it.
    var version: String { gvcVersion(raw).map { String(cString: $0) } ?? "unknown" }

    private init(raw: OpaquePointer, formats: Set<MapFormat>) {
        self.raw = raw
        self.formats = formats
    }

    deinit { gvFreeContext(raw) }

    /// Creates the context and checks that the layout plugins are there.
    ///
    /// `gvContext()` finds its plugins through the `config6a` file that Debian's installer writes;
    /// without it there are silently no plugins and every layout fails.
    static func open() throws -> GraphvizContext {
        GraphvizMessages.install()
        GraphvizMessages.clear()
        guard let raw = gvContext() else {
            throw GraphvizError(
                .contextUnavailable, "gvContext() returned no context", graphvizMessage: GraphvizMessages.text)
        }
        guard cgv_has_plugin(raw, "layout", "dot") != 0 else {
            gvFreeContext(raw)
            throw GraphvizError(
                .pluginsMissing,
                "Graphviz has no layout plugins (layout \"dot\" is not recognised): its plugin list config6a is "
                    + "missing or empty; regenerate it with `dot -c` as root (package libgvc6)")
        }
        let formats = Set(MapFormat.allCases.filter { cgv_has_plugin(raw, "device", $0.graphvizName) != 0 })
        let context = GraphvizContext(raw: raw, formats: formats)
        context.supportsPrism = context.probePrism()
        return context
    }

    /// Lays out a three-node triangle with `sfdp` and `overlap=prism`; builds without GTS warn
    /// that the value is unsupported.
    private func probePrism() -> Bool {
        GraphvizMessages.clear()
        defer { GraphvizMessages.clear() }
        do {
            var graph = try CGraph(name: "probe")
            let nodes = try (0..<3).map { try graph.node(named: "n\($0)") }
            for i in 0..<3 { _ = try graph.edge(nodes[i], nodes[(i + 1) % 3]) }
            try graph.set(graph.raw, "overlap", "prism")
            try graph.layout(in: self, engine: "sfdp")
        } catch {
            return false
        }
        return !GraphvizMessages.text.lowercased().contains("overlap")
    }
}

/// One root graph (`Agraph_t`), closed when dropped; its layout, if any, is freed first.
///
/// Non-copyable so there is exactly one owner and the cleanup (`gvFreeLayout`, then `agclose`)
/// happens on every path, including thrown errors.
struct CGraph: ~Copyable {
    let raw: UnsafeMutablePointer<Agraph_t>
    /// Set just before `gvLayout`, so a partial layout is freed too.
    private var layoutContext: GraphvizContext?

    /// A new, empty, directed (non-strict) graph; undirected edges get `dir=none`.
    init(name: String) throws {
        guard let raw = cgv_open(name, cgv_directed()) else {
            throw GraphvizError(.graphConstruction, "agopen failed", graphvizMessage: GraphvizMessages.text)
        }
        self.raw = raw
        self.layoutContext = nil
    }

    deinit {
        if let layoutContext { gvFreeLayout(layoutContext.raw, raw) }
        agclose(raw)
    }

    func node(named name: String) throws -> UnsafeMutablePointer<Agnode_t> {
        guard let node = cgv_node(raw, name) else {
            throw GraphvizError(.graphConstruction, "agnode failed", graphvizMessage: GraphvizMessages.text)
        }
        return node
    }

    func edge(_ tail: UnsafeMutablePointer<Agnode_t>, _ head: UnsafeMutablePointer<Agnode_t>) throws
        -> UnsafeMutablePointer<Agedge_t>
    {
        guard let edge = cgv_edge(raw, tail, head) else {
            throw GraphvizError(.graphConstruction, "agedge failed", graphvizMessage: GraphvizMessages.text)
        }
        return edge
    }

    /// A subgraph of the root graph; a name starting with `cluster` is drawn as a box.
    func subgraph(named name: String) throws -> UnsafeMutablePointer<Agraph_t> {
        guard let subgraph = cgv_subgraph(raw, name) else {
            throw GraphvizError(.graphConstruction, "agsubg failed", graphvizMessage: GraphvizMessages.text)
        }
        return subgraph
    }

    /// Puts a node of the root graph into a subgraph.
    func add(_ node: UnsafeMutablePointer<Agnode_t>, to subgraph: UnsafeMutablePointer<Agraph_t>) throws {
        guard cgv_subnode(subgraph, node) != nil else {
            throw GraphvizError(.graphConstruction, "agsubnode failed", graphvizMessage: GraphvizMessages.text)
        }
    }

    /// Declares a node attribute with a default for every node.
    func nodeDefault(_ name: String, _ value: String) throws {
        guard cgv_default(raw, Int32(AGNODE), name, value) == 0 else {
            throw GraphvizError(.graphConstruction, "agattr failed for a node attribute")
        }
    }

    /// Declares an edge attribute with a default for every edge.
    func edgeDefault(_ name: String, _ value: String) throws {
        guard cgv_default(raw, Int32(AGEDGE), name, value) == 0 else {
            throw GraphvizError(.graphConstruction, "agattr failed for an edge attribute")
        }
    }

    /// Sets an attribute of this graph, or of one of its nodes or edges. `value` must already be
    /// escaped (``LabelText``) if it came from data.
    func set<Object>(_ object: UnsafeMutablePointer<Object>, _ name: String, _ value: String) throws {
        guard cgv_set(UnsafeMutableRawPointer(object), name, value) == 0 else {
            throw GraphvizError(.graphConstruction, "agsafeset failed", graphvizMessage: GraphvizMessages.text)
        }
    }

    /// Sets an HTML-like attribute of the root graph. Constant or fully escaped text only.
    func setHTML(_ name: String, _ html: String) throws {
        guard cgv_set_html(raw, UnsafeMutableRawPointer(raw), name, html) == 0 else {
            throw GraphvizError(
                .graphConstruction, "setting an HTML-like label failed", graphvizMessage: GraphvizMessages.text)
        }
    }

    /// Runs `gvLayout`. The layout is freed when the graph is dropped.
    mutating func layout(in context: GraphvizContext, engine: String) throws {
        layoutContext = context
        guard gvLayout(context.raw, raw, engine) == 0 else {
            throw GraphvizError(.layoutFailed, "layout with an engine failed", graphvizMessage: GraphvizMessages.text)
        }
    }

    /// Renders the laid-out graph into memory.
    func render(in context: GraphvizContext, format: MapFormat) throws -> [UInt8] {
        guard context.formats.contains(format) else {
            throw GraphvizError(.formatUnavailable, "this Graphviz build cannot write \(format)")
        }
        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context.raw, raw, format.graphvizName, &result, &length)
        defer { if let result { gvFreeRenderData(result) } }
        guard status == 0, let result else {
            throw GraphvizError(.renderFailed, "rendering \(format) failed", graphvizMessage: GraphvizMessages.text)
        }
        return Array(UnsafeRawBufferPointer(start: result, count: Int(length)))
    }
}

/// What a DOT text parses back into; used by the tests to prove that rendered DOT is intact.
struct ReparsedGraph: Sendable {
    var nodeCount: Int
    var edgeCount: Int
    /// `label` attribute by node name.
    var labels: [String: String]
    /// `tooltip` attribute by node name.
    var tooltips: [String: String]
}

extension ReparsedGraph {
    /// Parses DOT text with `agmemread`; `nil` when it does not parse.
    init?(dot: [UInt8]) {
        guard !dot.contains(0) else { return nil }
        let text = dot + [0]
        GraphvizMessages.clear()
        let parsed = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { $0.baseAddress.flatMap { cgv_memread($0) } }
        }
        guard let graph = parsed else { return nil }
        defer { agclose(graph) }
        var labels: [String: String] = [:]
        var tooltips: [String: String] = [:]
        var node = agfstnode(graph)
        while let current = node {
            let name = String(cString: cgv_name(UnsafeMutableRawPointer(current)))
            labels[name] = cgv_get(UnsafeMutableRawPointer(current), "label").map { String(cString: $0) }
            tooltips[name] = cgv_get(UnsafeMutableRawPointer(current), "tooltip").map { String(cString: $0) }
            node = agnxtnode(graph, current)
        }
        self.init(
            nodeCount: Int(agnnodes(graph)), edgeCount: Int(agnedges(graph)), labels: labels, tooltips: tooltips)
    }
}
