import Foundation
public import GraphAlgorithms

/// A graph with community-detection reference values from networkx and python-igraph, committed
/// as JSON under `Reference/community/` by `make_reference_community.py` (which documents the
/// versions and each value's definition).
public struct CommunityFixture: Decodable, Sendable, CustomStringConvertible {
    /// One reference run at one resolution.
    public struct Run: Decodable, Sendable {
        public let resolution: Double
        public let modularity: Double
        public let communities: Int
    }

    /// A given partition and its networkx modularity at resolutions 0.5, 1 and 2.
    public struct GivenPartition: Decodable, Sendable {
        public let label: String
        /// Canonical membership (communities numbered in order of their smallest vertex).
        public let membership: [Int32]
        /// Modularity by resolution, keyed "0.5", "1.0", "2.0".
        public let modularity: [String: Double]
    }

    public let name: String
    public let n: Int
    /// Edges as `[u, v]`, `u <= v`; parallel edges repeated, self-loops as `[v, v]`.
    public let edges: [[Int32]]
    /// One weight per edge, or nil for unit weights.
    public let weights: [Double]?
    /// `networkx.community.louvain_communities(seed=1)` at resolutions 0.5, 1, 2.
    public let louvain: [Run]
    /// python-igraph `community_leiden(objective_function="modularity")` at the same resolutions.
    public let igraphLeiden: [Run]
    public let partitions: [GivenPartition]
    /// The partition expected exactly, where the structure is unambiguous.
    public let planted: [Int32]?

    enum CodingKeys: String, CodingKey {
        case name, n, edges, weights, louvain, partitions, planted
        case igraphLeiden = "igraph_leiden"
    }

    public var description: String { name }

    /// The fixture's graph, with its weights (unit weights if it has none).
    public var graph: AdjacencyGraph {
        AdjacencyGraph(
            vertexCount: n, from: edges.map { $0[0] }, to: edges.map { $0[1] },
            weights: weights.map { $0.map { Float($0) } } ?? [Float](repeating: 1, count: edges.count))
    }

    /// The Louvain reference at `resolution`.
    public func louvain(at resolution: Double) -> Run? { louvain.first { $0.resolution == resolution } }

    /// The igraph Leiden reference at `resolution`.
    public func igraphLeiden(at resolution: Double) -> Run? { igraphLeiden.first { $0.resolution == resolution } }

    /// Every committed community fixture, in order of name.
    public static func all() throws -> [CommunityFixture] {
        let folder = try communityFolder()
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("community_") && $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { url in
            let fixture = try JSONDecoder().decode(CommunityFixture.self, from: Data(contentsOf: url))
            guard fixture.isWellFormed else {
                throw ReferenceFixtureError(description: "community fixture '\(url.lastPathComponent)' is malformed")
            }
            return fixture
        }
    }

    /// The fixture with this name (its file is `Reference/community/community_NAME.json`).
    public static func named(_ name: String) throws -> CommunityFixture {
        guard let fixture = try all().first(where: { $0.name == name }) else {
            throw ReferenceFixtureError(description: "no community fixture named '\(name)'")
        }
        return fixture
    }

    private var isWellFormed: Bool {
        edges.allSatisfy { $0.count == 2 && $0.allSatisfy { (0..<Int32(n)).contains($0) } }
            && (weights?.count ?? edges.count) == edges.count
            && partitions.allSatisfy { $0.membership.count == n } && (planted?.count ?? n) == n
    }
}

/// A minimum-vertex-cut case: the graph, the vertex sets, and networkx's minimum cut size.
public struct VertexCutCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let n: Int
    public let edges: [[Int32]]
    public let sources: [Int32]
    public let targets: [Int32]
    public let uncuttable: [Int32]
    /// Size of a minimum cut, or nil if no cut of cuttable vertices exists.
    public let cutSize: Int?

    enum CodingKeys: String, CodingKey {
        case name, n, edges, sources, targets, uncuttable
        case cutSize = "cut_size"
    }

    public var description: String { name }

    public var graph: AdjacencyGraph {
        AdjacencyGraph(
            vertexCount: n, from: edges.map { $0[0] }, to: edges.map { $0[1] },
            weights: [Float](repeating: 1, count: edges.count))
    }

    /// One flag per vertex: false for the uncuttable ones.
    public var cuttable: [Bool] {
        var flags = [Bool](repeating: true, count: n)
        for v in uncuttable { flags[Int(v)] = false }
        return flags
    }

    public static func all() throws -> [VertexCutCase] {
        try JSONDecoder().decode(
            [VertexCutCase].self, from: Data(contentsOf: communityFolder().appending(path: "vertex_cuts.json")))
    }
}

/// A maximum-flow case: arcs with capacities (nil for infinite) and networkx's flow value.
public struct MaxFlowCase: Decodable, Sendable, CustomStringConvertible {
    public let name: String
    public let n: Int
    public let directed: Bool
    public let arcs: [[Int32]]
    public let capacities: [Double?]
    public let source: Int32
    public let sink: Int32
    /// The maximum flow value, or nil if it is unbounded.
    public let value: Double?

    public var description: String { name }

    /// The network: each arc once if directed, both ways if not; a nil capacity is infinite.
    public var network: FlowNetwork {
        var network = FlowNetwork(nodeCount: n)
        for (arc, capacity) in zip(arcs, capacities) {
            if directed {
                network.addArc(from: arc[0], to: arc[1], capacity: capacity ?? .infinity)
            } else {
                network.addEdge(arc[0], arc[1], capacity: capacity ?? .infinity)
            }
        }
        return network
    }

    public static func all() throws -> [MaxFlowCase] {
        try JSONDecoder().decode(
            [MaxFlowCase].self, from: Data(contentsOf: communityFolder().appending(path: "max_flows.json")))
    }
}

private func communityFolder() throws -> URL {
    guard let folder = Bundle.module.url(forResource: "community", withExtension: nil, subdirectory: "Reference") else {
        throw ReferenceFixtureError(description: "the Reference/community folder is missing from the test bundle")
    }
    return folder
}
