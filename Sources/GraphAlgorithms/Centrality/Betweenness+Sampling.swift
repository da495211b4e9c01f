/// The sources of one ``Betweenness`` computation and the factor each vertex's sum is scaled by.
///
/// Pivot sampling follows Brandes and Pich (2007) with networkx's scaling: when `k` of a
/// population of `N + 1` vertices are sources, a non-source's sum estimates its full sum times
/// `k / N`, and a source's (which can't count itself) times `(k − 1) / N`; the factors undo that.
/// Pivots are the first `k` entries of a seeded Fisher–Yates shuffle, then sorted, so a seed
/// fixes them everywhere.
struct SourcePlan {
    /// Source vertices in increasing order.
    var sources: [VertexIndex]
    /// Scale factor per vertex, or empty when every factor is 1 (the exact case).
    var factor: [Double]
    /// Whether every vertex is a source (then every factor is 1).
    var isExact: Bool
    var components: [ComponentSample]

    init(mode: Betweenness.Mode, graph: AdjacencyGraph) {
        let n = graph.vertexCount
        let labels = ConnectedComponents().labels(in: graph)
        var sources = [VertexIndex]()
        var factor = [Double]()
        switch mode {
        case .exact:
            sources = (0..<n).map { VertexIndex($0) }
        case .sampled(let pivots, let seed):
            let k = max(1, pivots)
            if k >= n {
                sources = (0..<n).map { VertexIndex($0) }
            } else {
                var generator = SplitMix64(seed: seed)
                var shuffled = (0..<n).map { VertexIndex($0) }
                shuffled.shuffle(seededBy: &generator)
                sources = shuffled.prefix(k).sorted()
                factor = Self.factors(n: n, population: (0..<n).map { VertexIndex($0) }, pivots: sources)
            }
        case .pivots(let given):
            precondition(given.allSatisfy { $0 >= 0 && Int($0) < n }, "pivot vertices must be in the graph")
            sources = Array(Set(given)).sorted()
            if sources.count < n && !sources.isEmpty {
                factor = Self.factors(n: n, population: (0..<n).map { VertexIndex($0) }, pivots: sources)
            }
        case .perComponent(let exactLimit, let pivots, let seed):
            let k = max(1, pivots)
            for (component, members) in labels.components().enumerated() {
                if members.count <= exactLimit || k >= members.count {
                    sources += members
                    continue
                }
                var generator = SplitMix64.stream(UInt64(component), of: seed)
                var shuffled = members
                shuffled.shuffle(seededBy: &generator)
                let chosen = shuffled.prefix(k).sorted()
                sources += chosen
                if factor.isEmpty { factor = [Double](repeating: 1, count: n) }
                let scaled = Self.factors(n: n, population: members, pivots: chosen)
                for v in members { factor[Int(v)] = scaled[Int(v)] }
            }
            sources.sort()
        }
        var perComponent = [Int](repeating: 0, count: labels.count)
        for s in sources { perComponent[Int(labels.membership[Int(s)])] += 1 }
        let sizes = labels.components().map(\.count)
        self.sources = sources
        self.factor = factor
        self.isExact = sources.count == n
        self.components = zip(sizes, perComponent).map { ComponentSample(vertexCount: $0, sourceCount: $1) }
    }

    /// Factors for the members of `population` when `pivots` (a subset) were its sources; other
    /// vertices get 1.
    private static func factors(n: Int, population: [VertexIndex], pivots: [VertexIndex]) -> [Double] {
        var factor = [Double](repeating: 1, count: n)
        let others = Double(population.count - 1)
        let k = Double(pivots.count)
        for v in population { factor[Int(v)] = others / k }
        // With one pivot there is no sample for the pivot itself (networkx: NaN); it scores 0.
        for v in pivots { factor[Int(v)] = pivots.count > 1 ? others / (k - 1) : 0 }
        return factor
    }
}
