import ContextAnalysis
import ContextModel
import ContextPrivacy
import Testing

@testable import ContextMaps

/// Two places sharing a label in different areas, a named child and an unnamed peer.
struct SharedLabelWorld {
    let graph: ContextGraph
    let personal: PersonalData
    let analysis: Analysis

    init() throws {
        var builder = ContextGraph.Builder()
        func add(_ id: String, _ kind: EntityKind, _ risk: UInt8, area: String? = nil) throws -> EntityIndex {
            let index = builder.addEntity(id: id, kind: kind, riskLevel: risk, area: area, category: .shop)
            return try #require(index)
        }
        let child = try add("C-1", .child, 4)
        let peer = try add("Y-2", .peer, 0)
        let north = try add("L-10", .location, 2, area: "Northfield")
        let south = try add("L-11", .location, 0, area: "Southgate")
        _ = builder.addLink(.init(source: child, target: peer, kind: .associate, weight: 3))
        _ = builder.addLink(.init(source: child, target: north, kind: .frequents, weight: 3))
        _ = builder.addLink(.init(source: peer, target: south, kind: .frequents, weight: 3))
        graph = builder.freeze()
        var labels = [Redacted<String>?](repeating: nil, count: graph.entities.count)
        labels[child.int] = Redacted("Amelia Example")
        labels[north.int] = Redacted("Corner Shop")
        labels[south.int] = Redacted("Corner Shop")
        personal = PersonalData(
            labels: labels, datesOfBirth: [], eventNotes: [], actionNotes: [], entityAttributes: FreeAttributes(),
            linkAttributes: FreeAttributes())
        analysis = try Analysis(graph, asOf: RingWorld.asOf, settings: AnalysisSettings())
    }
}

struct NodeCaptionTests {
    @Test func analystMapsShowIdsAndPlacesSharingALabelShowTheirArea() throws {
        let world = try SharedLabelWorld()
        let data = MapData(graph: world.graph, analysis: world.analysis, naming: .identified(world.personal))
        let nodes = (0..<Int32(world.graph.entities.count)).map { data.node(for: EntityIndex(rawValue: $0)) }
        #expect(nodes.map(\.label) == ["Amelia Example", "Y-2", "Corner Shop", "Corner Shop"])
        #expect(nodes.map(\.caption) == ["C-1 · MACE 4", "", "Northfield · L-10 · MACE 2", "Southgate · L-11"])
    }

    @Test func pseudonymisedMapsShowTheLevelOnly() throws {
        let world = try SharedLabelWorld()
        let data = MapData(
            graph: world.graph, analysis: world.analysis, naming: .pseudonymised(Pseudonymiser(key: Array(0..<32))))
        let nodes = (0..<Int32(world.graph.entities.count)).map { data.node(for: EntityIndex(rawValue: $0)) }
        #expect(nodes.map(\.caption) == ["MACE 4", "", "MACE 2", ""])
        let text = nodes.map { $0.label + $0.caption + $0.tooltip }.joined()
        for secret in ["Amelia", "Corner", "Northfield", "Southgate", "C-1", "L-10", "Y-2"] {
            #expect(!text.contains(secret), "\(secret)")
        }
    }

    @Test func longIdsAreShortened() {
        #expect(MapData.shortID("L-17") == "L-17")
        let long = String(repeating: "x", count: 40)
        #expect(MapData.shortID(long) == String(repeating: "x", count: 23) + "…")
    }

    @Test(.tags(.graphviz)) func theCaptionIsDrawnUnderTheLabel() async throws {
        var spec = sampleSpec()
        spec.nodes[3].caption = "P-9 \\N · MACE 4"
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        let parsed = parseSVG(try #require(output[.svg]))
        #expect(parsed.texts.contains("Adult D") && parsed.texts.contains("P-9 \\N · MACE 4"))
    }
}
