/// A failure inside Graphviz, or a map that cannot be given to it.
///
/// Carries a ``Code`` and the messages Graphviz reported while the operation ran (cut to a
/// bounded length). No C pointer or status code leaves the module. Graphviz node names are
/// synthetic (`n0`, `n1`, ...), so its messages do not carry entity ids or labels.
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case pluginsMissing, contextUnavailable, graphConstruction, layoutFailed, renderFailed
            case formatUnavailable, invalidSpec
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Graphviz found no layout plugins (its `config6a` plugin list is missing or empty).
        public static let pluginsMissing = Code(.pluginsMissing)
        /// `gvContext()` returned nothing.
        public static let contextUnavailable = Code(.contextUnavailable)
        /// Creating the graph, a node, an edge or an attribute failed.
        public static let graphConstruction = Code(.graphConstruction)
        /// `gvLayout` failed (for instance, an unknown engine).
        public static let layoutFailed = Code(.layoutFailed)
        /// `gvRenderData` failed.
        public static let renderFailed = Code(.renderFailed)
        /// This Graphviz build cannot write the requested format.
        public static let formatUnavailable = Code(.formatUnavailable)
        /// The map itself is inconsistent (an edge names a node that does not exist).
        public static let invalidSpec = Code(.invalidSpec)

        public var description: String {
            switch base {
            case .pluginsMissing: "plugins missing"
            case .contextUnavailable: "context unavailable"
            case .graphConstruction: "graph construction failed"
            case .layoutFailed: "layout failed"
            case .renderFailed: "render failed"
            case .formatUnavailable: "format unavailable"
            case .invalidSpec: "invalid map"
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence from contextd saying what was attempted.
    public let summary: String
    /// The messages Graphviz reported (through its error callback), trimmed; may be empty.
    public let graphvizMessage: String

    /// Longest ``graphvizMessage`` kept.
    static let messageLimit = 1000

    init(_ code: Code, _ summary: String, graphvizMessage: String = "") {
        self.code = code
        self.summary = summary
        var message = graphvizMessage.trimmingWhitespace
        if message.count > Self.messageLimit { message = String(message.prefix(Self.messageLimit)) + "…" }
        self.graphvizMessage = message
    }

    public var description: String {
        graphvizMessage.isEmpty
            ? "Graphviz \(code): \(summary)"
            : "Graphviz \(code): \(summary) (Graphviz said: \(graphvizMessage))"
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation here).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
