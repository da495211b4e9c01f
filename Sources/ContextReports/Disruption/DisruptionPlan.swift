public import ContextAnalysis
public import ContextModel

/// `disruption.json`: for each concern cluster and each hotspot, whom or what to disrupt, the
/// evidence, and suggested actions mapped from the kind of target (``DisruptionActions``, set in
/// the configuration), with the outcome of past actions. For MACE analysts and the Joint Action
/// Group: identifiable, OFFICIAL-SENSITIVE.
public struct DisruptionPlan: Codable, Sendable {
    /// One target with why it was chosen and what could be done.
    public struct Item: Codable, Sendable {
        public let id: String
        /// Location category, or entity kind (`perpetrator`, `peer`, `group`, …).
        public let targetKind: String
        public let riskLevel: Int?
        /// Why it is a target, in plain words.
        public let why: [String]
        /// Its links inside the cluster and the events involving it.
        public let evidence: NetworkReport.Target
        public let suggestedActions: [String]
        /// Actions already taken on it (from `actions.csv`), with their outcome.
        public let actionsTaken: [String]
    }

    public struct ClusterPlan: Codable, Sendable {
        public let cluster: String
        public let size: Int
        public let children: Int
        public let exploitation: [String]
        /// `[child, perpetrator]` pairs linked directly: only acting on the perpetrator separates them.
        public let directExposures: [[String]]
        public let targets: [Item]
        /// When no target could be found, why.
        public let note: String?
    }

    public struct HotspotPlan: Codable, Sendable {
        public let rank: Int
        public let id: String
        public let targetKind: String
        public let area: String?
        public let score: Double
        public let components: [String: Double]
        public let reasons: [String]
        public let suggestedActions: [String]
        public let actionsTaken: [String]
    }

    public let schemaVersion: Int
    public let marking: String
    public let asOf: String
    /// The mapping from kind of target to suggested actions that was used.
    public let actionMapping: [String: [String]]
    public let clusters: [ClusterPlan]
    public let hotspots: [HotspotPlan]
    public let outcomes: [OutcomeMeasures.Action]
    public let outcomeWindowDays: Int
    public let outcomeNote: String

    /// Builds the plan from the analysis (a pure function).
    ///
    /// - Complexity: O(clusters × cluster links + contexts + actions).
    public init(graph: ContextGraph, analysis: Analysis, outcomes: OutcomeMeasures, settings: DisruptionActions) {
        let asOf = analysis.asOf
        let eventsOf = NetworkReport.eventCounts(in: graph, asOf: asOf)
        // Keyed by exact id (``EntityID``), as the graph is.
        var takenOn: [EntityID: [String]] = [:]
        for action in outcomes.actions {
            takenOn[EntityID(action.target), default: []].append("\(action.date) \(action.kind): \(action.verdict)")
        }
        clusters = zip(analysis.clusters.clusters, analysis.disruption).map { cluster, targets in
            let disruption = NetworkReport.disruption(
                targets, cluster: cluster, graph: graph, asOf: asOf, eventsOf: eventsOf)
            var order: [String] = []
            var reasons: [EntityID: [String]] = [:]
            var evidence: [EntityID: NetworkReport.Target] = [:]
            func add(_ target: NetworkReport.Target, _ why: String) {
                let key = EntityID(target.id)
                if evidence[key] == nil {
                    order.append(target.id)
                    evidence[key] = target
                }
                reasons[key, default: []].append(why)
            }
            for target in disruption.minimumCut ?? [] {
                add(
                    target,
                    "in the smallest set whose disruption separates \(targets.childrenBehindCut) children from every level 3-4 perpetrator"
                )
            }
            for (rank, target) in disruption.ranked.enumerated() {
                add(
                    target,
                    "ranked \(rank + 1) by fragmentation: alone separates \(target.childrenSeparated ?? 0) children "
                        + "and \(target.pairsSeparated ?? 0) child-perpetrator pairs")
            }
            for target in disruption.keyPlayers ?? [] {
                add(target, "in the key-player set that most fragments the cluster")
            }
            let exposing = Set(targets.directExposures.map(\.perpetrator))
            for perpetrator in exposing.sorted() {
                let count = targets.directExposures.filter { $0.perpetrator == perpetrator }.count
                let target = Self.target(perpetrator, graph: graph, cluster: cluster, eventsOf: eventsOf, asOf: asOf)
                add(
                    target,
                    "linked directly to \(count) \(count == 1 ? "child" : "children"): only acting on them breaks the link"
                )
            }
            let items = order.compactMap { id -> Item? in
                let key = EntityID(id)
                guard let target = evidence[key], let entity = graph.index(of: key) else { return nil }
                let kind = OutcomeMeasures.targetKind(entity, in: graph)
                return Item(
                    id: id, targetKind: kind, riskLevel: target.riskLevel, why: reasons[key] ?? [], evidence: target,
                    suggestedActions: settings.suggestions(for: kind), actionsTaken: takenOn[key] ?? [])
            }
            let children = cluster.countsByKind[Int(EntityKind.child.rawValue)]
            return ClusterPlan(
                cluster: cluster.stableID, size: cluster.members.count, children: children,
                exploitation: cluster.exploitation.names, directExposures: disruption.directExposures, targets: items,
                note: items.isEmpty
                    ? "No single person or place separates the children from a level 3-4 perpetrator in this cluster."
                    : nil)
        }
        let hotspotCount = analysis.settings.contexts.hotspots
        hotspots = analysis.contexts.filter { $0.score > 0 }.prefix(hotspotCount).enumerated().map { rank, scored in
            let entity = scored.context
            let kind = OutcomeMeasures.targetKind(entity, in: graph)
            let area = graph.entities.areas[entity.int]
            let id = graph.id(of: entity)
            return HotspotPlan(
                rank: rank + 1, id: id, targetKind: kind, area: area >= 0 ? graph.areaNames[Int(area)] : nil,
                score: NetworkReport.rounded(scored.score),
                components: scored.components.mapValues(NetworkReport.rounded),
                reasons: analysis.explanations[entity] ?? [], suggestedActions: settings.suggestions(for: kind),
                actionsTaken: takenOn[EntityID(id)] ?? [])
        }
        schemaVersion = ReportEncoding.schemaVersion
        marking = "OFFICIAL-SENSITIVE"
        self.asOf = asOf.description
        actionMapping = settings.actions
        self.outcomes = outcomes.actions
        outcomeWindowDays = outcomes.windowDays
        outcomeNote = outcomes.note
    }

    static func target(
        _ entity: EntityIndex, graph: ContextGraph, cluster: ConcernCluster, eventsOf: [Int32: [String: Int]], asOf: Day
    ) -> NetworkReport.Target {
        let links = cluster.links.filter {
            graph.links.sources[$0] == entity.rawValue || graph.links.targets[$0] == entity.rawValue
        }.map { link -> String in
            let other =
                graph.links.sources[link] == entity.rawValue ? graph.links.targets[link] : graph.links.sources[link]
            return "\(graph.links.kinds[link].name) \(graph.id(of: EntityIndex(rawValue: other)))"
        }
        let level = graph.entities.riskLevels[entity.int]
        return NetworkReport.Target(
            id: graph.id(of: entity), kind: graph.entities.kinds[entity.int].name,
            riskLevel: level == 0 ? nil : Int(level),
            childrenSeparated: nil, pairsSeparated: nil, links: links, events: eventsOf[entity.rawValue] ?? [:])
    }
}
