import Foundation
public import GraphAlgorithms

/// A graph with reference values computed by networkx, committed as JSON under `Reference/`
/// by `make_reference.py` (which documents the networkx version and each value's definition).
///
/// Vertices are `0 ..< n`; per-vertex lists are in vertex order.
public struct ReferenceFixture: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    /// Number of vertices.
    public let n: Int
    /// Edges as `[u, v]` pairs with `u <= v`, sorted.
    public let edges: [[Int32]]
    /// Canonical component membership: components numbered in order of their smallest vertex.
    public let components: [Int32]
    /// Cut vertices, sorted.
    public let articulationPoints: [Int32]
    /// Bridges as `[u, v]` pairs with `u < v`, sorted.
    public let bridges: [[Int32]]
    /// k-core number of each vertex.
    public let coreNumber: [Int]
    /// Normalised betweenness centrality (endpoints excluded).
    public let betweenness: [Double]
    /// Closeness centrality (networkx's default, Wasserman–Faust for disconnected graphs).
    public let closeness: [Double]
    /// PageRank with damping 0.85, unweighted.
    public let pagerank: [Double]
    /// Degree of each vertex.
    public let degree: [Int]

    // Weighted and sampled variants, on synthetic deterministic weights (see make_reference.py).

    /// Synthetic weight of each edge, parallel to ``edges``: `1 + (i * 7919 % 5)` for edge `i`.
    public let weights: [Float]
    /// Sum of incident ``weights`` per vertex.
    public let weightedDegree: [Double]
    /// PageRank with damping 0.85, weighted by ``weights``.
    public let pagerankWeighted: [Double]
    /// PageRank with damping 0.85, unweighted, personalised to vertices `0` and `n - 1` (weight 1 each).
    public let personalizedPagerank: [Double]
    /// Normalised betweenness with each edge's length `1 / weight` (Dijkstra).
    public let betweennessWeighted: [Double]
    /// Unnormalised betweenness (each unordered pair counted once), unweighted.
    public let betweennessUnnormalized: [Double]
    /// The sources networkx samples for `betweenness_centrality(k: max(2, n / 4), seed: 42)`.
    public let betweennessSampleSources: [Int32]
    /// Normalised betweenness estimated from ``betweennessSampleSources`` (networkx's `k=` scaling).
    public let betweennessSampled: [Double]

    enum CodingKeys: String, CodingKey {
        case name, n, edges, components, bridges, betweenness, closeness, pagerank, degree, weights
        case articulationPoints = "articulation_points"
        case coreNumber = "core_number"
        case weightedDegree = "weighted_degree"
        case pagerankWeighted = "pagerank_weighted"
        case personalizedPagerank = "personalized_pagerank"
        case betweennessWeighted = "betweenness_weighted"
        case betweennessUnnormalized = "betweenness_unnormalized"
        case betweennessSampleSources = "betweenness_sample_sources"
        case betweennessSampled = "betweenness_sampled"
    }

    public var description: String { name }

    /// Number of components in the reference membership.
    public var componentCount: Int { Set(components).count }

    /// The fixture's graph, with unit weights.
    public var graph: AdjacencyGraph {
        AdjacencyGraph(
            vertexCount: n, from: edges.map { $0[0] }, to: edges.map { $0[1] },
            weights: [Float](repeating: 1, count: edges.count))
    }

    /// The fixture's graph with the synthetic ``weights``.
    public var weightedGraph: AdjacencyGraph {
        AdjacencyGraph(vertexCount: n, from: edges.map { $0[0] }, to: edges.map { $0[1] }, weights: weights)
    }

    /// Every committed fixture, in order of name.
    public static func all() throws -> [ReferenceFixture] {
        guard let folder = Bundle.module.url(forResource: "Reference", withExtension: nil) else {
            throw ReferenceFixtureError(description: "the Reference folder is missing from the test bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map(load)
    }

    /// The fixture with this name (its file is `Reference/NAME.json`).
    public static func named(_ name: String) throws -> ReferenceFixture {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference") else {
            throw ReferenceFixtureError(description: "no reference fixture named '\(name)'")
        }
        return try load(url)
    }

    private static func load(_ url: URL) throws -> ReferenceFixture {
        let fixture = try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
        guard fixture.edges.allSatisfy({ $0.count == 2 && $0.allSatisfy { (0..<Int32(fixture.n)).contains($0) } }),
            fixture.components.count == fixture.n, fixture.weights.count == fixture.edges.count
        else {
            throw ReferenceFixtureError(description: "reference fixture '\(url.lastPathComponent)' is malformed")
        }
        return fixture
    }
}

/// A reference fixture is missing or malformed.
public struct ReferenceFixtureError: Error, CustomStringConvertible {
    public let description: String
}
