import ContextAnalysis
import ContextModel

extension ClusterMap {
    /// The members drawn on a cluster map that has more members than it may draw, and what was
    /// left out.
    ///
    /// A link "in the cluster" is a link between two members that carries strength (the links
    /// the map draws). The rule, in order, while there is room:
    /// 1. children, perpetrators and groups: first those linked to someone already drawn (the
    ///    most strongly linked to the drawing first); when none is, the one with the most strength
    ///    inside the cluster together with its strongest neighbour (another child, perpetrator or
    ///    group if it has one), so that it is not drawn alone;
    /// 2. the other people who link them, by the strength of their links to the drawn children,
    ///    perpetrators and groups;
    /// 3. places and schools linked to at least two drawn members (shared places), the most
    ///    shared first;
    /// 4. the rest, each the most strongly linked to the drawing, as in step 1.
    ///
    /// No member is added without a link to the drawing (or a partner drawn with it) unless it
    /// has no link in the cluster at all, and nothing drawn is taken away, so no drawn node lacks
    /// a drawn link unless it has none in the cluster. Busy places (high degree in the whole
    /// graph) no longer crowd out the people the map is about: on a 100,000-entity world the
    /// whole-graph degree rule drew 2 of the largest cluster's 61 perpetrators.
    struct Selection {
        /// The drawn members, in increasing index order.
        var drawn: [EntityIndex]
        /// Members left out, by kind (indexed by ``EntityKind/rawValue``).
        var leftOutByKind: [Int]

        /// - Complexity: O(Σ degree of the members + limit · members).
        init(members: [EntityIndex], limit: Int, graph: ContextGraph, strengths: [Double]) {
            let count = members.count
            var local: [Int32: Int] = [:]
            local.reserveCapacity(count)
            for (position, member) in members.enumerated() { local[member.rawValue] = position }
            // Links in the cluster, one entry per neighbour (parallel links summed).
            var neighbours = [[(member: Int, strength: Double)]](repeating: [], count: count)
            for (position, member) in members.enumerated() {
                var byNeighbour: [Int: Double] = [:]
                for slot in graph.slots(of: member) {
                    let link = Int(graph.adjacentLinks[slot])
                    guard strengths[link] > 0, let other = local[graph.adjacentEntities[slot]], other != position
                    else { continue }
                    byNeighbour[other, default: 0] += strengths[link]
                }
                neighbours[position] = byNeighbour.map { ($0.key, $0.value) }.sorted { $0.member < $1.member }
            }
            let kinds = members.map { graph.entities.kinds[$0.int] }
            let core = kinds.map { $0 == .child || $0 == .perpetrator || $0 == .group }
            let inside = neighbours.map { $0.reduce(0) { $0 + $1.strength } }

            var state = State(count: count)
            let limit = max(1, limit)
            func add(_ position: Int) {
                state.add(position, neighbours: neighbours[position], isCore: core[position])
            }
            /// Adds the best candidate linked to the drawing, or a member with no link in the
            /// cluster, or a seed and its strongest neighbour; `false` when none fits.
            func grow(among candidates: (Int) -> Bool, partnerPrefers: (Int) -> Bool) -> Bool {
                var linked: Int?, unlinked: Int?, seed: Int?
                for position in 0..<count where !state.drawn[position] && candidates(position) {
                    if state.toDrawn[position] > 0 {
                        if linked.map({ state.toDrawn[position] > state.toDrawn[$0] }) ?? true { linked = position }
                    } else if neighbours[position].isEmpty {
                        if unlinked == nil { unlinked = position }
                    } else if seed.map({ inside[position] > inside[$0] }) ?? true {
                        seed = position
                    }
                }
                if let chosen = linked ?? unlinked {
                    add(chosen)
                    return true
                }
                guard let seed, state.order.count + 2 <= limit else { return false }
                let partner = neighbours[seed].max { a, b in
                    let preferA = partnerPrefers(a.member), preferB = partnerPrefers(b.member)
                    if preferA != preferB { return !preferA }
                    return a.strength != b.strength ? a.strength < b.strength : a.member > b.member
                }
                add(seed)
                if let partner { add(partner.member) }
                return true
            }

            // 1. Children, perpetrators and groups.
            while state.order.count < limit, grow(among: { core[$0] }, partnerPrefers: { core[$0] }) {}
            // 2. The people who link them.
            let linkers = (0..<count).filter { !state.drawn[$0] && kinds[$0].isPerson && state.toDrawnCore[$0] > 0 }
                .sorted {
                    state.toDrawnCore[$0] != state.toDrawnCore[$1]
                        ? state.toDrawnCore[$0] > state.toDrawnCore[$1] : $0 < $1
                }
            for position in linkers.prefix(max(0, limit - state.order.count)) { add(position) }
            // 3. Shared places.
            let places = (0..<count).filter {
                !state.drawn[$0] && (kinds[$0] == .location || kinds[$0] == .school) && state.drawnNeighbours[$0] >= 2
            }.sorted { a, b in
                if state.drawnNeighbours[a] != state.drawnNeighbours[b] {
                    return state.drawnNeighbours[a] > state.drawnNeighbours[b]
                }
                return state.toDrawn[a] != state.toDrawn[b] ? state.toDrawn[a] > state.toDrawn[b] : a < b
            }
            for position in places.prefix(max(0, limit - state.order.count)) { add(position) }
            // 4. The rest.
            while state.order.count < limit, grow(among: { _ in true }, partnerPrefers: { kinds[$0].isPerson }) {}

            drawn = state.order.sorted().map { members[$0] }
            var leftOut = [Int](repeating: 0, count: EntityKind.allCases.count)
            for position in 0..<count where !state.drawn[position] { leftOut[Int(kinds[position].rawValue)] += 1 }
            leftOutByKind = leftOut
        }

        /// The selection's running totals.
        private struct State {
            var drawn: [Bool]
            var order: [Int] = []
            /// Strength of each member's links to drawn members.
            var toDrawn: [Double]
            /// Strength of each member's links to drawn children, perpetrators and groups.
            var toDrawnCore: [Double]
            /// Number of drawn members each member is linked to.
            var drawnNeighbours: [Int]

            init(count: Int) {
                drawn = [Bool](repeating: false, count: count)
                toDrawn = [Double](repeating: 0, count: count)
                toDrawnCore = toDrawn
                drawnNeighbours = [Int](repeating: 0, count: count)
            }

            mutating func add(_ position: Int, neighbours: [(member: Int, strength: Double)], isCore: Bool) {
                guard !drawn[position] else { return }
                drawn[position] = true
                order.append(position)
                for (other, strength) in neighbours {
                    toDrawn[other] += strength
                    drawnNeighbours[other] += 1
                    if isCore { toDrawnCore[other] += strength }
                }
            }
        }

        /// "2 children, 40 peers and 118 places", by kind, in the kinds' order.
        var leftOutText: String {
            let parts = EntityKind.allCases.compactMap { kind -> String? in
                let number = leftOutByKind[Int(kind.rawValue)]
                guard number > 0 else { return nil }
                return "\(number) \(ClusterMap.noun(kind, count: number))"
            }
            guard let last = parts.last else { return "" }
            return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
        }
    }

    /// The kind's noun for a count: "1 child", "2 children", "3 places".
    static func noun(_ kind: EntityKind, count: Int) -> String {
        let one = count == 1
        switch kind {
        case .child: return one ? "child" : "children"
        case .peer: return one ? "peer" : "peers"
        case .perpetrator: return one ? "perpetrator" : "perpetrators"
        case .location: return one ? "place" : "places"
        case .school: return one ? "school" : "schools"
        case .group: return one ? "group" : "groups"
        }
    }
}
