import Dispatch

/// The single gateway to Graphviz in the process: lays out and renders ``MapSpec``s.
///
/// Graphviz is not thread-safe at all (two threads with their own contexts and graphs still
/// crash), so every Graphviz call in the process goes through this actor, and there is only one
/// instance, ``shared``. The actor runs on its own serial `DispatchQueue` (a custom executor, as
/// GRDB's `DispatchQueueActor`), so a layout that takes seconds blocks that queue rather than a
/// thread of Swift's cooperative pool. Calls from many tasks are simply served one at a time.
///
/// It owns the process's one `GVC_t`, created on first use and kept for the life of the process.
/// Each render builds a fresh graph (layout writes attributes back into a graph), and frees the
/// layout and the graph on every path.
public actor GraphvizRenderer {
    /// The one renderer of the process.
    public static let shared = GraphvizRenderer()

    private let executor: QueueExecutor
    private var context: GraphvizContext?

    private init() {
        executor = QueueExecutor(queue: DispatchQueue(label: "contextd.graphviz", qos: .userInitiated))
    }

    /// Runs the actor's jobs on its own serial queue.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Lays out a map once and renders it in each requested format.
    ///
    /// ``LayoutEngine/auto`` is resolved by ``MapStyle/resolvedEngine(for:)``; a slow engine
    /// asked for on a map too big for it is replaced, and the map's note says so. Layout cannot
    /// be interrupted: the node limits of the map builders keep it to seconds.
    ///
    /// - Returns: the bytes of each format (duplicates in `formats` are rendered once).
    /// - Throws: ``GraphvizError`` when Graphviz is unusable, the layout or a render fails, or an
    ///   edge of the spec names a node that does not exist.
    public func render(_ spec: MapSpec, formats: [MapFormat]) throws -> [MapFormat: [UInt8]] {
        let (engine, note) = spec.style.resolvedEngine(for: spec)
        var spec = spec
        if let note { spec.note = spec.note.map { $0 + " " + note } ?? note }
        return try render(spec, formats: formats, engineName: engine.rawValue)
    }

    /// The output formats this Graphviz build can write.
    public func availableFormats() throws -> Set<MapFormat> {
        try openContext().formats
    }

    /// The Graphviz library's version (part of every map's content hash).
    public func version() throws -> String {
        try openContext().version
    }

    /// Whether this Graphviz build supports `overlap=prism`.
    public func supportsPrismOverlap() throws -> Bool {
        try openContext().supportsPrism
    }

    /// ``render(_:formats:)`` with the engine given by its Graphviz name (tests pass a bogus one).
    func render(_ spec: MapSpec, formats: [MapFormat], engineName: String) throws -> [MapFormat: [UInt8]] {
        if let edge = spec.firstInvalidEdge {
            throw GraphvizError(.invalidSpec, "edge \(edge) names a node index outside the map")
        }
        guard spec.referencesAreValid else {
            throw GraphvizError(.invalidSpec, "a group or the centre names a node index outside the map")
        }
        let context = try openContext()
        GraphvizMessages.clear()
        var graph = try GraphvizDocument.graph(for: spec, engineName: engineName, supportsPrism: context.supportsPrism)
        try graph.layout(in: context, engine: engineName)
        var outputs: [MapFormat: [UInt8]] = [:]
        for format in formats where outputs[format] == nil {
            outputs[format] = try graph.render(in: context, format: format)
        }
        return outputs
    }

    /// Parses DOT text back (test entry point): node and edge counts, node labels and tooltips.
    func reparse(dot: [UInt8]) -> ReparsedGraph? {
        ReparsedGraph(dot: dot)
    }

    /// The number of nodes in a DOT text, or `nil` when it does not parse (test entry point).
    func reparseNodeCount(dot: [UInt8]) -> Int? {
        ReparsedGraph(dot: dot)?.nodeCount
    }

    private func openContext() throws -> GraphvizContext {
        if let context { return context }
        let opened = try GraphvizContext.open()
        context = opened
        return opened
    }
}

/// A serial executor that runs jobs on one `DispatchQueue` (after GRDB's `DispatchQueueExecutor`).
private final class QueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    /// - Precondition: `queue` is serial.
    init(queue: DispatchQueue) {
        self.queue = queue
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.async {
            unowned.runSynchronously(on: self.asUnownedSerialExecutor())
        }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
