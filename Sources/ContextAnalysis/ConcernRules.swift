public import ContextModel

/// How concern clusters are found and named: which links they are found on, Leiden's resolution
/// and seed, the smallest cluster reported, and how clusters are matched with the previous run's.
public struct ConcernRules: Sendable, Hashable, Codable {
    /// Link kinds the communities are found on. `attends` is left out by default: two children at
    /// the same school are not thereby associated, and a school would otherwise join most of a
    /// borough; schools are reported as shared contexts instead.
    /// (Kept in the contract's order, so the manifest records it the same way every run.)
    public var linkKinds: [LinkKind] {
        didSet { linkKinds = LinkKind.allCases.filter(linkKinds.contains) }
    }
    /// Communities smaller than this are not reported as clusters (their seeds are listed as
    /// unclustered).
    public var minimumClusterSize: Int
    /// Modularity's resolution γ: above 1 finds smaller clusters, below 1 larger ones.
    public var resolution: Double
    /// Seed of Leiden's random choices: the same data, settings and seed give the same clusters.
    public var seed: UInt64
    /// Matching with the previous run's clusters (``ClusterIdentities``).
    public var identities: ClusterIdentities

    public init(
        linkKinds: [LinkKind] = LinkKind.allCases.filter { $0 != .attends }, minimumClusterSize: Int = 3,
        resolution: Double = 1, seed: UInt64 = 7, identities: ClusterIdentities = ClusterIdentities()
    ) {
        self.linkKinds = LinkKind.allCases.filter(linkKinds.contains)
        self.minimumClusterSize = minimumClusterSize
        self.resolution = resolution
        self.seed = seed
        self.identities = identities
    }
}
