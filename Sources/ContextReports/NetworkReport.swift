public import ContextAnalysis
public import ContextModel

/// `network.json`: the concern clusters of a run, for MACE analysts (identifiable: it lists
/// entity ids, and is marked OFFICIAL-SENSITIVE).
public struct NetworkReport: Codable, Sendable {
    public struct Summary: Codable, Sendable {
        public let entities: Int
        public let links: Int
        public let concernLinks: Int
        public let suspectedFalseLinksExcluded: Int
        public let clusters: Int
        public let entitiesInClusters: Int
        public let unclusteredSubjects: Int
    }

    public struct Cluster: Codable, Sendable {
        public let id: String
        public let size: Int
        public let members: [String]
        public let countsByKind: [String: Int]
        /// Highest assessed MACE level, `nil` when no member is assessed.
        public let highestRiskLevel: Int?
        public let exploitation: [String]
        public let concernLinks: Int
    }

    public struct Rules: Codable, Sendable {
        public let linkKinds: [String]
        public let subjectMinimumRisk: Int
        public let minimumClusterSize: Int
        public let method: String
    }

    public let schemaVersion: Int
    public let marking: String
    public let asOf: String
    public let rules: Rules
    public let summary: Summary
    public let clusters: [Cluster]
    /// Ids of subjects of concern (children, perpetrators, level 3-4 entities) in no cluster.
    public let unclusteredSubjects: [String]

    /// Builds the report.
    ///
    /// - Complexity: O(V + E).
    public init(graph: ContextGraph, clusters found: ConcernClusters, asOf day: Day) {
        schemaVersion = ReportEncoding.schemaVersion
        marking = "OFFICIAL-SENSITIVE"
        asOf = day.description
        rules = Rules(
            linkKinds: found.rules.linkKinds.map(\.name).sorted(),
            subjectMinimumRisk: Int(found.rules.subjectMinimumRisk),
            minimumClusterSize: found.rules.minimumClusterSize,
            method: "connected components of the concern graph (links graded E excluded)")
        clusters = found.clusters.map { cluster in
            var counts: [String: Int] = [:]
            for kind in EntityKind.allCases where cluster.countsByKind[Int(kind.rawValue)] > 0 {
                counts[kind.name] = cluster.countsByKind[Int(kind.rawValue)]
            }
            return Cluster(
                id: cluster.stableID, size: cluster.members.count, members: cluster.members.map(graph.id(of:)),
                countsByKind: counts, highestRiskLevel: cluster.highestRisk == 0 ? nil : Int(cluster.highestRisk),
                exploitation: cluster.exploitation.names, concernLinks: cluster.links.count)
        }
        unclusteredSubjects = found.unclusteredSubjects.map(graph.id(of:))
        summary = Summary(
            entities: graph.entities.count, links: graph.links.count,
            concernLinks: found.clusters.reduce(0) { $0 + $1.links.count },
            suspectedFalseLinksExcluded: found.suspectedFalseLinks, clusters: found.clusters.count,
            entitiesInClusters: found.clusters.reduce(0) { $0 + $1.members.count },
            unclusteredSubjects: found.unclusteredSubjects.count)
    }
}
