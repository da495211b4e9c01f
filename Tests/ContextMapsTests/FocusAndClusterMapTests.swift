import ContextAnalysis
import ContextModel
import ContextPrivacy
import Testing

@testable import ContextMaps

/// A star-and-ring world for focus maps: child A; peers B, D around it; C and E behind them;
/// a perpetrator P reached through B who exploits C; a school S that everyone attends; Z linked to
/// A only by an E-graded link.
struct RingWorld {
    let graph: ContextGraph
    let analysis: Analysis
    static let asOf = Day(rawValue: 20_119)

    init() {
        var builder = ContextGraph.Builder()
        func add(_ id: String, _ kind: EntityKind, _ risk: UInt8 = 0) -> EntityIndex {
            guard let index = builder.addEntity(id: id, kind: kind, riskLevel: risk, exploitation: []) else {
                preconditionFailure("fixture ids are unique")
            }
            return index
        }
        let a = add("A", .child, 3), b = add("B", .peer), c = add("C", .peer), d = add("D", .peer)
        let e = add("E", .peer), p = add("P", .perpetrator, 4), s = add("S", .school), z = add("Z", .peer)
        let f = add("F", .peer)
        func link(_ x: EntityIndex, _ y: EntityIndex, _ kind: LinkKind, weight: UInt8 = 3, grading: String? = nil) {
            _ = builder.addLink(
                .init(
                    source: x, target: y, kind: kind, weight: weight,
                    grading: grading.flatMap { Grading(code: $0)?.packed } ?? 0))
        }
        link(a, b, .associate, weight: 5)
        link(a, d, .associate, weight: 2)
        link(b, c, .associate)
        link(d, e, .associate)
        link(b, p, .associate)
        link(c, e, .associate)  // both on the outer ring: left out
        link(p, c, .exploits, weight: 4)  // both on the outer ring, but exploitation: kept
        link(a, z, .associate, weight: 5, grading: "2E")  // suspected false: never followed or drawn
        for pupil in [a, b, c, d, e, f] { link(pupil, s, .attends, weight: 1) }  // F only shares the school
        graph = builder.freeze()
        do {
            analysis = try Analysis(graph, asOf: Self.asOf, settings: AnalysisSettings())
        } catch {
            preconditionFailure("the analysis of a fixture is not cancelled")
        }
    }

    func data(_ settings: MapSettings = MapSettings(), pseudonymised: Bool = false) -> MapData {
        let naming: MapNaming =
            pseudonymised
            ? .pseudonymised(Pseudonymiser(key: Array(0..<32)))
            : .identified(PersonalData.empty)
        return MapData(graph: graph, analysis: analysis, naming: naming, settings: settings)
    }

    func index(_ id: String) -> EntityIndex {
        guard let index = graph.index(of: id) else { preconditionFailure("fixture id \(id)") }
        return index
    }
}

extension PersonalData {
    /// No labels: maps show ids.
    static let empty = PersonalData(
        labels: [], datesOfBirth: [], eventNotes: [], actionNotes: [], entityAttributes: FreeAttributes(),
        linkAttributes: FreeAttributes())
}

struct FocusMapTests {
    let world = RingWorld()

    @Test func childMapWalksTwoRingsAroundTheChildAndNotThroughTheSchool() throws {
        let spec = FocusMap.spec(of: .child(world.index("A")), data: world.data())
        let labels = spec.nodes.map(\.label)
        #expect(labels.first == "A")
        #expect(spec.centre == 0 && spec.nodes[0].emphasised)
        // Ring 1: B (strongest), S, D; ring 2: C, P, E. F shares only the school; Z only an E link.
        #expect(Set(labels) == ["A", "B", "D", "S", "C", "P", "E"])
        #expect(Array(labels[1...3]) == ["B", "D", "S"])
        #expect(!labels.contains("F") && !labels.contains("Z"))
        func hasEdge(_ x: String, _ y: String) -> Bool {
            spec.edges.contains {
                Set([spec.nodes[$0.from].label, spec.nodes[$0.to].label]) == Set([x, y])
            }
        }
        #expect(hasEdge("A", "B") && hasEdge("B", "C") && hasEdge("D", "E") && hasEdge("B", "P"))
        #expect(!hasEdge("C", "E"))  // outer ring to outer ring
        #expect(hasEdge("P", "C"))  // exploitation is always drawn
        #expect(spec.title[0] == "contextd map: network of a child — OFFICIAL-SENSITIVE")
        #expect(spec.title[2].hasPrefix("7 entities within 2 links"))
        #expect(spec.note == nil)
        #expect(MapStyle().resolvedEngine(for: spec).engine == .twopi)
    }

    @Test func depthOneAndTheNodeLimit() throws {
        var settings = MapSettings()
        settings.depth = 1
        let one = FocusMap.spec(of: .child(world.index("A")), data: world.data(settings))
        #expect(Set(one.nodes.map(\.label)) == ["A", "B", "D", "S"])
        settings.depth = 2
        settings.maxNodes = 3
        let capped = FocusMap.spec(of: .child(world.index("A")), data: world.data(settings))
        #expect(capped.nodes.map(\.label) == ["A", "B", "D"])
        #expect(
            capped.note == "At least 4 more entities within 2 links not drawn (limit 3); the nearest and most "
                + "strongly linked are shown.")
    }

    @Test func contextMapStartsAtTheSchool() throws {
        var settings = MapSettings()
        settings.depth = 1
        let spec = FocusMap.spec(of: .context(world.index("S")), data: world.data(settings))
        #expect(spec.nodes[0].label == "S")
        #expect(Set(spec.nodes.map(\.label)) == ["S", "A", "B", "C", "D", "E", "F"])
        #expect(spec.title[0] == "contextd map: around a school — OFFICIAL-SENSITIVE")
    }

    @Test func pseudonymisedMapsCarryNoIdAndStablePseudonyms() throws {
        let first = FocusMap.spec(of: .child(world.index("A")), data: world.data(pseudonymised: true))
        let again = FocusMap.spec(of: .child(world.index("A")), data: world.data(pseudonymised: true))
        let ids = Set(world.graph.entities.ids)
        for node in first.nodes {
            let firstLine = String(node.label.split(separator: "\n")[0])
            #expect(!ids.contains(firstLine))
            #expect(firstLine.wholeMatch(of: /(CHILD|PEER|PERP|PLACE|SCHOOL|GROUP)-[0-9A-Z]{12}/) != nil)
        }
        #expect(first.nodes.map(\.label) == again.nodes.map(\.label))
        #expect(first.title[0].hasSuffix("OFFICIAL-SENSITIVE (pseudonymised)"))
        #expect(first.title[1].contains(first.nodes[0].label))
        #expect(!first.title.joined().contains(": A"))
    }

    @Test func staleLinksAreFaintAndFutureLinksAbsent() throws {
        var builder = ContextGraph.Builder()
        func add(_ id: String, _ kind: EntityKind) -> EntityIndex {
            guard let index = builder.addEntity(id: id, kind: kind, riskLevel: 3, exploitation: []) else {
                preconditionFailure("fixture ids are unique")
            }
            return index
        }
        let child = add("A", .child), old = add("OLD", .peer), recent = add("NEW", .peer)
        let future = add("LATER", .peer)
        let asOf = RingWorld.asOf.rawValue
        _ = builder.addLink(.init(source: child, target: old, kind: .associate, weight: 5, lastSeen: asOf - 400))
        _ = builder.addLink(.init(source: child, target: recent, kind: .associate, weight: 5, lastSeen: asOf - 10))
        _ = builder.addLink(.init(source: child, target: future, kind: .associate, weight: 5, firstSeen: asOf + 3))
        let graph = builder.freeze()
        let analysis = try Analysis(graph, asOf: RingWorld.asOf, settings: AnalysisSettings())
        let data = MapData(graph: graph, analysis: analysis, naming: .identified(PersonalData.empty))
        let spec = FocusMap.spec(of: .child(child), data: data)
        #expect(spec.nodes.map(\.label) == ["A", "NEW", "OLD"])  // strongest first; LATER not yet seen
        let faint = Dictionary(uniqueKeysWithValues: spec.edges.map { (spec.nodes[$0.to].label, $0.faint) })
        #expect(faint == ["NEW": false, "OLD": true])
        #expect(spec.edges.map(\.stale) == spec.edges.map { spec.nodes[$0.to].label == "OLD" })
    }

    @Test(.tags(.graphviz)) func focusMapRendersRadially() async throws {
        let spec = FocusMap.spec(of: .child(world.index("A")), data: world.data())
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        let parsed = parseSVG(try #require(output[.svg]))
        #expect(parsed.wellFormed)
        let dot = String(decoding: try #require(output[.dot]), as: UTF8.self)
        #expect(dot.contains("root=n0"))
        #expect(await GraphvizRenderer.shared.reparseNodeCount(dot: output[.dot] ?? []) == 7)
    }
}

struct ClusterMapTests {
    let world = SmallWorld()

    @Test func clusterMapDrawsTheMembersAndEveryLinkAmongThem() throws {
        let cluster = world.clusters.clusters[0]
        let spec = ClusterMap.spec(of: cluster, data: world.identified())
        #expect(spec.nodes.count == 6)
        // exploits, associate, frequents, online_contact, member; the school is not a member.
        #expect(Set(spec.edges.compactMap(\.kind)) == [.exploits, .associate, .frequents, .onlineContact, .member])
        #expect(spec.edges.count == 5)
        #expect(spec.title[0] == "contextd concern cluster \(cluster.stableID) — OFFICIAL-SENSITIVE")
        #expect(spec.title[2].hasPrefix("6 members, highest MACE 4 (high concern); cse, county_lines"))
        var settings = MapSettings()
        settings.maxNodes = 4
        let capped = ClusterMap.spec(of: cluster, data: world.identified(settings))
        #expect(capped.nodes.count == 4)
        #expect(capped.note?.hasPrefix("2 of 6 members not drawn (limit 4): 1 peer and 1 place.") == true)
        #expect(capped.nodes.contains { $0.label.hasPrefix("Alice") })  // a child
    }

    @Test func linksBeyondTheLimitAreLeftOutStrongestKeptExploitationFirst() throws {
        let cluster = world.clusters.clusters[0]
        var settings = MapSettings()
        settings.style.maxLinks = 2
        let spec = ClusterMap.spec(of: cluster, data: world.identified(settings))
        #expect(spec.edges.count == 2)
        #expect(spec.edges.contains { $0.kind == .exploits })
        let all = ClusterMap.spec(of: cluster, data: world.identified()).edges
        let widestOther = all.filter { $0.kind != .exploits }.map(\.penWidth).max()
        #expect(spec.edges.first { $0.kind != .exploits }?.penWidth == widestOther)
        #expect(
            spec.note
                == "3 of 5 links not drawn (limit 2); each node keeps its strongest, then the strongest are shown.")
        var overview = OverviewMap()
        overview.style.maxLinks = 1
        let capped = OverviewMap(maxNodes: 2000, style: overview.style).spec(data: world.identified())
        #expect(capped.edges.count == 1 && capped.edges[0].kind == .exploits)
    }

    @Test func theLinkLimitLeavesNoNodeWithoutALinkWhileItAllowsOneEach() {
        // A clique of four strong links and a weak leaf: the weakest link is the leaf's only one.
        var spec = MapSpec(title: ["t"], nodes: (0..<5).map { MapSpec.Node(label: "N\($0)", kind: .peer) })
        for a in 0..<4 {
            for b in (a + 1)..<4 { spec.edges.append(.init(from: a, to: b, kind: .associate, penWidth: 3)) }
        }
        spec.edges.append(.init(from: 3, to: 4, kind: .associate, penWidth: 1))
        spec.style.maxLinks = 4
        spec.limitEdges()
        #expect(spec.edges.count == 4)
        let linked = Set(spec.edges.flatMap { [$0.from, $0.to] })
        #expect(linked == [0, 1, 2, 3, 4])
        #expect(spec.note?.hasPrefix("3 of 7 links not drawn (limit 4)") == true)
    }

    @Test func pseudonymisedOverviewShowsNoNameOrId() async throws {
        let spec = OverviewMap().spec(data: world.pseudonymised())
        let ids = Set(world.graph.entities.ids)
        #expect(spec.nodes.allSatisfy { !ids.contains(String($0.label.split(separator: "\n")[0])) })
        let text = (spec.title + spec.nodes.flatMap { [$0.label, $0.tooltip] }).joined(separator: "|")
        #expect(!text.contains("Alice"))
        #expect(text.contains("PLACE-") && text.contains("CHILD-"))
        let output = try await GraphvizRenderer.shared.render(spec, formats: [.svg, .dot])
        for format in [MapFormat.svg, .dot] {
            let rendered = String(decoding: try #require(output[format]), as: UTF8.self)
            #expect(!rendered.contains("Alice"), "\(format)")
            for id in ids { #expect(!rendered.contains(">\(id)<") && !rendered.contains("\"\(id)\""), "\(format)") }
        }
    }
}
