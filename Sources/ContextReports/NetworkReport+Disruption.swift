import ContextAnalysis
import ContextModel

extension NetworkReport {
    /// A candidate for disruption with the evidence for it.
    public struct Target: Codable, Sendable {
        public let id: String
        public let kind: String
        public let riskLevel: Int?
        /// Children this one removal separates from every level 3-4 perpetrator, and child–
        /// perpetrator pairs it separates (for ranked candidates).
        public let childrenSeparated: Int?
        public let pairsSeparated: Int?
        /// Its links inside the cluster: kind, other end, grading, agency, age.
        public let links: [String]
        /// Events involving it (as the person, or as the place), by kind.
        public let events: [String: Int]
    }

    /// What to disrupt in a cluster (see ``DisruptionTargets``).
    public struct Disruption: Codable, Sendable {
        public let articulationPoints: [String]
        public let bridges: [[String]]
        /// `[child, perpetrator]` pairs linked directly: only acting on the perpetrator separates them.
        public let directExposures: [[String]]
        /// The fewest non-child members whose disruption separates the other children from every
        /// level 3-4 perpetrator; `null` when impossible, empty when already apart.
        public let minimumCut: [Target]?
        public let childrenBehindCut: Int
        /// Single candidates by fragmentation gain, best first.
        public let ranked: [Target]
        public let keyPlayers: [Target]?
        public let keyPlayerFragmentation: Double?
        /// `greedy with swaps`, `greedy` (large cluster), or absent (cluster above the limit).
        public let keyPlayerMethod: String?
    }

    /// Events up to the as-of date, by kind, for every entity involved in one, as the person or as
    /// the place.
    static func eventCounts(in graph: ContextGraph, asOf: Day) -> [Int32: [String: Int]] {
        var eventsOf: [Int32: [String: Int]] = [:]
        for e in 0..<graph.events.count where graph.events.dates[e] <= asOf.rawValue {
            eventsOf[graph.events.entities[e], default: [:]][graph.events.kinds[e].name, default: 0] += 1
            let place = graph.events.locations[e]
            if place >= 0 { eventsOf[place, default: [:]][graph.events.kinds[e].name, default: 0] += 1 }
        }
        return eventsOf
    }

    static func disruption(
        _ targets: DisruptionTargets, cluster: ConcernCluster, graph: ContextGraph, asOf: Day,
        eventsOf: [Int32: [String: Int]]
    ) -> Disruption {
        func target(_ entity: EntityIndex, children: Int? = nil, pairs: Int? = nil) -> Target {
            let links = cluster.links.filter {
                graph.links.sources[$0] == entity.rawValue || graph.links.targets[$0] == entity.rawValue
            }.map { link -> String in
                let other =
                    graph.links.sources[link] == entity.rawValue ? graph.links.targets[link] : graph.links.sources[link]
                var text = "\(graph.links.kinds[link].name) \(graph.id(of: EntityIndex(rawValue: other)))"
                var details: [String] = []
                if let grading = graph.links.grading(link) { details.append("graded \(grading)") }
                if let agency = Agency(rawValue: graph.links.agencies[link]) { details.append(agency.name) }
                let seen =
                    graph.links.lastSeen[link] != Day.noneRaw ? graph.links.lastSeen[link] : graph.links.firstSeen[link]
                if seen != Day.noneRaw { details.append("\(max(0, Int(asOf.rawValue) - Int(seen))) days old") }
                if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
                return text
            }
            let level = graph.entities.riskLevels[entity.int]
            return Target(
                id: graph.id(of: entity), kind: graph.entities.kinds[entity.int].name,
                riskLevel: level == 0 ? nil : Int(level),
                childrenSeparated: children, pairsSeparated: pairs, links: links,
                events: eventsOf[entity.rawValue] ?? [:])
        }
        return Disruption(
            articulationPoints: targets.articulationPoints.map(graph.id(of:)),
            bridges: targets.bridges.map {
                [
                    graph.id(of: EntityIndex(rawValue: graph.links.sources[$0])),
                    graph.id(of: EntityIndex(rawValue: graph.links.targets[$0])),
                ]
            },
            directExposures: targets.directExposures.map { [graph.id(of: $0.child), graph.id(of: $0.perpetrator)] },
            minimumCut: targets.minimumCut.map { $0.map { target($0) } }, childrenBehindCut: targets.childrenBehindCut,
            ranked: targets.ranking.map { target($0.entity, children: $0.children, pairs: $0.pairs) },
            keyPlayers: targets.keyPlayers.map { $0.entities.map { target($0) } },
            keyPlayerFragmentation: targets.keyPlayers.map { rounded($0.fragmentation) },
            keyPlayerMethod: targets.keyPlayers.map { $0.swapped ? "greedy with swaps" : "greedy" })
    }
}
