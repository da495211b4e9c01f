public import ContextModel
import GraphAlgorithms

/// One concern cluster: a community of people and places in the concern neighbourhood.
public struct ConcernCluster: Sendable {
    /// Stable identifier: carried over from the previous run when the cluster is substantially
    /// the same group (``ClusterIdentities``), otherwise derived from its anchor.
    public internal(set) var stableID: String
    /// Members, in increasing index order.
    public let members: [EntityIndex]
    /// Dataset link indices of the links inside the cluster that the communities were found on.
    public let links: [Int]
    /// Member counts by kind, indexed by ``EntityKind/rawValue``.
    public let countsByKind: [Int]
    /// Highest assessed MACE level among members, `0` when none is assessed.
    public let highestRisk: UInt8
    /// Mean MACE level of the members who have one, `nil` when none has.
    public let meanRisk: Double?
    /// Union of the members' exploitation types.
    public let exploitation: Exploitation
    /// Locations, schools and groups linked to at least two members (members or not), with how
    /// many members each is linked to; most shared first.
    public let sharedContexts: [(context: EntityIndex, members: Int)]
    /// People with the highest strength inside the cluster (up to three), strongest first.
    public let keyPeople: [EntityIndex]
    /// Internal density: links inside / possible pairs.
    public let density: Double
    /// Total strength of the links inside.
    public let internalStrength: Double
    /// The seed whose id names the cluster on its first appearance.
    public let anchor: EntityIndex
    /// Share of the cluster's risk by context (``ContextWeighting``).
    public let contextShares: [String: Double]
}

/// Concern clusters: Leiden communities (modularity with a resolution, weighted by edge strength)
/// on the concern neighbourhood, keeping those that hold a seed (a child open to the MACE or a
/// level 3-4 perpetrator) and reach the minimum size.
///
/// The graph the communities are found on: the entities within ``ConcernNeighbourhood/hops`` of
/// a seed, and the links between them of the kinds in ``ConcernRules/linkKinds`` whose strength
/// is above zero (E-graded and not-yet-seen links have none). `attends` is left out by default:
/// sharing a school does not make two children associates; schools appear as shared contexts.
///
/// A cluster's first id is `K-` and 12 hex digits of a hash of its anchor's id (the seed with
/// the smallest id, byte order): a name, not a secret, and not the child's id spelled out.
public struct ConcernClusters: Sendable {
    public let rules: ConcernRules
    public internal(set) var clusters: [ConcernCluster]
    /// Seeds not in any reported cluster.
    public let unclusteredSubjects: [EntityIndex]
    /// The position in ``clusters`` of each entity's cluster, `-1` for none: the one membership
    /// table, built once (clusters are disjoint).
    public let membership: [Int32]
    /// Number of links left out because they are graded E.
    public let suspectedFalseLinks: Int
    /// Entities in the concern neighbourhood.
    public let neighbourhoodSize: Int
    /// Modularity of the whole partition of the neighbourhood (at the configured resolution).
    /// `nil` when the neighbourhood has no links (modularity is then undefined).
    public let modularity: Double?

    /// Finds the clusters of a dataset.
    ///
    /// - Parameters:
    ///   - strengths: each link's strength (``StrengthModel/strengths(in:asOf:)``).
    ///   - distances: each entity's hops from a seed, `-1` outside the neighbourhood.
    /// - Complexity: that of ``Leiden`` on the neighbourhood, plus O(V + E).
    public init(
        _ dataset: ContextGraph, strengths: [Double], distances: [Int32], rules: ConcernRules = ConcernRules()
    ) {
        self.rules = rules
        let leiden = Leiden(resolution: rules.resolution, seed: rules.seed)
        var local = [Int32](repeating: -1, count: dataset.entities.count)
        var global: [Int32] = []
        for v in 0..<dataset.entities.count where distances[v] >= 0 {
            local[v] = Int32(global.count)
            global.append(Int32(v))
        }
        var from: [VertexIndex] = [], to: [VertexIndex] = [], weights: [Float] = [], linkOf: [Int] = []
        let included = LinkKind.allCases.map(rules.linkKinds.contains)
        for link in 0..<dataset.links.count
        where strengths[link] > 0 && included[Int(dataset.links.kinds[link].rawValue)] {
            let s = local[Int(dataset.links.sources[link])], t = local[Int(dataset.links.targets[link])]
            guard s >= 0 && t >= 0 else { continue }
            from.append(s)
            to.append(t)
            weights.append(Float(strengths[link]))
            linkOf.append(link)
        }
        let graph = AdjacencyGraph(vertexCount: global.count, from: from, to: to, weights: weights)
        let partition = leiden.communities(in: graph)
        let score = Modularity(resolution: leiden.resolution).score(of: partition, in: graph)
        modularity = score.isFinite ? score : nil
        neighbourhoodSize = global.count
        let communities = partition.communities()
        var linksOf = [[Int]](repeating: [], count: partition.count)
        for (edge, link) in linkOf.enumerated()
        where partition.membership[Int(from[edge])] == partition.membership[Int(to[edge])] {
            linksOf[Int(partition.membership[Int(from[edge])])].append(link)
        }
        var clusters: [ConcernCluster] = []
        var unclustered: [EntityIndex] = []
        for (c, community) in communities.enumerated() {
            let members = community.map { EntityIndex(rawValue: global[Int($0)]) }
            let seeds = members.filter { ConcernNeighbourhood.isSeed($0.int, in: dataset) }
            guard !seeds.isEmpty else { continue }
            guard members.count >= max(1, rules.minimumClusterSize) else {
                unclustered.append(contentsOf: seeds)
                continue
            }
            clusters.append(
                ClusterDescription.describe(
                    members: members, seeds: seeds, links: linksOf[c], in: dataset, strengths: strengths))
        }
        clusters.sort { ($0.members.count, $1.stableID) > ($1.members.count, $0.stableID) }
        self.clusters = clusters
        var membership = [Int32](repeating: -1, count: dataset.entities.count)
        for (position, cluster) in clusters.enumerated() {
            for member in cluster.members { membership[member.int] = Int32(position) }
        }
        self.membership = membership
        self.unclusteredSubjects = unclustered.sorted()
        self.suspectedFalseLinks = (0..<dataset.links.count).reduce(0) {
            $0 + (dataset.links.grading($1)?.isSuspectedFalse == true ? 1 : 0)
        }
    }

    /// The cluster an entity belongs to, if any.
    public func cluster(of entity: EntityIndex) -> ConcernCluster? {
        let position = membership.indices.contains(entity.int) ? membership[entity.int] : -1
        return position < 0 ? nil : clusters[Int(position)]
    }

    /// The stable id of the cluster an entity belongs to, if any.
    public func stableID(of entity: EntityIndex) -> String? { cluster(of: entity)?.stableID }

    /// Carries ids over from the previous run's clusters (see ``ClusterIdentities``).
    ///
    /// - Returns: what changed since the previous run.
    public mutating func adoptIdentities(
        from previous: [ClusterIdentities.Previous], in dataset: ContextGraph
    ) -> ClusterIdentities.Changes {
        let (ids, changes) = rules.identities.assign(
            current: clusters.map { $0.members.map(dataset.id(of:)) }, proposed: clusters.map(\.stableID),
            previous: previous)
        for index in clusters.indices { clusters[index].stableID = ids[index] }
        return changes
    }

    /// `K-` and 12 hex digits of FNV-1a-64 of the id's UTF-8 bytes, finished with SplitMix64's
    /// mixer so that similar ids (`Y-1`, `Y-2`) give unlike names. Not a secret, only a name.
    static func stableID(for anchorID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in anchorID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 31
        let hex = String(hash >> 16, radix: 16)
        return "K-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
}
