import ContextModel

/// What a cluster is made of: counts, levels, shared contexts, key people, density.
enum ClusterDescription {
    static func describe(
        members: [EntityIndex], seeds: [EntityIndex], links: [Int], in dataset: ContextGraph, strengths: [Double]
    ) -> ConcernCluster {
        var counts = [Int](repeating: 0, count: EntityKind.allCases.count)
        var highest: UInt8 = 0
        var levelSum = 0, assessed = 0
        var exploitation: Exploitation = []
        var memberSet = Set<Int32>()
        for member in members {
            counts[Int(dataset.entities.kinds[member.int].rawValue)] += 1
            let level = dataset.entities.riskLevels[member.int]
            highest = max(highest, level)
            if level > 0 {
                levelSum += Int(level)
                assessed += 1
            }
            exploitation.formUnion(dataset.entities.exploitation[member.int])
            memberSet.insert(member.rawValue)
        }
        // Contexts linked to two or more members, and each person's strength inside the cluster.
        var linkedMembers: [Int32: Int] = [:]
        var innerStrength: [Int32: Double] = [:]
        for member in members {
            var seenContexts = Set<Int32>()
            for slot in dataset.slots(of: member) where strengths[Int(dataset.adjacentLinks[slot])] > 0 {
                let other = dataset.adjacentEntities[slot]
                if !dataset.entities.kinds[Int(other)].isPerson && seenContexts.insert(other).inserted {
                    linkedMembers[other, default: 0] += 1
                }
                if memberSet.contains(other) {
                    innerStrength[member.rawValue, default: 0] += strengths[Int(dataset.adjacentLinks[slot])]
                }
            }
        }
        let shared = linkedMembers.filter { $0.value >= 2 }
            .map { (context: EntityIndex(rawValue: $0.key), members: $0.value) }
            .sorted { ($0.members, $1.context) > ($1.members, $0.context) }
        let people = innerStrength.filter { dataset.entities.kinds[Int($0.key)].isPerson }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(3).map { EntityIndex(rawValue: $0.key) }
        let pairs = Double(members.count) * Double(members.count - 1) / 2
        let anchor =
            seeds.min { dataset.id(of: $0).utf8.lexicographicallyPrecedes(dataset.id(of: $1).utf8) } ?? members[0]
        return ConcernCluster(
            stableID: ConcernClusters.stableID(for: dataset.id(of: anchor)), members: members, links: links.sorted(),
            countsByKind: counts, highestRisk: highest,
            meanRisk: assessed > 0 ? Double(levelSum) / Double(assessed) : nil,
            exploitation: exploitation, sharedContexts: shared, keyPeople: Array(people),
            density: pairs > 0 ? Double(links.count) / pairs : 0,
            internalStrength: links.reduce(0) { $0 + strengths[$1] }, anchor: anchor,
            contextShares: ContextWeighting.shares(of: members, in: dataset, strengths: strengths))
    }
}
