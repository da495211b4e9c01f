public import ContextModel

extension StrengthModel {
    /// One link between two entities, with its strength factor by factor (`contextd explain`).
    public struct LinkExplanation: Sendable {
        /// The link's ends as written in the data (`exploits` runs from the one causing harm).
        public let source: String
        public let target: String
        public let kind: LinkKind
        public let strength: LinkStrength
    }

    /// Every link between `a` and `b`, in either direction, of `kind` if given, in the order of
    /// `b`'s slots in `a`'s adjacency (the order of the links file).
    ///
    /// - Complexity: O(degree of `a`).
    public func explainLinks(
        between a: EntityIndex, and b: EntityIndex, in graph: ContextGraph, asOf: Day, kind: LinkKind? = nil
    ) -> [LinkExplanation] {
        var explained: [LinkExplanation] = []
        for slot in graph.slots(of: a) where graph.adjacentEntities[slot] == b.rawValue {
            let link = Int(graph.adjacentLinks[slot])
            if let kind, graph.links.kinds[link] != kind { continue }
            explained.append(
                LinkExplanation(
                    source: graph.id(of: EntityIndex(rawValue: graph.links.sources[link])),
                    target: graph.id(of: EntityIndex(rawValue: graph.links.targets[link])),
                    kind: graph.links.kinds[link], strength: strength(of: link, in: graph, asOf: asOf)))
        }
        return explained
    }
}
