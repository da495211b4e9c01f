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

    /// Whether a link counts towards concern clusters: not graded E, of an included kind,
    /// touching at least one subject of concern, and not reaching a context (location, school,
    /// group) that is not itself of concern. A busy park every young person in a ward frequents
    /// says nothing about who is associated with whom; a park at MACE level 3-4 does.
    public func isConcernLink(_ link: Int, in graph: ContextGraph) -> Bool {
        if graph.links.grading(link)?.isSuspectedFalse == true { return false }
        guard linkKinds.contains(graph.links.kinds[link]) else { return false }
        let source = Int(graph.links.sources[link]), target = Int(graph.links.targets[link])
        let sourceSubject = isSubject(source, in: graph), targetSubject = isSubject(target, in: graph)
        guard sourceSubject || targetSubject else { return false }
        if !sourceSubject && !graph.entities.kinds[source].isPerson { return false }
        if !targetSubject && !graph.entities.kinds[target].isPerson { return false }
        return true
    }
}
