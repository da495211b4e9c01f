public import ContextModel

/// Young people not open to the MACE whose exposure resembles that of children who are: listed as
/// "possibly at risk, not referred", each with the reasons.
///
/// Exposure of a young person `y`, counting links with strength at least `minimumStrength`:
///
/// | feature | weight |
/// |---|---|
/// | an `exploits` link ends at `y` | 5 |
/// | each level 3-4 perpetrator linked to `y` | 3 |
/// | each hotspot `y` is linked to | 2 |
/// | each missing episode of `y` in the window | 2 |
/// | `y` is in a concern cluster | 1 |
/// | `y`'s propagated risk is in the top decile of young people | 2 |
///
/// A peer is listed when its exposure reaches the lower quartile of the exposure of the children
/// open to the MACE (so it looks like a quarter of them or more), and at least
/// ``minimumExposure``, so that cluster membership alone is never enough.
public struct NotReferredScreen: Sendable, Hashable, Codable {
    public var minimumExposure: Double
    public var quantile: Double
    public var minimumStrength: Double
    public var windowDays: Int

    public init(
        minimumExposure: Double = 3, quantile: Double = 0.25, minimumStrength: Double = 0.05, windowDays: Int = 90
    ) {
        self.minimumExposure = minimumExposure
        self.quantile = quantile
        self.minimumStrength = minimumStrength
        self.windowDays = windowDays
    }

    public struct Flag: Sendable, Hashable {
        public let person: EntityIndex
        public let exposure: Double
        public let reasons: [String]
    }

    /// Screens every peer.
    ///
    /// - Returns: the threshold used and the peers at or above it, most exposed first.
    /// - Complexity: O(V + E + events + Y log Y) for Y young people.
    public func screen(
        _ graph: ContextGraph, strengths: [Double], propagated: [Double], hotspots: Set<EntityIndex>,
        clusters: ConcernClusters, asOf: Day
    ) -> (threshold: Double, flags: [Flag]) {
        let young = (0..<graph.entities.count).filter { graph.entities.kinds[$0].isYoungPerson }
        let ranked = young.map { propagated[$0] }.sorted()
        let topDecile = ranked.isEmpty ? Double.infinity : ranked[min(ranked.count - 1, ranked.count * 9 / 10)]
        var missing: [Int32: Int] = [:]
        for e in 0..<graph.events.count where graph.events.kinds[e] == .missingEpisode {
            let date = graph.events.dates[e]
            if date <= asOf.rawValue && date >= asOf.rawValue - Int32(windowDays) {
                missing[graph.events.entities[e], default: 0] += 1
            }
        }
        func exposure(_ y: Int) -> (Double, [String]) {
            var score = 0.0
            var reasons: [String] = []
            for slot in graph.slots(of: EntityIndex(y)) {
                let link = Int(graph.adjacentLinks[slot])
                guard strengths[link] >= minimumStrength else { continue }
                let other = EntityIndex(rawValue: graph.adjacentEntities[slot])
                let grading = graph.links.grading(link).map { ", graded \($0)" } ?? ""
                if graph.links.kinds[link] == .exploits && Int(graph.links.targets[link]) == y {
                    score += 5
                    reasons.append("exploits link from \(graph.id(of: other))\(grading)")
                } else if graph.entities.kinds[other.int] == .perpetrator && graph.entities.riskLevels[other.int] >= 3 {
                    score += 3
                    reasons.append(
                        "linked to level-\(graph.entities.riskLevels[other.int]) perpetrator \(graph.id(of: other)) "
                            + "(\(graph.links.kinds[link].name)\(grading))")
                }
                if hotspots.contains(other) {
                    score += 2
                    reasons.append("linked to hotspot \(graph.id(of: other)) (\(graph.links.kinds[link].name))")
                }
            }
            if let episodes = missing[Int32(y)] {
                score += 2 * Double(episodes)
                reasons.append("\(episodes) missing episode\(episodes == 1 ? "" : "s") in the last \(windowDays) days")
            }
            if let cluster = clusters.stableID(of: EntityIndex(y)) {
                score += 1
                reasons.append("in concern cluster \(cluster)")
            }
            if propagated[y] > 0 && propagated[y] >= topDecile {
                score += 2
                reasons.append("propagated risk in the top tenth of young people")
            }
            return (score, reasons)
        }
        let childScores = young.filter { graph.entities.kinds[$0] == .child }.map { exposure($0).0 }.sorted()
        let quartile =
            childScores.isEmpty ? minimumExposure : childScores[Int(Double(childScores.count - 1) * quantile)]
        let threshold = max(minimumExposure, quartile)
        var flags: [Flag] = []
        for y in young where graph.entities.kinds[y] == .peer {
            let (score, reasons) = exposure(y)
            if score >= threshold { flags.append(Flag(person: EntityIndex(y), exposure: score, reasons: reasons)) }
        }
        flags.sort { a, b in
            if a.exposure != b.exposure { return a.exposure > b.exposure }
            return graph.id(of: a.person).utf8.lexicographicallyPrecedes(graph.id(of: b.person).utf8)
        }
        return (threshold, flags)
    }
}
