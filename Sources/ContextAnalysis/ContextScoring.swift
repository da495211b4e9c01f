public import ContextModel
import GraphAlgorithms

/// Context risk: a score for every location and school, made of components an analyst can read.
///
/// For a context `x`, counting only links with strength at least ``minimumStrength``:
///
/// | component | what it counts | default weight |
/// |---|---|---|
/// | `children_level_4` … `children_level_2`, `children_other` | children linked to `x`, by MACE level | 4, 3, 1, 0.5 |
/// | `perpetrators_high` | perpetrators at level 3-4 linked to `x` | 3 |
/// | `perpetrators_other` | other perpetrators linked to `x` | 1 |
/// | `co_presence` | min(children, perpetrators) linked to `x`: children and perpetrators at the same place | 4 |
/// | `found_missing` | `found_at` events at `x` in the window (missing children found there) | 3 |
/// | `weapons` | `weapon` events at `x` in the window | 3 |
/// | `incidents` | `incident` events at `x` in the window | 2 |
/// | `other_events` | other events at `x` in the window | 0.5 |
/// | `own_level` | the context's own MACE level (0 when not assessed) | 1 |
/// | `propagated` | personalised PageRank from the seeds, scaled so the highest context is 10 | 1 |
///
/// `score = Σ weight × component`. The personalised PageRank runs on the whole graph weighted by
/// link strength, restarting at level-4 perpetrators and level-3/4 children; it carries risk to
/// places one or two steps from them. A busy place full of ordinary peers scores only through the
/// propagated component, so a decoy cannot outrank a place where children and perpetrators meet.
public struct ContextScoring: Sendable, Hashable, Codable {
    /// Days before the as-of date in which events count.
    public var windowDays: Int
    /// Links weaker than this do not count towards the components (stale or weak intelligence).
    public var minimumStrength: Double
    /// How many top contexts are hotspots.
    public var hotspots: Int
    /// Weight of each component, by name.
    public var weights: [String: Double]
    public var damping: Double

    public static let componentNames = [
        "children_level_4", "children_level_3", "children_level_2", "children_other", "perpetrators_high",
        "perpetrators_other", "co_presence", "found_missing", "weapons", "incidents", "other_events", "own_level",
        "propagated",
    ]

    public static let defaultWeights: [String: Double] = [
        "children_level_4": 4, "children_level_3": 3, "children_level_2": 1, "children_other": 0.5,
        "perpetrators_high": 3, "perpetrators_other": 1, "co_presence": 4, "found_missing": 3, "weapons": 3,
        "incidents": 2, "other_events": 0.5, "own_level": 1, "propagated": 1,
    ]

    public init(
        windowDays: Int = 90, minimumStrength: Double = 0.05, hotspots: Int = 10,
        weights: [String: Double] = ContextScoring.defaultWeights, damping: Double = 0.85
    ) {
        self.windowDays = windowDays
        self.minimumStrength = minimumStrength
        self.hotspots = hotspots
        self.weights = weights
        self.damping = damping
    }

    /// Whether an entity seeds propagated risk: a level-4 perpetrator or a level 3-4 child.
    static func isRiskSeed(_ entity: Int, in graph: ContextGraph) -> Bool {
        let level = graph.entities.riskLevels[entity]
        switch graph.entities.kinds[entity] {
        case .perpetrator: return level >= 4
        case .child: return level >= 3
        default: return false
        }
    }

    /// Personalised PageRank from the risk seeds over links weighted by strength.
    ///
    /// - Complexity: O((V + E) · iterations).
    public func propagatedRisk(in graph: ContextGraph, over walkGraph: StrengthGraph) -> [Double] {
        var seeds: [VertexIndex: Double] = [:]
        for v in 0..<graph.entities.count where Self.isRiskSeed(v, in: graph) { seeds[VertexIndex(v)] = 1 }
        guard !seeds.isEmpty else { return [Double](repeating: 0, count: graph.entities.count) }
        return PageRank(damping: damping, weighted: true, personalization: seeds, tolerance: 1e-10, maxIterations: 200)
            .scores(in: walkGraph.graph).values
    }

    /// Scores every location and school.
    ///
    /// - Parameters:
    ///   - strengths: link strengths (set the low-grade ones to 0 for the sensitivity view).
    ///   - propagated: ``propagatedRisk(in:over:)`` for the same strengths.
    /// - Returns: one score per context, highest first (ties by id).
    /// - Complexity: O(V + E + events).
    public func scores(in graph: ContextGraph, strengths: [Double], propagated: [Double], asOf: Day) -> [ContextScore] {
        var contexts: [Int] = []
        for v in 0..<graph.entities.count
        where graph.entities.kinds[v] == .location || graph.entities.kinds[v] == .school {
            contexts.append(v)
        }
        let topPropagated = contexts.map { propagated[$0] }.max() ?? 0
        var events = [String: [Int: Double]]()  // component -> context -> count
        let windowStart = asOf.rawValue - Int32(windowDays)
        for e in 0..<graph.events.count {
            let location = Int(graph.events.locations[e])
            let date = graph.events.dates[e]
            guard location >= 0, date >= windowStart, date <= asOf.rawValue else { continue }
            events[Self.eventComponent(graph.events.kinds[e]), default: [:]][location, default: 0] += 1
        }
        var result: [ContextScore] = []
        result.reserveCapacity(contexts.count)
        for x in contexts {
            var eventCounts = [String: Double]()
            for (name, counts) in events { if let count = counts[x] { eventCounts[name] = count } }
            let share = topPropagated > 0 && propagated[x] > 0 ? propagated[x] / topPropagated : nil
            result.append(
                score(of: x, in: graph, strength: { strengths[$0] }, eventCounts: eventCounts, propagatedShare: share))
        }
        result.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return graph.id(of: a.context).utf8.lexicographicallyPrecedes(graph.id(of: b.context).utf8)
        }
        return result
    }

    /// The score of one context as of a date, without propagated risk: its own links' strengths
    /// (from `strength`) and the events there in the window. Equal to its entry in
    /// ``scores(in:strengths:propagated:asOf:)`` with `propagated` all zero, at the cost of its
    /// own links and one pass over the events instead of the whole graph.
    ///
    /// - Complexity: O(degree + events).
    public func score(of context: EntityIndex, in graph: ContextGraph, strength model: StrengthModel, asOf: Day)
        -> ContextScore
    {
        var eventCounts = [String: Double]()
        let windowStart = asOf.rawValue - Int32(windowDays)
        for e in 0..<graph.events.count where graph.events.locations[e] == context.rawValue {
            let date = graph.events.dates[e]
            guard date >= windowStart, date <= asOf.rawValue else { continue }
            eventCounts[Self.eventComponent(graph.events.kinds[e]), default: 0] += 1
        }
        return score(
            of: context.int, in: graph, strength: { model.strength(of: $0, in: graph, asOf: asOf).value },
            eventCounts: eventCounts, propagatedShare: nil)
    }

    /// The score component an event at a place counts towards.
    static func eventComponent(_ kind: EventKind) -> String {
        switch kind {
        case .foundAt: "found_missing"
        case .weapon: "weapons"
        case .incident: "incidents"
        default: "other_events"
        }
    }

    /// One context's score from its links, its event counts by component and its share of the
    /// highest propagated risk among contexts.
    private func score(
        of x: Int, in graph: ContextGraph, strength: (Int) -> Double, eventCounts: [String: Double],
        propagatedShare: Double?
    ) -> ContextScore {
        var components = eventCounts
        var children = 0, perpetrators = 0
        var seen = Set<Int32>()
        for slot in graph.slots(of: EntityIndex(x)) where strength(Int(graph.adjacentLinks[slot])) >= minimumStrength {
            let other = graph.adjacentEntities[slot]
            guard seen.insert(other).inserted else { continue }
            let level = graph.entities.riskLevels[Int(other)]
            switch graph.entities.kinds[Int(other)] {
            case .child:
                children += 1
                let name =
                    level == 4
                    ? "children_level_4"
                    : level == 3 ? "children_level_3" : level == 2 ? "children_level_2" : "children_other"
                components[name, default: 0] += 1
            case .perpetrator:
                perpetrators += 1
                components[level >= 3 ? "perpetrators_high" : "perpetrators_other", default: 0] += 1
            default: break
            }
        }
        if min(children, perpetrators) > 0 { components["co_presence"] = Double(min(children, perpetrators)) }
        if graph.entities.riskLevels[x] > 0 { components["own_level"] = Double(graph.entities.riskLevels[x]) }
        if let propagatedShare { components["propagated"] = (propagatedShare * 10 * 1e6).rounded() / 1e6 }
        let total = components.reduce(0) { $0 + (weights[$1.key] ?? 0) * $1.value }
        return ContextScore(context: EntityIndex(x), components: components, score: total)
    }
}

/// A context's risk score with its components.
public struct ContextScore: Sendable, Hashable {
    public let context: EntityIndex
    /// Non-zero components by name (see ``ContextScoring``).
    public let components: [String: Double]
    public let score: Double
}
