public import ContextAnalysis
public import ContextModel

/// Outcome measures: for every action in `actions.csv`, its target before and after.
///
/// The scrutiny review behind this tool asked for "clear outcome measures ... to measure success
/// of interventions". For an action on day `d`, the window before is the
/// ``OutcomeSettings/windowDays`` days up to `d − 1`, the window after the same number of days
/// from `d + 1`. Compared across the two:
/// - for a place (location or school), its context score with events counted in that window and
///   link strengths as of the window's end, without the propagated component (which depends on
///   the whole borough, not on the place);
/// - the children linked to the target by a link active in the window (first seen by its end,
///   last seen from its start, or undated);
/// - events at the place or involving the person in the window;
/// - for a target in a concern cluster today: the cluster's members with an active link inside
///   it, and how many pieces (connected components) those links make: more pieces, more
///   fragmented.
///
/// An action whose window after ends after the as-of date is "too early to judge"; one with fewer
/// than ``OutcomeSettings/minimumObservations`` observations (linked children and events, both
/// windows) has "too little data to judge". A before/after difference is an association, not
/// proof that the action caused it; the reports say so.
public struct OutcomeMeasures: Sendable {
    public struct Window: Codable, Sendable, Hashable {
        public let from: String
        public let to: String
        /// Context score (places only, without the propagated component).
        public let contextScore: Double?
        public let childrenLinked: Int
        public let events: Int
        /// Members of the target's cluster with an active link inside it; `null` outside clusters.
        public let clusterActiveMembers: Int?
        /// Connected pieces those members' active links make.
        public let clusterPieces: Int?
    }

    public struct Action: Codable, Sendable {
        public let date: String
        public let kind: String
        public let agency: String?
        public let target: String
        public let targetKind: String
        public let cluster: String?
        public let before: Window
        public let after: Window
        /// `improved`, `worsened`, `no clear change`, `too early to judge`, `too little data to judge`.
        public let verdict: String
        public let explanation: String
    }

    public let windowDays: Int
    public let actions: [Action]
    /// A plain statement of how much the data can say.
    public let note: String

    public static let verdicts = [
        "improved", "worsened", "no clear change", "too early to judge", "too little data to judge",
    ]

    /// Measures every action up to the as-of date.
    ///
    /// - Complexity: O(actions × (E + events)); each context score costs the target's links and
    ///   one pass over the events.
    public init(graph: ContextGraph, analysis: Analysis, settings: OutcomeSettings) {
        let asOf = analysis.asOf
        let w = max(1, settings.windowDays)
        windowDays = w
        var scoring = analysis.settings.contexts
        scoring.windowDays = w
        func contextScore(_ target: EntityIndex, asOf day: Day) -> Double {
            // The target's own score only: O(its links + events), not the whole graph's.
            scoring.score(of: target, in: graph, strength: analysis.settings.strength, asOf: day).score
        }

        var actions: [Action] = []
        for a in 0..<graph.actions.count where graph.actions.dates[a] <= asOf.rawValue {
            let day = graph.actions.dates[a]
            let target = EntityIndex(rawValue: graph.actions.targets[a])
            let kind = graph.entities.kinds[target.int]
            let isPlace = kind == .location || kind == .school
            let cluster = analysis.clusters.cluster(of: target)
            func window(_ from: Int32, _ to: Int32) -> Window {
                let (members, pieces) =
                    cluster.map { Self.clusterActivity($0, graph: graph, from: from, to: to) }
                    .map { ($0.0 as Int?, $0.1 as Int?) } ?? (nil, nil)
                return Window(
                    from: Day(rawValue: from).description, to: Day(rawValue: to).description,
                    contextScore: isPlace
                        ? NetworkReport.rounded(contextScore(target, asOf: Day(rawValue: to))) : nil,
                    childrenLinked: Self.childrenLinked(target, graph: graph, from: from, to: to),
                    events: Self.events(target, graph: graph, from: from, to: to),
                    clusterActiveMembers: members, clusterPieces: pieces)
            }
            let before = window(day - Int32(w), day - 1)
            let after = window(day + 1, day + Int32(w))
            let (verdict, explanation) = Self.judge(
                before: before, after: after, isPlace: isPlace, afterEnd: day + Int32(w), asOf: asOf,
                settings: settings)
            actions.append(
                Action(
                    date: Day(rawValue: day).description, kind: graph.actions.kinds[a].name,
                    agency: Agency(rawValue: graph.actions.agencies[a])?.name, target: graph.id(of: target),
                    targetKind: Self.targetKind(target, in: graph), cluster: cluster?.stableID, before: before,
                    after: after, verdict: verdict, explanation: explanation))
        }
        self.actions = actions
        let judged = actions.filter { !$0.verdict.hasPrefix("too") }.count
        if actions.isEmpty {
            note = "No actions recorded (actions.csv absent or empty): no outcome can be measured."
        } else if judged < 5 {
            note =
                "The data is too thin to judge interventions: only \(judged) of \(actions.count) actions have "
                + "enough data on both sides of a \(w)-day window. Treat any pattern here as anecdote."
        } else {
            note =
                "\(judged) of \(actions.count) actions have enough data on both sides of a \(w)-day window. "
                + "A change after an action is an association, not proof that the action caused it."
        }
    }

    /// The location category, or the entity kind, of a target.
    static func targetKind(_ entity: EntityIndex, in graph: ContextGraph) -> String {
        let kind = graph.entities.kinds[entity.int]
        if kind == .location, let category = LocationCategory(rawValue: graph.entities.categories[entity.int]) {
            return category.name
        }
        return kind.name
    }

    static func isActive(_ link: Int, in graph: ContextGraph, from: Int32, to: Int32) -> Bool {
        let first = graph.links.firstSeen[link], last = graph.links.lastSeen[link]
        if graph.links.grading(link)?.isSuspectedFalse == true { return false }
        if first != Day.noneRaw && first > to { return false }
        if last != Day.noneRaw && last < from { return false }
        return true
    }

    static func childrenLinked(_ target: EntityIndex, graph: ContextGraph, from: Int32, to: Int32) -> Int {
        var children = Set<Int32>()
        for slot in graph.slots(of: target)
        where isActive(Int(graph.adjacentLinks[slot]), in: graph, from: from, to: to) {
            let other = graph.adjacentEntities[slot]
            if graph.entities.kinds[Int(other)] == .child { children.insert(other) }
        }
        return children.count
    }

    static func events(_ target: EntityIndex, graph: ContextGraph, from: Int32, to: Int32) -> Int {
        var count = 0
        for e in 0..<graph.events.count where graph.events.dates[e] >= from && graph.events.dates[e] <= to {
            if graph.events.entities[e] == target.rawValue || graph.events.locations[e] == target.rawValue {
                count += 1
            }
        }
        return count
    }

    /// Members with an active link inside the cluster, and the connected pieces those links make.
    static func clusterActivity(_ cluster: ConcernCluster, graph: ContextGraph, from: Int32, to: Int32) -> (Int, Int) {
        var parent: [Int32: Int32] = [:]
        func find(_ x: Int32) -> Int32 {
            var x = x
            while let p = parent[x], p != x {
                parent[x] = parent[p] ?? p
                x = p
            }
            return x
        }
        for link in cluster.links where isActive(link, in: graph, from: from, to: to) {
            let a = graph.links.sources[link], b = graph.links.targets[link]
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let ra = find(a), rb = find(b)
            if ra != rb { parent[ra] = rb }
        }
        let roots = Set(parent.keys.map(find))
        return (parent.count, roots.count)
    }

    static func judge(
        before: Window, after: Window, isPlace: Bool, afterEnd: Int32, asOf: Day, settings: OutcomeSettings
    ) -> (String, String) {
        if afterEnd > asOf.rawValue {
            return (
                "too early to judge",
                "The \(settings.windowDays)-day window after the action ends after the as-of date \(asOf)."
            )
        }
        let observations = before.childrenLinked + after.childrenLinked + before.events + after.events
        if observations < settings.minimumObservations {
            return (
                "too little data to judge",
                "Only \(observations) linked children and events in both windows together "
                    + "(at least \(settings.minimumObservations) needed)."
            )
        }
        let (measure, b, a): (String, Double, Double) =
            isPlace
            ? ("context score", before.contextScore ?? 0, after.contextScore ?? 0)
            : (
                "children linked plus events", Double(before.childrenLinked + before.events),
                Double(after.childrenLinked + after.events)
            )
        let change = b > 0 ? (a - b) / b : (a > 0 ? 1 : 0)
        let text = "\(measure) \(NetworkReport.rounded(b)) before, \(NetworkReport.rounded(a)) after"
        if change <= -0.2 { return ("improved", text + ": down by a fifth or more.") }
        if change >= 0.2 { return ("worsened", text + ": up by a fifth or more.") }
        return ("no clear change", text + ": within a fifth either way.")
    }
}
