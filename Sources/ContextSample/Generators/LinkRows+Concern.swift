import ContextModel
import GraphAlgorithms

extension LinkRows {
    /// The links of concern: perpetrators exploiting children and some peers, children at the
    /// network's hotspots and linked to each other, perpetrators in groups and at the hotspots.
    mutating func writeConcern(_ writer: inout CSVWriter) throws(SampleError) {
        for network in plan.networks.indices {
            try writeNetworkChildren(network, &writer)
            try writeNetworkPerpetrators(network, &writer)
        }
        try writeStandaloneChildren(&writer)
        // Groups with no network of their own: a few members among all perpetrators.
        for group in plan.networks.count..<max(plan.networks.count, plan.groupCount) {
            for _ in 0..<structure.next(in: 2...3) {
                let member = plan.perpetratorBase + structure.next(below: plan.perpetratorCount)
                try once(member, plan.groupBase + group, .member, &writer)
            }
        }
    }

    private mutating func writeNetworkChildren(_ index: Int, _ writer: inout CSVWriter) throws(SampleError) {
        let network = plan.networks[index]
        let perpetrators = network.perpetrators.map { plan.perpetratorBase + $0 }
        let hasOnlineHotspot = network.hotspots.contains { plan.locationCategory[$0] == .online }
        for young in network.children {
            let child = plan.youngBase + young
            let forms = plan.children[Int(plan.childOrdinal[young])].exploitation
            let start = structure.next(below: perpetrators.count)
            let exploiters = structure.chance(0.35) && perpetrators.count > 1 ? 2 : 1
            for offset in 0..<exploiters {
                try once(
                    perpetrators[(start + offset) % perpetrators.count], child, .exploits,
                    strong: structure.chance(0.3), &writer)
            }
            let first = perpetrators[start]
            if forms.contains(.cse) && structure.chance(0.4) {
                try pair(first, child, .relationship, &writer)
            }
            if forms.contains(.cse) && hasOnlineHotspot && structure.chance(0.3) {
                try pair(first, child, .onlineContact, &writer)
            }
            if !network.hotspots.isEmpty {
                let hotspotStart = structure.next(below: network.hotspots.count)
                for offset in 0..<min(network.hotspots.count, structure.next(in: 1...2)) {
                    try frequents(child, network.hotspots[(hotspotStart + offset) % network.hotspots.count], &writer)
                }
            }
            if network.children.count > 1 {
                for _ in 0..<structure.next(in: 1...2) {
                    let other = network.children[structure.next(below: network.children.count)]
                    try pair(child, plan.youngBase + other, .associate, &writer)
                }
            }
            if network.group >= 0 && !forms.isDisjoint(with: [.youthViolence, .cce]) && structure.chance(0.4) {
                try once(child, plan.groupBase + network.group, .member, &writer)
            }
        }
        // Children of different networks who know each other.
        if !network.children.isEmpty && plan.networks.count > 1 && structure.chance(0.3) {
            let other = plan.networks[structure.next(below: plan.networks.count)]
            if !other.children.isEmpty {
                let a = network.children[structure.next(below: network.children.count)]
                let b = other.children[structure.next(below: other.children.count)]
                try pair(plan.youngBase + a, plan.youngBase + b, .associate, &writer)
            }
        }
        // Peers the network is drawing in, not (yet) known to the MACE.
        for young in network.exploitedPeers {
            let peer = plan.youngBase + young
            try once(perpetrators[structure.next(below: perpetrators.count)], peer, .exploits, &writer)
            if !network.hotspots.isEmpty && structure.chance(0.5) {
                try frequents(peer, network.hotspots[structure.next(below: network.hotspots.count)], &writer)
            }
        }
    }

    private mutating func writeNetworkPerpetrators(_ index: Int, _ writer: inout CSVWriter) throws(SampleError) {
        let network = plan.networks[index]
        let perpetrators = network.perpetrators.map { plan.perpetratorBase + $0 }
        for (position, perpetrator) in perpetrators.enumerated() {
            if network.group >= 0 && structure.chance(0.85) {
                try once(perpetrator, plan.groupBase + network.group, .member, &writer)
            }
            var wentToAHotspot = false
            for hotspot in network.hotspots where structure.chance(0.8) {
                try frequents(perpetrator, hotspot, &writer)
                wentToAHotspot = true
            }
            if !wentToAHotspot, let hotspot = network.hotspots.first {
                try frequents(perpetrator, hotspot, &writer)
            }
            if structure.chance(0.7), let place = plan.pickLocation(in: network.ward, &structure) {
                try frequents(perpetrator, place, &writer)
            }
            if position > 0 {
                try pair(perpetrators[position - 1], perpetrator, .associate, strong: structure.chance(0.5), &writer)
            }
            if structure.chance(0.2) {
                try pair(
                    perpetrator, plan.perpetratorBase + structure.next(below: plan.perpetratorCount), .associate,
                    &writer)
            }
        }
    }

    /// Children with no identified network: some linked to a perpetrator, some seen at a hotspot.
    private mutating func writeStandaloneChildren(_ writer: inout CSVWriter) throws(SampleError) {
        for child in plan.children where child.network < 0 {
            let person = plan.youngBase + child.young
            if structure.chance(0.5) {
                try once(
                    plan.perpetratorBase + structure.next(below: plan.perpetratorCount), person, .exploits, &writer)
            }
            if !plan.networks.isEmpty && structure.chance(0.5) {
                let network = plan.networks[structure.next(below: plan.networks.count)]
                if !network.hotspots.isEmpty {
                    try frequents(person, network.hotspots[structure.next(below: network.hotspots.count)], &writer)
                }
            }
        }
        // Perpetrators working alone still go somewhere.
        for (index, perpetrator) in plan.perpetrators.enumerated() where perpetrator.network < 0 {
            if let place = plan.pickLocation(in: perpetrator.ward, &structure) {
                try frequents(plan.perpetratorBase + index, place, &writer)
            }
        }
    }
}
