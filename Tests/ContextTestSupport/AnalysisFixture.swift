import Foundation

/// Reference values for the whole analysis of a real dataset, computed independently in Python
/// (networkx and python-igraph) and committed as JSON under `Reference/analysis/` by
/// `make_reference_analysis.py`, which documents every definition and how each value is built.
///
/// Entities are numbered in file order (entity `i` is row `i` of `entities.csv`), links likewise;
/// per-entity and per-link lists are in that order.
public struct AnalysisFixture: Decodable, Sendable {
    /// One igraph Leiden run on the cluster graph.
    public struct LeidenRun: Decodable, Sendable {
        public let seed: Int
        /// Modularity at resolution 1, weighted by strength.
        public let modularity: Double
        public let communities: Int
    }

    /// igraph's Leiden (modularity objective, resolution 1) over several seeds.
    public struct Leiden: Decodable, Sendable {
        public let runs: [LeidenRun]
        public let bestModularity: Double
        public let bestCommunities: Int

        enum CodingKeys: String, CodingKey {
            case runs
            case bestModularity = "best_modularity"
            case bestCommunities = "best_communities"
        }
    }

    /// Size of the graph the concern clusters are found on.
    public struct ClusterGraph: Decodable, Sendable {
        public let vertices: Int
        public let edges: Int
    }

    /// The dataset folder, relative to the package root.
    public let dataset: String
    /// The as-of date, `YYYY-MM-DD`.
    public let asOf: String
    /// Entity ids in file order.
    public let ids: [String]
    /// Number of links (after merging duplicates and dropping self-links: the sample has none).
    public let links: Int
    /// Links with a strength above zero: the edges of the strength graph.
    public let strengthGraphEdges: Int
    /// Entities that seed propagated risk (level-4 perpetrators, level 3-4 children).
    public let riskSeeds: [Int32]
    /// Strength of every link.
    public let strengths: [Double]
    /// Personalised PageRank from the risk seeds on the strength graph (damping 0.85).
    public let personalizedPagerank: [Double]
    /// PageRank on the strength graph, uniform restarts (damping 0.85).
    public let pagerank: [Double]
    /// Strength-graph degree (parallel edges each count).
    public let degree: [Int]
    /// Sum of incident strengths.
    public let weightedDegree: [Double]
    /// Core number on the strength graph, parallel edges with multiplicity.
    public let coreNumber: [Int32]
    /// Exact hop betweenness, normalised by `(n − 1)(n − 2) / 2`.
    public let betweenness: [Double]
    /// Hops from the nearest concern seed, `-1` outside the concern neighbourhood.
    public let neighbourhoodDistance: [Int32]
    public let clusterGraph: ClusterGraph
    public let leiden: Leiden

    enum CodingKeys: String, CodingKey {
        case dataset, ids, links, strengths, pagerank, degree, betweenness, leiden
        case asOf = "as_of"
        case strengthGraphEdges = "strength_graph_edges"
        case riskSeeds = "risk_seeds"
        case personalizedPagerank = "personalized_pagerank"
        case weightedDegree = "weighted_degree"
        case coreNumber = "core_number"
        case neighbourhoodDistance = "neighbourhood_distance"
        case clusterGraph = "cluster_graph"
    }

    /// The fixture `Reference/analysis/NAME.json`.
    public static func named(_ name: String) throws -> AnalysisFixture {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference/analysis")
        else {
            throw ReferenceFixtureError(description: "no analysis reference fixture named '\(name)'")
        }
        let fixture = try JSONDecoder().decode(AnalysisFixture.self, from: Data(contentsOf: url))
        let n = fixture.ids.count
        guard fixture.strengths.count == fixture.links,
            [
                fixture.personalizedPagerank.count, fixture.pagerank.count, fixture.degree.count,
                fixture.weightedDegree.count, fixture.coreNumber.count, fixture.betweenness.count,
                fixture.neighbourhoodDistance.count,
            ].allSatisfy({ $0 == n })
        else {
            throw ReferenceFixtureError(description: "analysis reference fixture '\(name)' is malformed")
        }
        return fixture
    }
}
