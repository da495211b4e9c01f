import ContextModel
import GraphAlgorithms

/// A young person open to the MACE.
struct ChildPlan {
    var young: Int
    var risk: UInt8
    var exploitation: Exploitation
    /// Index into ``WorldPlan/networks``, `-1` for a child with no identified network.
    var network: Int
}

/// Perpetrators, a group and hotspots working one ward, and the children they harm.
struct NetworkPlan {
    var ward: Int
    var profile: Exploitation
    var perpetrators: [Int] = []
    var hotspots: [Int] = []
    /// Index into ``WorldPlan/groups``, `-1` when the network has no named group.
    var group: Int = -1
    /// Young-person indices of the children in the network.
    var children: [Int] = []
    /// Peers exploited by the network who are not (yet) open to the MACE.
    var exploitedPeers: [Int] = []
}

struct PerpetratorPlan {
    var ward: Int
    var age: Int
    var risk: UInt8
    var exploitation: Exploitation
    /// Index into ``WorldPlan/networks``, `-1` for one working alone.
    var network: Int
}

struct GroupPlan {
    var ward: Int
    var risk: UInt8
    var exploitation: Exploitation
}

extension WorldPlan {
    /// Chooses the children, gathers them into networks with perpetrators, groups and hotspots.
    mutating func planConcern() {
        var generator = SplitMix64.stream(5, of: seed)
        chooseChildren(&generator)
        formNetworks(&generator)
        assignPerpetrators(&generator)
        chooseHotspots(&generator)
    }

    /// Picks the children: mostly secondary-age, anywhere in the authority.
    private mutating func chooseChildren(_ generator: inout SplitMix64) {
        var order = Array(0..<youngCount)
        order.shuffle(seededBy: &generator)
        var chosen = [Bool](repeating: false, count: youngCount)
        var picked = 0
        for young in order where picked < childCount {
            if youngAge[young] >= 12 || generator.chance(0.15) {
                chosen[young] = true
                picked += 1
            }
        }
        for young in order where picked < childCount && !chosen[young] {
            chosen[young] = true
            picked += 1
        }
        childOrdinal = [Int32](repeating: -1, count: youngCount)
        for young in 0..<youngCount where chosen[young] {
            childOrdinal[young] = Int32(children.count)
            children.append(ChildPlan(young: young, risk: 0, exploitation: [], network: -1))
        }
    }

    private mutating func formNetworks(_ generator: inout SplitMix64) {
        // Children are in ward order (young people are laid out ward by ward).
        var first = 0
        while first < children.count {
            let ward = Int(youngWard[children[first].young])
            var end = first
            while end < children.count && Int(youngWard[children[end].young]) == ward { end += 1 }
            let count = end - first
            let networkCount = count >= 2 ? max(1, count / 7) : 0
            let base = networks.count
            for _ in 0..<networkCount {
                networks.append(NetworkPlan(ward: ward, profile: Self.networkProfile(&generator)))
            }
            for (position, index) in (first..<end).enumerated() {
                if networkCount > 0 && !generator.chance(0.2) {
                    let network = base + position % networkCount
                    children[index].network = network
                    networks[network].children.append(children[index].young)
                    shapeNetworkChild(index, profile: networks[network].profile, &generator)
                } else {
                    shapeStandaloneChild(index, &generator)
                }
            }
            for network in base..<networks.count {
                for _ in 0..<generator.next(below: 3) {
                    if let peer = pickYoung(in: ward, &generator), childOrdinal[peer] < 0,
                        !networks[network].exploitedPeers.contains(peer)
                    {
                        networks[network].exploitedPeers.append(peer)
                    }
                }
            }
            first = end
        }
    }

    private static func networkProfile(_ generator: inout SplitMix64) -> Exploitation {
        let roll = generator.nextUnitInterval()
        switch roll {
        case ..<0.35: return [.cce, .countyLines]
        case ..<0.60: return [.cse]
        case ..<0.80: return [.cce, .youthViolence]
        case ..<0.90: return [.cse, .missing]
        case ..<0.95: return [.cce, .countyLines, .missing]
        default: return [.trafficking, .modernSlavery]
        }
    }

    private mutating func shapeNetworkChild(_ index: Int, profile: Exploitation, _ generator: inout SplitMix64) {
        var forms: Exploitation = []
        for (_, form) in Exploitation.named where profile.contains(form) && generator.chance(0.75) {
            forms.insert(form)
        }
        if forms.isEmpty, let firstForm = Exploitation.named.first(where: { profile.contains($0.value) }) {
            forms.insert(firstForm.value)
        }
        if generator.chance(0.3) { forms.insert(.missing) }
        children[index].exploitation = forms
        let roll = generator.nextUnitInterval()
        children[index].risk = roll < 0.30 ? 2 : roll < 0.75 ? 3 : 4
    }

    private mutating func shapeStandaloneChild(_ index: Int, _ generator: inout SplitMix64) {
        let roll = generator.nextUnitInterval()
        let form: Exploitation =
            switch roll {
            case ..<0.35: .missing
            case ..<0.60: .youthViolence
            case ..<0.75: .cse
            case ..<0.85: .harmfulRelationship
            case ..<0.95: .cce
            default: .radicalisation
            }
        children[index].exploitation = form
        let risk = generator.nextUnitInterval()
        children[index].risk = risk < 0.60 ? 2 : risk < 0.93 ? 3 : 4
    }

    private mutating func assignPerpetrators(_ generator: inout SplitMix64) {
        let networkCount = networks.count
        for index in 0..<perpetratorCount {
            let network = networkCount > 0 ? index % networkCount : -1
            let ward = network >= 0 ? networks[network].ward : generator.next(below: wardCount)
            let age =
                generator.chance(0.25)
                ? generator.next(in: 15...17) : 18 + generator.next(below: 14) + generator.next(below: 14)
            let roll = generator.nextUnitInterval()
            let risk: UInt8 = roll < 0.40 ? 4 : roll < 0.95 ? 3 : 2
            let exploitation = network >= 0 ? networks[network].profile : Self.networkProfile(&generator)
            perpetrators.append(
                PerpetratorPlan(ward: ward, age: age, risk: risk, exploitation: exploitation, network: network))
            if network >= 0 { networks[network].perpetrators.append(index) }
        }
        // Fewer perpetrators than networks: networks share them.
        for network in 0..<networkCount where networks[network].perpetrators.isEmpty {
            networks[network].perpetrators.append(network % perpetratorCount)
        }
        for index in 0..<groupCount {
            let network = index < networkCount ? index : -1
            if network >= 0 { networks[network].group = index }
            let ward = network >= 0 ? networks[network].ward : generator.next(below: wardCount)
            let exploitation = network >= 0 ? networks[network].profile : Self.networkProfile(&generator)
            groups.append(GroupPlan(ward: ward, risk: generator.chance(0.5) ? 4 : 3, exploitation: exploitation))
        }
    }

    /// Two or three places in the network's ward where harm happens, and sometimes an online one.
    private mutating func chooseHotspots(_ generator: inout SplitMix64) {
        let online = (0..<locationCount).filter { locationCategory[$0] == .online }
        for network in 0..<networks.count {
            let ward = networks[network].ward
            let wanted = generator.next(in: 2...3)
            var attempts = 0
            while networks[network].hotspots.count < wanted && attempts < 20 {
                attempts += 1
                let places = wardLocations[ward]
                guard !places.isEmpty else { break }
                let location = places.lowerBound + generator.next(below: places.count)
                if locationCategory[location] == .online || Int32(location) == decoyOfWard[ward]
                    || networks[network].hotspots.contains(location)
                {
                    continue
                }
                networks[network].hotspots.append(location)
            }
            if !online.isEmpty && (networks[network].profile.contains(.cse) || generator.chance(0.2)) {
                networks[network].hotspots.append(online[generator.next(below: online.count)])
            }
            for location in networks[network].hotspots where generator.chance(0.7) {
                locationRisk[location] = max(locationRisk[location], generator.chance(0.5) ? 4 : 3)
                locationExploitation[location].formUnion(networks[network].profile)
            }
        }
    }
}
