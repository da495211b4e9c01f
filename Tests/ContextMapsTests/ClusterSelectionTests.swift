import ContextAnalysis
import ContextModel
import Testing

@testable import ContextMaps

/// A cluster-sized world where busy places would win a whole-graph degree rule: 30 places each
/// frequented by every child and peer, 12 children, 8 perpetrators, 2 groups, 20 peers and one
/// peer with no link at all.
struct BusyPlacesWorld {
    let graph: ContextGraph
    let members: [EntityIndex]
    /// One strength per link, all alike but the places' (weaker), as the analysis would give.
    let strengths: [Double]

    init() {
        var builder = ContextGraph.Builder()
        func add(_ id: String, _ kind: EntityKind) -> EntityIndex {
            guard let index = builder.addEntity(id: id, kind: kind, riskLevel: 3, exploitation: []) else {
                preconditionFailure("fixture ids are unique")
            }
            return index
        }
        let places = (0..<30).map { add("L\($0)", .location) }
        let children = (0..<12).map { add("C\($0)", .child) }
        let perpetrators = (0..<8).map { add("P\($0)", .perpetrator) }
        let groups = (0..<2).map { add("G\($0)", .group) }
        let peers = (0..<20).map { add("Y\($0)", .peer) }
        _ = add("Z", .peer)
        func link(_ a: EntityIndex, _ b: EntityIndex, _ kind: LinkKind) {
            _ = builder.addLink(.init(source: a, target: b, kind: kind, weight: 3))
        }
        for person in children + peers {
            for place in places { link(person, place, .frequents) }
        }
        // Perpetrators 0-5 exploit a child each; 6 and 7 are linked only to peers.
        for (number, perpetrator) in perpetrators.prefix(6).enumerated() {
            link(perpetrator, children[number], .exploits)
        }
        link(perpetrators[6], peers[10], .associate)
        link(perpetrators[7], peers[11], .associate)
        // Children 0-10 each have a peer associate; child 11 only frequents the places.
        for number in 0..<11 { link(children[number], peers[number % 8], .associate) }
        for number in 0..<8 { link(peers[number], groups[number / 4], .member) }
        for number in 12..<20 { link(peers[number], peers[number - 12], .associate) }
        let graph = builder.freeze()
        self.graph = graph
        members = (0..<Int32(graph.entities.count)).map(EntityIndex.init(rawValue:))
        strengths = (0..<graph.links.count).map { graph.links.kinds[$0] == .frequents ? 0.1 : 0.5 }
    }

    func kind(_ entity: EntityIndex) -> EntityKind { graph.entities.kinds[entity.int] }

    /// Drawn entities with a link in the cluster (strength above zero) but none to another drawn entity.
    func unlinked(_ drawn: [EntityIndex], strengths: [Double]? = nil) -> [EntityIndex] {
        let strengths = strengths ?? self.strengths
        let drawnSet = Set(drawn)
        return drawn.filter { entity in
            let linked = graph.slots(of: entity).filter { strengths[Int(graph.adjacentLinks[$0])] > 0 }
            return !linked.isEmpty
                && !linked.contains { drawnSet.contains(EntityIndex(rawValue: graph.adjacentEntities[$0])) }
        }
    }
}

struct ClusterSelectionTests {
    let world = BusyPlacesWorld()

    @Test func childrenPerpetratorsAndGroupsComeFirstThenTheirLinksThenSharedPlaces() {
        let selection = ClusterMap.Selection(
            members: world.members, limit: 40, graph: world.graph, strengths: world.strengths)
        let drawn = selection.drawn
        #expect(drawn.count == 40)
        func drawnCount(_ kind: EntityKind) -> Int { drawn.filter { world.kind($0) == kind }.count }
        // All 22 children, perpetrators and groups fit, so all are drawn.
        #expect(drawnCount(.child) == 12 && drawnCount(.perpetrator) == 8 && drawnCount(.group) == 2)
        // Then every peer who links them (Y0-Y7 through children and groups, Y10 and Y11
        // through perpetrators), none of Y12-Y19 (who link only peers), then shared places; child
        // 11, linked only to places, is drawn with its strongest place.
        let linking = (0..<8).map { "Y\($0)" } + ["Y10", "Y11"]
        let drawnIDs = Set(drawn.map { world.graph.id(of: $0) })
        #expect(linking.allSatisfy(drawnIDs.contains))
        #expect(drawnCount(.peer) == 10 && drawnCount(.location) == 8)
        #expect(world.unlinked(drawn).isEmpty)
        #expect(drawn == drawn.sorted())
        #expect(selection.leftOutText == "11 peers and 22 places")
    }

    @Test func theClusterMapNoteSaysWhatWasLeftOut() {
        let world = SmallWorld()
        var settings = MapSettings()
        settings.maxNodes = 4
        let spec = ClusterMap.spec(of: world.clusters.clusters[0], data: world.identified(settings))
        // The two children, the perpetrator and the group; the peer and the place left out.
        #expect(Set(spec.nodes.compactMap(\.kind)) == [.child, .perpetrator, .group])
        #expect(
            spec.note
                == "2 of 6 members not drawn (limit 4): 1 peer and 1 place. Drawn first: children, perpetrators "
                + "and groups, then the people linking them, then shared places.")
        #expect(spec.edges.count == 3)
    }

    @Test func whenTheCoreDoesNotFitNoDrawnNodeIsLeftWithoutALink() {
        for limit in [1, 2, 3, 5, 9, 10, 15, 21] {
            let selection = ClusterMap.Selection(
                members: world.members, limit: limit, graph: world.graph, strengths: world.strengths)
            #expect(selection.drawn.count <= limit && selection.drawn.count >= limit - 1, "limit \(limit)")
            #expect(world.unlinked(selection.drawn).isEmpty, "limit \(limit)")
            // Places come in only as the partner of a child with no other link.
            let places = selection.drawn.filter { world.kind($0) == .location }
            #expect(places.count <= 1, "limit \(limit)")
        }
    }

    @Test func randomClustersNeverDrawAnUnlinkedNodeThatHasALink() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for round in 0..<40 {
            var builder = ContextGraph.Builder()
            let count = 5 + next(60)
            let entities = (0..<count).compactMap {
                builder.addEntity(id: "E\($0)", kind: EntityKind.allCases[next(EntityKind.allCases.count)])
            }
            for _ in 0..<next(count * 3) {
                let a = entities[next(count)], b = entities[next(count)]
                guard a != b else { continue }
                _ = builder.addLink(.init(source: a, target: b, kind: .associate, weight: UInt8(1 + next(5))))
            }
            let graph = builder.freeze()
            // Some links carry no strength (graded E): they do not count as links in the cluster.
            let strengths = (0..<graph.links.count).map { _ in next(4) == 0 ? 0 : Double(1 + next(9)) / 10 }
            let limit = 1 + next(count)
            let selection = ClusterMap.Selection(members: entities, limit: limit, graph: graph, strengths: strengths)
            #expect(selection.drawn.count <= limit && selection.drawn.count >= min(count, limit) - 1, "round \(round)")
            #expect(Set(selection.drawn).count == selection.drawn.count)
            #expect(selection.leftOutByKind.reduce(0, +) == count - selection.drawn.count)
            let drawnSet = Set(selection.drawn)
            let unlinked = selection.drawn.filter { entity in
                let linked = graph.slots(of: entity).filter { strengths[Int(graph.adjacentLinks[$0])] > 0 }
                return !linked.isEmpty
                    && !linked.contains { drawnSet.contains(EntityIndex(rawValue: graph.adjacentEntities[$0])) }
            }
            #expect(unlinked.isEmpty, "round \(round)")
        }
    }
}
