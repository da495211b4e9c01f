public import ContextModel

/// The paths along which propagated risk reaches an entity from the risk seeds (level-4
/// perpetrators, level 3-4 children), strongest first: the "reasons" shown next to a score.
///
/// A path's weight is the product of its links' strengths times `damping^length`, the share a
/// random walk from the seed would carry along it in personalised PageRank's terms. The search is
/// a beam search backwards from the entity: at each length it keeps the ``beamWidth`` strongest
/// partial paths, and from each entity it follows only its ``beamWidth`` strongest links and its
/// links to seeds (``Candidates``), so a school with a thousand pupils costs a few dozen steps.
/// The result is therefore the strongest paths among those candidates: exact for entities of
/// modest degree, a close approximation around the busiest places.
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

    /// The links each entity's search may follow: its ``beamWidth`` strongest links, plus every
    /// link to a risk seed (so a direct link to a seed is never missed behind stronger ones).
    /// Built once per analysis; O(E log beamWidth).
    public struct Candidates: Sendable {
        let offsets: [Int32]
        let links: [Int32]
        let others: [Int32]
    }

    /// Prepares the candidate links of every entity.
    public func candidates(in graph: ContextGraph, strengths: [Double]) -> Candidates {
        var offsets: [Int32] = [0]
        var links: [Int32] = [], others: [Int32] = []
        offsets.reserveCapacity(graph.entities.count + 1)
        var strongest: [(strength: Double, link: Int32, other: Int32)] = []
        for v in 0..<graph.entities.count {
            strongest.removeAll(keepingCapacity: true)
            for slot in graph.slots(of: EntityIndex(v)) {
                let link = graph.adjacentLinks[slot]
                let strength = strengths[Int(link)]
                guard strength > 0 else { continue }
                let other = graph.adjacentEntities[slot]
                if ContextScoring.isRiskSeed(Int(other), in: graph) {
                    links.append(link)
                    others.append(other)
                } else {
                    strongest.append((strength, link, other))
                }
            }
            if strongest.count > beamWidth {
                strongest.sort { ($0.strength, $1.link) > ($1.strength, $0.link) }
                strongest.removeSubrange(beamWidth...)
            }
            for entry in strongest {
                links.append(entry.link)
                others.append(entry.other)
            }
            offsets.append(Int32(links.count))
        }
        return Candidates(offsets: offsets, links: links, others: others)
    }

    /// The strongest paths from seeds to `target` (none when it is unreachable within
    /// ``maxLength``), following each entity's ``Candidates``.
    ///
    /// - Complexity: O(maxLength · beamWidth · c) for c candidate links per entity, plus sorting.
    public func paths(to target: EntityIndex, in graph: ContextGraph, strengths: [Double], candidates: Candidates)
        -> [Path]
    {
        var beam: [Path] = [Path(entities: [target], links: [], weight: 1)]
        var found: [Path] = []
        for _ in 0..<maxLength {
            var next: [(weight: Double, parent: Int, link: Int32, other: Int32)] = []
            for (index, partial) in beam.enumerated() {
                guard let last = partial.entities.last else { continue }
                let range = Int(candidates.offsets[last.int])..<Int(candidates.offsets[last.int + 1])
                for k in range {
                    let other = candidates.others[k]
                    if partial.entities.contains(EntityIndex(rawValue: other)) { continue }
                    let link = candidates.links[k]
                    let weight = partial.weight * strengths[Int(link)] * damping
                    if ContextScoring.isRiskSeed(Int(other), in: graph) {
                        found.append(
                            Path(
                                entities: partial.entities + [EntityIndex(rawValue: other)],
                                links: partial.links + [Int(link)], weight: weight))
                    } else {
                        next.append((weight, index, link, other))
                    }
                }
            }
            if next.count > beamWidth {
                next.sort { ($0.weight, $1.other) > ($1.weight, $0.other) }
                next.removeSubrange(beamWidth...)
            }
            beam = next.map { entry in
                let parent = beam[entry.parent]
                return Path(
                    entities: parent.entities + [EntityIndex(rawValue: entry.other)],
                    links: parent.links + [Int(entry.link)],
                    weight: entry.weight)
            }
            if beam.isEmpty { break }
        }
        found.sort(by: Self.stronger)
        return Array(found.prefix(pathsPerEntity))
    }

    /// ``paths(to:in:strengths:candidates:)`` for a single entity (prepares the candidates).
    public func paths(to target: EntityIndex, in graph: ContextGraph, strengths: [Double]) -> [Path] {
        paths(to: target, in: graph, strengths: strengths, candidates: candidates(in: graph, strengths: strengths))
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
            let seen =
                graph.links.lastSeen[link] != Day.noneRaw ? graph.links.lastSeen[link] : graph.links.firstSeen[link]
            if seen != Day.noneRaw { linkText += ", \(max(0, Int(asOf.rawValue) - Int(seen))) days old" }
            details.append(linkText)
            text +=
                " <- \(graph.entities.kinds[entity.int].name) \(graph.id(of: entity)) (\(details.joined(separator: "; ")))"
        }
        return text
    }

    private static func entityText(_ entity: EntityIndex, in graph: ContextGraph) -> String {
        "\(graph.entities.kinds[entity.int].name) \(graph.id(of: entity))"
    }

    private static func entityDetails(_ entity: EntityIndex, in graph: ContextGraph) -> [String] {
        var parts: [String] = []
        var first: [String] = []
        if let category = LocationCategory(rawValue: graph.entities.categories[entity.int]) {
            first.append(category.name)
        }
        if let level = graph.entities.riskLevel(entity) { first.append("level \(level.rawValue)") }
        if !first.isEmpty { parts.append(first.joined(separator: ", ")) }
        return parts
    }
}
