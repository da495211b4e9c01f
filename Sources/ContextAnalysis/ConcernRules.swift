public import ContextModel

/// Which entities are subjects of concern and which links join them into a cluster.
///
/// These are the projection rules from the full dataset to the concern graph; the algorithms
/// never see a child, a school or a grading, only the graph these rules build.
public struct ConcernRules: Sendable, Hashable, Codable {
    /// Link kinds that join people and places into a concern cluster. `attends` is left out by
    /// default: two children at the same school are not thereby associated, and a school would
    /// otherwise join most of a borough into one cluster.
    public var linkKinds: Set<LinkKind>
    /// An entity of any kind at this MACE level or above is a subject of concern (children open to
    /// the MACE and perpetrators always are).
    public var subjectMinimumRisk: UInt8
    /// Clusters smaller than this are not reported as clusters (their subjects are counted as
    /// unclustered).
    public var minimumClusterSize: Int

    public init(
        linkKinds: Set<LinkKind> = Set(LinkKind.allCases).subtracting([.attends]),
        subjectMinimumRisk: UInt8 = 3, minimumClusterSize: Int = 2
    ) {
        self.linkKinds = linkKinds
        self.subjectMinimumRisk = subjectMinimumRisk
        self.minimumClusterSize = minimumClusterSize
    }

    /// Whether an entity is a subject of concern.
    public func isSubject(_ entity: Int, in graph: ContextGraph) -> Bool {
        let kind = graph.entities.kinds[entity]
        return kind == .child || kind == .perpetrator || graph.entities.riskLevels[entity] >= subjectMinimumRisk
    }

    /// Whether a link counts towards concern clusters: not graded E, of an included kind, and
    /// touching at least one subject of concern.
    public func isConcernLink(_ link: Int, in graph: ContextGraph) -> Bool {
        if graph.links.grading(link)?.isSuspectedFalse == true { return false }
        guard linkKinds.contains(graph.links.kinds[link]) else { return false }
        return isSubject(Int(graph.links.sources[link]), in: graph)
            || isSubject(Int(graph.links.targets[link]), in: graph)
    }
}
