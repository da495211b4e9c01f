public import ContextModel

/// The paths along which propagated risk reaches an entity from the risk seeds (level-4
/// perpetrators, level 3-4 children), strongest first: the "reasons" shown next to a score.
///
/// A path's weight is the product of its links' strengths times `damping^length`, the share a
/// random walk from the seed would carry along it in personalised PageRank's terms. The search is
/// a beam search backwards from the entity: at each length it keeps the ``beamWidth`` strongest
/// partial paths, so a school with a thousand pupils costs a thousand steps, not a million.
public struct RiskPaths: Sendable, Hashable, Codable {
    public var maxLength: Int
    public var beamWidth: Int
    public var pathsPerEntity: Int
    public var damping: Double

    public init(maxLength: Int = 3, beamWidth: Int = 32, pathsPerEntity: Int = 3, damping: Double = 0.85) {
        self.maxLength = maxLength
        self.beamWidth = beamWidth
        self.pathsPerEntity = pathsPerEntity
        self.damping = damping
    }

    /// One path: entities from the target back to a seed, and the links between them.
    public struct Path: Sendable, Hashable {
        /// `entities[0]` is the entity explained, the last a seed.
        public let entities: [EntityIndex]
        /// `links[i]` joins `entities[i]` and `entities[i + 1]`.
        public let links: [Int]
        public let weight: Double
    }

    /// The strongest paths from seeds to `target` (none when it is a seed itself or unreachable).
    ///
    /// - Complexity: O(maxLength · beamWidth · d) for degree d, plus sorting the beam.
    public func paths(to target: EntityIndex, in graph: ContextGraph, strengths: [Double]) -> [Path] {
        var beam: [Path] = [Path(entities: [target], links: [], weight: 1)]
        var found: [Path] = []
        for _ in 0..<maxLength {
            var next: [Path] = []
            for partial in beam {
                guard let last = partial.entities.last else { continue }
                for slot in graph.slots(of: last) {
                    let link = Int(graph.adjacentLinks[slot])
                    guard strengths[link] > 0 else { continue }
                    let other = EntityIndex(rawValue: graph.adjacentEntities[slot])
                    if partial.entities.contains(other) { continue }
                    let extended = Path(
                        entities: partial.entities + [other], links: partial.links + [link],
                        weight: partial.weight * strengths[link] * damping)
                    if ContextScoring.isRiskSeed(other.int, in: graph) { found.append(extended) } else { next.append(extended) }
                }
            }
            next.sort(by: Self.stronger)
            beam = Array(next.prefix(beamWidth))
            if beam.isEmpty { break }
        }
        found.sort(by: Self.stronger)
        return Array(found.prefix(pathsPerEntity))
    }

    private static func stronger(_ a: Path, _ b: Path) -> Bool {
        if a.weight != b.weight { return a.weight > b.weight }
        return a.entities.map(\.rawValue).lexicographicallyPrecedes(b.entities.map(\.rawValue))
    }

    /// A path as analysts read it:
    /// `child C-1 <- location L-4 (takeaway, level 4; frequents, graded 1B, 12 days old) <- perpetrator X-2 (level 4; frequents, graded 2C, 40 days old)`.
    public static func describe(_ path: Path, in graph: ContextGraph, asOf: Day) -> String {
        var text = entityText(path.entities[0], in: graph)
        for (step, link) in path.links.enumerated() {
            let entity = path.entities[step + 1]
            var details = entityDetails(entity, in: graph)
            var linkText = graph.links.kinds[link].name
            if let grading = graph.links.grading(link) { linkText += ", graded \(grading)" }
            let seen = graph.links.lastSeen[link] != Day.noneRaw ? graph.links.lastSeen[link] : graph.links.firstSeen[link]
            if seen != Day.noneRaw { linkText += ", \(max(0, Int(asOf.rawValue) - Int(seen))) days old" }
            details.append(linkText)
            text += " <- \(graph.entities.kinds[entity.int].name) \(graph.id(of: entity)) (\(details.joined(separator: "; ")))"
        }
        return text
    }

    private static func entityText(_ entity: EntityIndex, in graph: ContextGraph) -> String {
        "\(graph.entities.kinds[entity.int].name) \(graph.id(of: entity))"
    }

    private static func entityDetails(_ entity: EntityIndex, in graph: ContextGraph) -> [String] {
        var parts: [String] = []
        var first: [String] = []
        if let category = LocationCategory(rawValue: graph.entities.categories[entity.int]) { first.append(category.name) }
        if let level = graph.entities.riskLevel(entity) { first.append("level \(level.rawValue)") }
        if !first.isEmpty { parts.append(first.joined(separator: ", ")) }
        return parts
    }
}
