public import ContextAnalysis
public import ContextModel
import GraphAlgorithms

/// `network.json`: the analysis of a run, for MACE analysts (identifiable: it lists entity ids,
/// and is marked OFFICIAL-SENSITIVE).
public struct NetworkReport: Codable, Sendable {
    public struct Summary: Codable, Sendable {
        public let entities: Int
        public let links: Int
        public let suspectedFalseLinksExcluded: Int
        public let neighbourhoodEntities: Int
        public let clusters: Int
        public let entitiesInClusters: Int
        public let unclusteredSubjects: Int
        /// `null` when the neighbourhood has no links.
        public let modularity: Double?
    }

    public struct SharedContext: Codable, Sendable {
        public let id: String
        public let kind: String
        public let membersLinked: Int
    }

    public struct Cluster: Codable, Sendable {
        public let id: String
        public let size: Int
        public let members: [String]
        public let countsByKind: [String: Int]
        /// Highest assessed MACE level, `nil` when no member is assessed.
        public let highestRiskLevel: Int?
        public let meanRiskLevel: Double?
        public let exploitation: [String]
        /// The ten most shared contexts (linked to the most members), most shared first.
        public let sharedContexts: [SharedContext]
        /// How many contexts are linked to two or more members in all.
        public let sharedContextCount: Int
        public let keyPeople: [String]
        public let density: Double
        public let internalStrength: Double
        public let links: Int
        /// Share of the cluster's risk by context: peer, online, school, neighbourhood, group,
        /// and exploitation itself.
        public let contextWeighting: [String: Double]
        /// Who or what to disrupt, with the evidence.
        public let disruption: Disruption
    }

    /// A child open to the MACE: where the propagated risk comes from, and how much of it rests on
    /// weak intelligence.
    public struct Child: Codable, Sendable {
        public let id: String
        public let riskLevel: Int?
        public let cluster: String?
        /// Personalised PageRank × number of entities (1 = an average entity's share).
        public let propagatedRisk: Double
        public let propagatedRiskWithoutLowGrade: Double
        /// The strongest paths by which risk reaches the child.
        public let reasons: [String]
    }

    /// A young person not open to the MACE whose exposure resembles that of children who are.
    public struct PossiblyAtRisk: Codable, Sendable {
        public let id: String
        public let status: String
        public let exposure: Double
        public let cluster: String?
        public let reasons: [String]
        public let paths: [String]
    }

    /// A location or school with its context risk score.
    public struct Context: Codable, Sendable {
        public let rank: Int
        public let id: String
        public let kind: String
        public let category: String?
        public let area: String?
        public let riskLevel: Int?
        public let score: Double
        /// The score when links resting on low-grade intelligence (C/D, or source 3) are left out.
        public let scoreWithoutLowGrade: Double
        /// Non-zero components (counts, or the 0-10 propagated risk), by name.
        public let components: [String: Double]
        public let hotspot: Bool
        /// For hotspots: the strongest paths by which risk reaches the place.
        public let reasons: [String]?
    }

    /// A person in the concern neighbourhood with their network measures.
    public struct Person: Codable, Sendable {
        public let id: String
        public let kind: String
        public let riskLevel: Int?
        public let cluster: String?
        public let hopsFromSeed: Int
        public let degree: Int
        public let weightedDegree: Double
        public let betweenness: Double
        public let pageRank: Double
        public let coreNumber: Int
    }

    /// How betweenness was computed: exactly, or from pivots in the larger components.
    public struct BetweennessMethod: Codable, Sendable {
        public let exactLimit: Int
        /// Components sampled: their sizes and the pivots used in each.
        public let sampledComponents: [ComponentSampleReport]
    }

    public struct ComponentSampleReport: Codable, Sendable {
        public let entities: Int
        public let pivots: Int
    }

    public let schemaVersion: Int
    public let marking: String
    public let asOf: String
    public let method: String
    public let summary: Summary
    public let clusters: [Cluster]
    /// Every location and school with a score above zero, highest first; the first
    /// `contexts.hotspots` (configuration) are the hotspots.
    public let contexts: [Context]
    /// Every child open to the MACE, highest propagated risk first.
    public let children: [Child]
    /// Peers possibly at risk and not referred, most exposed first, and the exposure threshold.
    public let notReferred: [PossiblyAtRisk]
    public let notReferredThreshold: Double
    /// Every person in the concern neighbourhood, by descending betweenness (ties by id).
    public let people: [Person]
    public let betweenness: BetweennessMethod
    /// What changed since the previous run in the same output folder.
    public let changes: ChangeReport
    /// Ids of seeds (children open to the MACE, level 3-4 perpetrators) in no cluster.
    public let unclusteredSubjects: [String]

    /// Builds the report.
    ///
    /// - Complexity: O(V + E).
    public init(
        graph: ContextGraph, analysis: Analysis, clusterChanges: ClusterIdentities.Changes,
        previous: ChangeReport.Previous?
    ) {
        let found = analysis.clusters
        let day = analysis.asOf
        schemaVersion = ReportEncoding.schemaVersion
        marking = "OFFICIAL-SENSITIVE"
        asOf = day.description
        method =
            "Leiden communities (modularity, resolution \(found.rules.resolution), seed \(found.rules.seed)) on the "
            + "concern neighbourhood, weighted by edge strength"
        let eventsOf = Self.eventCounts(in: graph, asOf: day)
        clusters = zip(found.clusters, analysis.disruption).map { cluster, targets in
            var counts: [String: Int] = [:]
            for kind in EntityKind.allCases where cluster.countsByKind[Int(kind.rawValue)] > 0 {
                counts[kind.name] = cluster.countsByKind[Int(kind.rawValue)]
            }
            return Cluster(
                id: cluster.stableID, size: cluster.members.count, members: cluster.members.map(graph.id(of:)),
                countsByKind: counts, highestRiskLevel: cluster.highestRisk == 0 ? nil : Int(cluster.highestRisk),
                meanRiskLevel: cluster.meanRisk.map(Self.rounded),
                exploitation: cluster.exploitation.names,
                sharedContexts: cluster.sharedContexts.prefix(10).map {
                    SharedContext(
                        id: graph.id(of: $0.context), kind: graph.entities.kinds[$0.context.int].name,
                        membersLinked: $0.members)
                },
                sharedContextCount: cluster.sharedContexts.count,
                keyPeople: cluster.keyPeople.map(graph.id(of:)), density: Self.rounded(cluster.density),
                internalStrength: Self.rounded(cluster.internalStrength), links: cluster.links.count,
                contextWeighting: cluster.contextShares.mapValues(Self.rounded),
                disruption: Self.disruption(targets, cluster: cluster, graph: graph, asOf: day, eventsOf: eventsOf))
        }
        let hotspotCount = analysis.settings.contexts.hotspots
        contexts = analysis.contexts.filter { $0.score > 0 }.enumerated().map { rank, scored in
            let entity = scored.context.int
            let area = graph.entities.areas[entity]
            return Context(
                rank: rank + 1, id: graph.id(of: scored.context), kind: graph.entities.kinds[entity].name,
                category: LocationCategory(rawValue: graph.entities.categories[entity])?.name,
                area: area >= 0 ? graph.areaNames[Int(area)] : nil,
                riskLevel: graph.entities.riskLevels[entity] == 0 ? nil : Int(graph.entities.riskLevels[entity]),
                score: Self.rounded(scored.score),
                scoreWithoutLowGrade: Self.rounded(analysis.contextScoresWithoutLowGrade[scored.context] ?? 0),
                components: scored.components.mapValues(Self.rounded), hotspot: rank < hotspotCount,
                reasons: rank < hotspotCount ? analysis.explanations[scored.context] ?? [] : nil)
        }
        let scale = Double(graph.entities.count)
        children = (0..<graph.entities.count).filter { graph.entities.kinds[$0] == .child }
            .sorted { a, b in
                if analysis.propagated[a] != analysis.propagated[b] {
                    return analysis.propagated[a] > analysis.propagated[b]
                }
                return graph.entities.ids[a].utf8.lexicographicallyPrecedes(graph.entities.ids[b].utf8)
            }
            .map { v in
                Child(
                    id: graph.entities.ids[v],
                    riskLevel: graph.entities.riskLevels[v] == 0 ? nil : Int(graph.entities.riskLevels[v]),
                    cluster: found.stableID(of: EntityIndex(v)),
                    propagatedRisk: Self.rounded(analysis.propagated[v] * scale),
                    propagatedRiskWithoutLowGrade: Self.rounded(analysis.propagatedWithoutLowGrade[v] * scale),
                    reasons: analysis.explanations[EntityIndex(v)] ?? [])
            }
        notReferredThreshold = analysis.notReferred.threshold
        notReferred = analysis.notReferred.flags.map { flag in
            PossiblyAtRisk(
                id: graph.id(of: flag.person), status: "possibly at risk, not referred", exposure: flag.exposure,
                cluster: found.stableID(of: flag.person), reasons: flag.reasons,
                paths: analysis.explanations[flag.person] ?? [])
        }
        let metrics = analysis.people
        people = (0..<graph.entities.count).filter {
            analysis.distances[$0] >= 0 && graph.entities.kinds[$0].isPerson
        }.sorted { a, b in
            if metrics.betweenness[a] != metrics.betweenness[b] {
                return metrics.betweenness[a] > metrics.betweenness[b]
            }
            return graph.entities.ids[a].utf8.lexicographicallyPrecedes(graph.entities.ids[b].utf8)
        }.map { v in
            Person(
                id: graph.entities.ids[v], kind: graph.entities.kinds[v].name,
                riskLevel: graph.entities.riskLevels[v] == 0 ? nil : Int(graph.entities.riskLevels[v]),
                cluster: found.stableID(of: EntityIndex(v)), hopsFromSeed: Int(analysis.distances[v]),
                degree: metrics.degree[v],
                weightedDegree: Self.rounded(metrics.weightedDegree[v]),
                betweenness: Self.rounded(metrics.betweenness[v]),
                pageRank: (metrics.pageRank[v] * 1e9).rounded() / 1e9, coreNumber: Int(metrics.coreNumber[v]))
        }
        betweenness = BetweennessMethod(
            exactLimit: analysis.settings.people.betweennessExactLimit,
            sampledComponents: metrics.betweennessSamples.map {
                ComponentSampleReport(entities: $0.vertexCount, pivots: $0.sourceCount)
            })
        changes = ChangeReport(previous: previous, clusters: clusterChanges, contexts: contexts, children: children)
        unclusteredSubjects = found.unclusteredSubjects.map(graph.id(of:))
        summary = Summary(
            entities: graph.entities.count, links: graph.links.count,
            suspectedFalseLinksExcluded: found.suspectedFalseLinks, neighbourhoodEntities: found.neighbourhoodSize,
            clusters: found.clusters.count, entitiesInClusters: found.clusters.reduce(0) { $0 + $1.members.count },
            unclusteredSubjects: found.unclusteredSubjects.count, modularity: found.modularity.map(Self.rounded))
    }

    /// Six decimal places: enough for any reader, and stable in the JSON text.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
}
