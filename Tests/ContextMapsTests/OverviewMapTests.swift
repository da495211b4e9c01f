import ContextAnalysis
import ContextModel
import ContextPrivacy
import Testing

@testable import ContextMaps

/// A small dataset: one cluster of six around two children, a pair (perpetrator and child), and
/// a school that only `attends` links reach (so it is in no cluster).
struct SmallWorld {
    let graph: ContextGraph
    let personal: PersonalData
    let analysis: Analysis
    var clusters: ConcernClusters { analysis.clusters }
    static let asOf = Day(rawValue: 20_119)  // 2025-01-31

    init() {
        var builder = ContextGraph.Builder()
        func add(_ id: String, _ kind: EntityKind, _ risk: UInt8, _ exploitation: Exploitation = []) -> EntityIndex {
            guard let index = builder.addEntity(id: id, kind: kind, riskLevel: risk, exploitation: exploitation) else {
                preconditionFailure("fixture ids are unique")
            }
            return index
        }
        let c1 = add("C1", .child, 4, [.cse, .countyLines])
        let c2 = add("C2", .child, 3)
        let p1 = add("P1", .perpetrator, 4)
        let y1 = add("Y1", .peer, 2)
        let l1 = add("L1", .location, 3)
        let s1 = add("S1", .school, 0)
        let g1 = add("G1", .group, 3)
        let c3 = add("C3", .child, 2)
        let p2 = add("P2", .perpetrator, 3)
        func link(_ a: EntityIndex, _ b: EntityIndex, _ kind: LinkKind, weight: UInt8 = 1, grading: String? = nil) {
            _ = builder.addLink(
                .init(
                    source: a, target: b, kind: kind, weight: weight,
                    grading: grading.flatMap { Grading(code: $0)?.packed } ?? 0))
        }
        link(p1, c1, .exploits, weight: 5, grading: "1A")
        link(c1, c2, .associate, weight: 2, grading: "3B")
        link(c1, l1, .frequents, grading: "2C")
        link(c2, y1, .onlineContact, weight: 3, grading: "2D")
        link(c1, s1, .attends)
        link(c2, g1, .member, grading: "1B")
        link(p2, c3, .exploits, weight: 4)
        graph = builder.freeze()
        var labels = [Redacted<String>?](repeating: nil, count: graph.entities.count)
        labels[c1.int] = Redacted("Alice \"Al\" Example\\")
        labels[p1.int] = Redacted("")  // empty: the id is shown instead
        personal = PersonalData(
            labels: labels, datesOfBirth: [], eventNotes: [], actionNotes: [], entityAttributes: FreeAttributes(),
            linkAttributes: FreeAttributes())
        // A low resolution keeps the six-member tree in one community (at γ = 1 modularity would
        // split it in two), and pairs count as clusters here.
        var settings = AnalysisSettings()
        settings.clusters.resolution = 0.2
        settings.clusters.minimumClusterSize = 2
        do {
            analysis = try Analysis(graph, asOf: Self.asOf, settings: settings)
        } catch {
            preconditionFailure("the analysis of a fixture is not cancelled")
        }
    }

    /// The analyst's map data (names shown).
    func identified(_ settings: MapSettings = MapSettings()) -> MapData {
        MapData(graph: graph, analysis: analysis, naming: .identified(personal), settings: settings)
    }

    /// The shareable map data, with a fixed key.
    func pseudonymised(_ settings: MapSettings = MapSettings()) -> MapData {
        MapData(
            graph: graph, analysis: analysis, naming: .pseudonymised(Pseudonymiser(key: Array(0..<32))),
            settings: settings)
    }
}

struct OverviewMapTests {
    let world = SmallWorld()

    @Test func drawsEveryClusterMemberAndTheClusterLinks() throws {
        #expect(world.clusters.clusters.map(\.members.count) == [6, 2])
        let spec = OverviewMap().spec(data: world.identified())
        #expect(spec.note == nil)
        #expect(spec.nodes.count == 8)
        #expect(spec.edges.count == 6)  // the attends link is not a concern link
        #expect(Set(spec.nodes.map(\.label)) == ["Alice \"Al\" Example\\", "C2", "P1", "Y1", "L1", "G1", "C3", "P2"])
        #expect(!spec.nodes.map(\.label).contains("S1"))
        #expect(
            spec.title == [
                "contextd overview — OFFICIAL-SENSITIVE", "as of 2025-01-31",
                "8 entities in 2 concern clusters; 6 links",
            ])
        let alice = try #require(spec.nodes.first { $0.label.hasPrefix("Alice") })
        #expect(alice.kind == .child && alice.riskLevel == 4)
        #expect(alice.tooltip.hasPrefix("child · MACE 4 (high concern) · cse, county_lines · cluster K-"))
        #expect(alice.tooltip.contains(" · links 4 · betweenness "))
        // Each cluster is a boxed group of its members.
        #expect(spec.groups.map(\.members.count) == [6, 2])
        #expect(spec.groups.map(\.label) == world.clusters.clusters.map(\.stableID))
        #expect(spec.groups[0].riskLevel == 4)
    }

    @Test func weakGradingsAreFaintAndWeightsSetPenWidth() throws {
        let spec = OverviewMap().spec(data: world.identified())
        func edge(_ kind: LinkKind, from: String) throws -> MapSpec.Edge {
            try #require(spec.edges.first { $0.kind == kind && spec.nodes[$0.from].label == from })
        }
        // Pen width follows strength: weight 5, 1A, undated (recency 0.5) gives 0.5, so 0.8 + 3.2 × 0.5.
        let exploits = try edge(.exploits, from: "P1")
        #expect(!exploits.faint && exploits.directed && abs(exploits.penWidth - 2.4) < 1e-9)
        #expect(try edge(.associate, from: "Alice \"Al\" Example\\").faint)  // source 3
        #expect(try edge(.frequents, from: "Alice \"Al\" Example\\").faint)  // intelligence C
        #expect(try edge(.onlineContact, from: "C2").faint)  // intelligence D
        #expect(try !edge(.member, from: "C2").faint)  // 1B
        #expect(try !edge(.exploits, from: "P2").faint)  // ungraded
        // Weight 4, ungraded (confidence 0.5, reliability 0.8), undated: 0.8 × 0.5 × 0.8 × 0.5 = 0.16.
        #expect(try abs(edge(.exploits, from: "P2").penWidth - (0.8 + 3.2 * 0.16)) < 1e-9)
        #expect(try !edge(.onlineContact, from: "C2").directed)
    }

    @Test func gradingRuleForFaintLinks() {
        #expect(!OverviewMap.isWeaklyEvidenced(nil))
        #expect(!OverviewMap.isWeaklyEvidenced(Grading(code: "1A")))
        #expect(!OverviewMap.isWeaklyEvidenced(Grading(code: "2B")))
        #expect(OverviewMap.isWeaklyEvidenced(Grading(code: "3A")))
        #expect(OverviewMap.isWeaklyEvidenced(Grading(code: "1C")))
        #expect(OverviewMap.isWeaklyEvidenced(Grading(code: "2D")))
    }

    @Test func aboveMaxNodesTheMapIsCondensedToOneNodePerCluster() throws {
        let spec = OverviewMap(maxNodes: 7).spec(data: world.identified())
        #expect(
            spec.note
                == "Condensed map: 8 entities in 2 clusters exceed the limit of 7 nodes; each node is one cluster.")
        #expect(spec.nodes.count == 2)
        #expect(spec.edges.isEmpty)
        #expect(spec.nodes.allSatisfy { $0.kind == nil })
        let first = spec.nodes[0]
        let cluster = world.clusters.clusters[0]
        #expect(first.label == "\(cluster.stableID)\n6 members\n2 children, 1 perpetrator")
        #expect(first.riskLevel == 4 && first.weight == 6)
        #expect(spec.nodes[1].riskLevel == 3)
        // No person-level text anywhere.
        let text = spec.nodes.map { $0.label + $0.tooltip }.joined()
        #expect(!text.contains("Alice") && !text.contains("C1") && !text.contains("P2"))
        #expect(spec.title[0] == "contextd overview — OFFICIAL-SENSITIVE")
    }

    @Test func whenEvenClustersExceedTheLimitOnlyTheLargestAreShown() {
        let spec = OverviewMap(maxNodes: 1).spec(data: world.identified())
        #expect(spec.nodes.count == 1)
        #expect(spec.nodes[0].label.hasPrefix(world.clusters.clusters[0].stableID))
        #expect(spec.note?.hasSuffix("Only the 1 largest clusters are shown.") == true)
    }

    @Test(.tags(.graphviz), arguments: [7, 2000])
    func overviewRendersToWellFormedSVG(maxNodes: Int) async throws {
        let spec = OverviewMap(maxNodes: maxNodes).spec(data: world.identified())
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        let parsed = parseSVG(try #require(output[.svg]))
        #expect(parsed.wellFormed)
        #expect(parsed.texts.contains("contextd overview — OFFICIAL-SENSITIVE"))
        #expect(await GraphvizRenderer.shared.reparseNodeCount(dot: output[.dot] ?? []) == spec.nodes.count)
        if maxNodes == 2000 {
            #expect(parsed.texts.contains("Alice \"Al\" Example\\"))
            // Clusters are drawn as boxes (dot draws `cluster_` subgraphs).
            let svg = String(decoding: try #require(output[.svg]), as: UTF8.self)
            #expect(svg.split(separator: "class=\"cluster\"", omittingEmptySubsequences: false).count - 1 == 2)
            #expect(parsed.texts.contains(world.clusters.clusters[0].stableID))
        }
    }
}
