public import GraphAlgorithms

/// Settings of the per-person measures.
public struct PeopleSettings: Sendable, Hashable, Codable {
    /// Betweenness is exact in connected components up to this many entities...
    public var betweennessExactLimit: Int
    /// ...and estimated from this many pivot sources in larger ones (Brandes & Pich 2007).
    public var betweennessPivots: Int
    public var seed: UInt64

    public init(betweennessExactLimit: Int = 5_000, betweennessPivots: Int = 64, seed: UInt64 = 7) {
        self.betweennessExactLimit = betweennessExactLimit
        self.betweennessPivots = betweennessPivots
        self.seed = seed
    }
}

/// Network measures of every entity on the strength graph; reported for people.
///
/// - degree: links with a strength above zero;
/// - weighted degree: the sum of their strengths;
/// - betweenness: Brandes, over hops, normalised; exact per component up to
///   ``PeopleSettings/betweennessExactLimit`` entities, pivot-sampled above (sample sizes in
///   ``betweennessSamples``);
/// - PageRank: weighted by strength, damping 0.85, uniform restarts;
/// - k-core: the core number (Batagelj–Zaveršnik).
public struct PeopleMetrics: Sendable {
    public let degree: [Int]
    public let weightedDegree: [Double]
    public let betweenness: [Double]
    /// Components where betweenness was sampled, with the pivots used (empty when all exact).
    public let betweennessSamples: [ComponentSample]
    public let pageRank: [Double]
    public let coreNumber: [Int32]

    /// - Throws: `CancellationError` when the task is cancelled during betweenness.
    /// - Complexity: betweenness dominates: O(S · (V + E)) for S sources.
    public init(_ strengthGraph: StrengthGraph, settings: PeopleSettings) throws {
        let graph = strengthGraph.graph
        degree = (0..<graph.vertexCount).map { graph.degree(of: VertexIndex($0)) }
        weightedDegree = Degree(weighted: true).scores(in: graph).values
        let mode = Betweenness.Mode.perComponent(
            exactLimit: settings.betweennessExactLimit, pivots: settings.betweennessPivots, seed: settings.seed)
        let between = try Betweenness(normalized: true, length: .hops, mode: mode).scores(in: graph)
        betweenness = between.values
        betweennessSamples = between.components.filter { $0.sourceCount < $0.vertexCount }
        // networkx's stopping rule is L1 change below n · tolerance: 1e-10 keeps it meaningful at 1M entities.
        pageRank =
            PageRank(damping: 0.85, weighted: true, tolerance: 1e-10, maxIterations: 200).scores(in: graph).values
        coreNumber = KCore().coreNumbers(in: graph).values
    }
}
