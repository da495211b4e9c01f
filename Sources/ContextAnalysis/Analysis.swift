public import ContextModel

/// The whole analysis of a dataset as of a date, stage by stage.
///
/// Stages, each timed: link strengths; the concern neighbourhood; concern clusters (Leiden);
/// disruption targets per cluster; the strength graph; propagated risk (personalised PageRank)
/// and context scores, once with every link and once without low-grade intelligence
/// (intelligence C/D or source 3) for the sensitivity view; people's network measures; peers
/// possibly at risk and not referred; risk paths as reasons for every flagged entity. Nothing
/// dated after the as-of date counts (links first seen later have no strength; events later are
/// outside every window).
public struct Analysis: Sendable {
    public let asOf: Day
    public let settings: AnalysisSettings
    /// Strength of each link.
    public let strengths: [Double]
    /// Hops from the nearest seed, `-1` outside the neighbourhood.
    public let distances: [Int32]
    /// Concern clusters, with the ids carried over from the previous run already settled, so that
    /// every text written from them (reasons, not-referred flags) names this run's ids.
    public let clusters: ConcernClusters
    /// What changed since the previous run's clusters (new, continued, merged, split, dissolved).
    public let clusterChanges: ClusterIdentities.Changes
    /// Propagated risk (personalised PageRank) of every entity.
    public let propagated: [Double]
    /// Every location and school, highest score first.
    public let contexts: [ContextScore]
    /// Each context's score when low-grade links are left out.
    public let contextScoresWithoutLowGrade: [EntityIndex: Double]
    /// Disruption targets of each cluster, parallel to ``ConcernClusters/clusters``.
    public let disruption: [DisruptionTargets]
    /// Propagated risk when low-grade links are left out.
    public let propagatedWithoutLowGrade: [Double]
    /// Peers whose exposure resembles that of children open to the MACE.
    public let notReferred: (threshold: Double, flags: [NotReferredScreen.Flag])
    /// The strongest risk paths to each flagged entity (hotspots, children, peers not referred),
    /// as readable lines.
    public let explanations: [EntityIndex: [String]]
    /// Degree, weighted degree, betweenness, PageRank and core number of every entity.
    public let people: PeopleMetrics
    /// Seconds spent in each stage, in order.
    public let timings: StageTimings

    /// Runs every stage.
    ///
    /// - Parameter previousClusters: the previous run's clusters; a cluster that is substantially
    ///   the same group keeps its id (see ``ClusterIdentities``). Identities are settled as soon as
    ///   the clusters are found, before any stage writes a cluster id into text.
    /// - Complexity: dominated by Leiden and PageRank, each about O((V + E) · iterations).
    /// - Throws: `CancellationError` when the task is cancelled.
    public init(
        _ graph: ContextGraph, asOf: Day, settings: AnalysisSettings,
        previousClusters: [ClusterIdentities.Previous] = []
    ) throws {
        var timings = StageTimings()
        func timed<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            try timings.measure(stage) { () throws -> T in try body() }
        }
        self.asOf = asOf
        self.settings = settings
        let strengths = timed("strength") { settings.strength.strengths(in: graph, asOf: asOf) }
        let distances = timed("neighbourhood") { settings.neighbourhood.distances(in: graph, strengths: strengths) }
        var found = timed("clusters") {
            ConcernClusters(graph, strengths: strengths, distances: distances, rules: settings.clusters)
        }
        clusterChanges = found.adoptIdentities(from: previousClusters, in: graph)
        clusters = found
        let settled = found
        let clusterList = clusters.clusters
        disruption = timed("targets") {
            // Clusters are independent: both cores, results in cluster order.
            ParallelMap.map(clusterList.count) {
                DisruptionTargets(cluster: clusterList[$0], in: graph, settings: settings.disruption)
            }
        }
        let scoring = settings.contexts
        // The sensitivity view drops links resting on low-grade intelligence (C/D, or source 3).
        let (walkGraph, firmStrengths, firmGraph) = timed("graph") {
            var firm = strengths
            for link in firm.indices where graph.links.grading(link)?.isLowGrade == true {
                firm[link] = 0
            }
            return (StrengthGraph(graph, strengths: strengths), firm, StrengthGraph(graph, strengths: firm))
        }
        // The two personalised PageRanks are independent: one on each core.
        let bothPropagated = timed("propagation") {
            ParallelMap.map(2) { scoring.propagatedRisk(in: graph, over: $0 == 0 ? walkGraph : firmGraph) }
        }
        let propagated = bothPropagated[0]
        contexts = timed("contexts") {
            scoring.scores(in: graph, strengths: strengths, propagated: propagated, asOf: asOf)
        }
        contextScoresWithoutLowGrade = timed("sensitivity") {
            let firmScores = scoring.scores(
                in: graph, strengths: firmStrengths, propagated: bothPropagated[1], asOf: asOf)
            return Dictionary(uniqueKeysWithValues: firmScores.map { ($0.context, $0.score) })
        }
        propagatedWithoutLowGrade = bothPropagated[1]
        people = try timed("people") { try PeopleMetrics(walkGraph, settings: settings.people) }
        let hotspots = Set(contexts.filter { $0.score > 0 }.prefix(scoring.hotspots).map(\.context))
        notReferred = timed("not_referred") {
            settings.notReferred.screen(
                graph, strengths: strengths, propagated: propagated, hotspots: hotspots, clusters: settled,
                asOf: asOf)
        }
        let flagged =
            Array(hotspots)
            + (0..<graph.entities.count).filter { graph.entities.kinds[$0] == .child }.map(EntityIndex.init)
            + notReferred.flags.map(\.person)
        explanations = timed("explanations") {
            var reasons: [EntityIndex: [String]] = [:]
            let candidates = settings.paths.candidates(in: graph, strengths: strengths)
            for entity in flagged where reasons[entity] == nil {
                reasons[entity] = settings.paths.paths(
                    to: entity, in: graph, strengths: strengths, candidates: candidates
                ).map {
                    RiskPaths.describe($0, in: graph, asOf: asOf)
                }
            }
            return reasons
        }
        self.strengths = strengths
        self.distances = distances
        self.propagated = propagated
        self.timings = timings
    }
}
