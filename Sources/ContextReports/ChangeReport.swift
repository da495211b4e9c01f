public import ContextAnalysis
import ContextModel

/// What changed since the previous run in the same output folder: clusters (new, continued,
/// merged, split, dissolved), hotspots (new, ended), contexts whose score rose or fell, and
/// children who are new, closed, or whose MACE level went up or down.
///
/// A context counts as escalated when its score rose by at least ``minimumScoreChange`` and by at
/// least ``minimumRelativeChange`` of its previous score; de-escalated likewise downwards.
public struct ChangeReport: Codable, Sendable {
    public struct ScoreChange: Codable, Sendable {
        public let id: String
        public let previous: Double
        public let current: Double
    }

    public struct LevelChange: Codable, Sendable {
        public let id: String
        public let previous: Int?
        public let current: Int?
    }

    public static let minimumScoreChange = 2.0
    public static let minimumRelativeChange = 0.25

    /// `false` on a first run (no readable previous `network.json`): then nothing below is a change.
    public let hasPrevious: Bool
    public let previousAsOf: String?
    public let clusters: ClusterIdentities.Changes
    public let newHotspots: [String]
    public let endedHotspots: [String]
    public let escalatedContexts: [ScoreChange]
    public let deEscalatedContexts: [ScoreChange]
    public let newChildren: [String]
    public let closedChildren: [String]
    public let escalatedChildren: [LevelChange]
    public let deEscalatedChildren: [LevelChange]

    /// The parts of an earlier `network.json` the comparison needs.
    public struct Previous: Decodable, Sendable {
        struct Context: Decodable, Sendable {
            let id: String
            let score: Double
            let hotspot: Bool
        }
        struct Child: Decodable, Sendable {
            let id: String
            let riskLevel: Int?
        }
        struct Cluster: Decodable, Sendable {
            let id: String
            let members: [String]
        }
        let asOf: String
        let clusters: [Cluster]
        let contexts: [Context]
        let children: [Child]

        /// Reads an earlier report; `nil` when the bytes are not one this version can read.
        public static func read(_ bytes: [UInt8]) -> Previous? {
            try? ReportEncoding.decode(Previous.self, from: bytes)
        }

        public var clusterIdentities: [ClusterIdentities.Previous] {
            clusters.map { ClusterIdentities.Previous(id: $0.id, members: $0.members) }
        }
    }

    /// Compares this run's report sections with the previous run's.
    init(
        previous: Previous?, clusters: ClusterIdentities.Changes, contexts: [NetworkReport.Context],
        children: [NetworkReport.Child]
    ) {
        self.clusters = clusters
        hasPrevious = previous != nil
        previousAsOf = previous?.asOf
        guard let previous else {
            (newHotspots, endedHotspots, escalatedContexts, deEscalatedContexts) = ([], [], [], [])
            (newChildren, closedChildren, escalatedChildren, deEscalatedChildren) = ([], [], [], [])
            return
        }
        // Ids are keyed by their exact scalars (``EntityID``), as the graph keys them.
        let before = Dictionary(
            previous.contexts.map { (EntityID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(contexts.map { (EntityID($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        newHotspots = contexts.filter { $0.hotspot && before[EntityID($0.id)]?.hotspot != true }.map(\.id)
        endedHotspots = previous.contexts.filter { $0.hotspot && now[EntityID($0.id)]?.hotspot != true }.map(\.id)
        var up: [ScoreChange] = [], down: [ScoreChange] = []
        for key in Set(before.keys).union(now.keys).sorted() {
            let id = key.string
            let old = before[key]?.score ?? 0, new = now[key]?.score ?? 0
            let change = new - old
            guard abs(change) >= Self.minimumScoreChange, abs(change) >= Self.minimumRelativeChange * old else {
                continue
            }
            let entry = ScoreChange(id: id, previous: old, current: new)
            if change > 0 { up.append(entry) } else { down.append(entry) }
        }
        escalatedContexts = up
        deEscalatedContexts = down
        let levelsBefore = Dictionary(
            previous.children.map { (EntityID($0.id), $0.riskLevel) }, uniquingKeysWith: { first, _ in first })
        let levelsNow = Dictionary(
            children.map { (EntityID($0.id), $0.riskLevel) }, uniquingKeysWith: { first, _ in first })
        newChildren = levelsNow.keys.filter { levelsBefore[$0] == nil }.sorted().map(\.string)
        closedChildren = levelsBefore.keys.filter { levelsNow[$0] == nil }.sorted().map(\.string)
        var raised: [LevelChange] = [], lowered: [LevelChange] = []
        for (id, level) in levelsNow.sorted(by: { $0.key < $1.key }) {
            guard let old = levelsBefore[id], old != level else { continue }
            let change = LevelChange(id: id.string, previous: old, current: level)
            if (level ?? 0) > (old ?? 0) { raised.append(change) } else { lowered.append(change) }
        }
        escalatedChildren = raised
        deEscalatedChildren = lowered
    }
}
