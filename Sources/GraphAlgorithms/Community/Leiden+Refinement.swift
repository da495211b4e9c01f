extension Leiden {
    /// Phase 2, the paper's refinement (`RefinePartition` with `MergeNodesSubset`).
    ///
    /// Each community `S` of `membership` starts as singletons. Its nodes are visited once, in a
    /// seeded random order. A node `v` is considered only while it is still a singleton (nobody
    /// has joined it and it has not moved) and only if it is well connected to `S`:
    ///
    ///     w(v, S − v) ≥ scale · k_v · (K_S − k_v)
    ///
    /// It may then join a sub-community `C ⊆ S` that it has an edge to and that is itself well
    /// connected, `w(C, S − C) ≥ scale · K_C · (K_S − K_C)`, or stay alone (gain 0). Among the
    /// options whose gain `w(v, C) − scale · k_v · K_C` is non-negative, it picks `C` with
    /// probability ∝ exp(gain / θ); with θ = 0 it takes the largest gain, ties to staying alone
    /// and then to the sub-community met first. Merges only follow edges, so every refined
    /// sub-community is connected.
    ///
    /// - Returns: the refined labels, in `0 ..< count`, and their count (at least the number of
    ///   communities). Each refined sub-community lies inside one community of `membership`.
    /// - Complexity: O(n + E); O(n) extra space.
    static func refine(
        in graph: LeidenGraph, membership: [Int32], count: Int, _ settings: LevelSettings,
        _ generator: inout SplitMix64
    ) -> (labels: [Int32], count: Int) {
        let n = graph.nodeCount
        let scale = settings.scale
        let targets = graph.targets
        let weights = graph.weights
        let offsets = graph.offsets
        let nodeWeights = graph.nodeWeights

        // Sub-communities are named after the node that founded them: at first node v founds v.
        var refined = (0..<Int32(n)).map { $0 }
        var clusterWeight = nodeWeights
        // w(C, S − C) for each sub-community C of community S.
        var external = [Double](repeating: 0, count: n)
        var communityWeight = [Double](repeating: 0, count: count)
        for v in 0..<n {
            let community = membership[v]
            communityWeight[Int(community)] += nodeWeights[v]
            for slot in offsets[v]..<offsets[v + 1] where membership[Int(targets[slot])] == community {
                external[v] += weights[slot]
            }
        }
        var isMerged = [Bool](repeating: false, count: n)

        // A random order, then grouped by community (stable), gives a random order inside each.
        var order = (0..<Int32(n)).map { $0 }
        order.shuffle(seededBy: &generator)
        let members = LeidenGraph.group(order, by: membership, count: count).members

        var weightTo = [Double](repeating: 0, count: n)
        var isNeighbour = [Bool](repeating: false, count: n)
        var candidates = [Int32]()
        var cumulative = [Double]()
        for vertex in members {
            let v = Int(vertex)
            guard !isMerged[Int(refined[v])] else { continue }
            let community = membership[v]
            let total = communityWeight[Int(community)]
            let kv = nodeWeights[v]
            guard external[v] >= scale * kv * (total - kv) else { continue }

            // v leaves its singleton; the singleton stays a candidate with gain 0.
            clusterWeight[v] = 0
            candidates.append(Int32(v))
            isNeighbour[v] = true
            for slot in offsets[v]..<offsets[v + 1] {
                let u = Int(targets[slot])
                guard membership[u] == community else { continue }
                let c = Int(refined[u])
                if !isNeighbour[c] {
                    isNeighbour[c] = true
                    candidates.append(Int32(c))
                }
                weightTo[c] += weights[slot]
            }

            let chosen = choose(
                among: candidates, for: kv, in: total, weightTo: weightTo, clusterWeight: clusterWeight,
                external: external, settings, &cumulative, &generator)
            let joined = weightTo[chosen]
            for c in candidates {
                weightTo[Int(c)] = 0
                isNeighbour[Int(c)] = false
            }
            candidates.removeAll(keepingCapacity: true)

            clusterWeight[chosen] += kv
            if chosen != v {
                refined[v] = Int32(chosen)
                external[chosen] += external[v] - 2 * joined
                isMerged[chosen] = true
            }
        }
        let labelCount = renumber(&refined, bound: n)
        return (refined, labelCount)
    }

    /// Picks the sub-community a node joins; `candidates[0]` is the node's own singleton.
    private static func choose(
        among candidates: [Int32], for kv: Double, in total: Double, weightTo: [Double], clusterWeight: [Double],
        external: [Double], _ settings: LevelSettings, _ cumulative: inout [Double], _ generator: inout SplitMix64
    ) -> Int {
        let scale = settings.scale
        cumulative.removeAll(keepingCapacity: true)
        var best = Int(candidates[0])
        var bestGain = 0.0
        for (i, c) in candidates.enumerated() {
            let weight = clusterWeight[Int(c)]
            // The own singleton (i == 0) is well connected: the node passed that test.
            let wellConnected = i == 0 || external[Int(c)] >= scale * weight * (total - weight)
            let gain = wellConnected ? weightTo[Int(c)] - scale * kv * weight : -1
            cumulative.append(gain)
            if gain > bestGain {
                best = Int(c)
                bestGain = gain
            }
        }
        guard settings.randomness > 0 else { return best }
        // Probabilities ∝ exp((gain − bestGain) / θ) over the non-negative gains; stable for any θ.
        var sum = 0.0
        for i in cumulative.indices {
            let gain = cumulative[i]
            if gain >= 0 { sum += exponential((gain - bestGain) / settings.randomness) }  // 0 below e^-745
            cumulative[i] = sum
        }
        let draw = generator.nextUnitInterval() * sum
        for i in cumulative.indices where draw < cumulative[i] { return Int(candidates[i]) }
        return best
    }
}

/// e^x for x ≤ 0, from basic IEEE arithmetic only, so it gives the same bits on every platform.
///
/// x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two parts, Cody–Waite), e^r by its Taylor
/// polynomial of degree 13 in Horner form (relative error below 1e-15), scaled by 2^k.
/// Underflows to 0 below −745.
func exponential(_ x: Double) -> Double {
    guard x > -745 else { return 0 }
    let k = (x * 1.4426950408889634).rounded()
    let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
    var sum = taylorCoefficients[13]
    for i in stride(from: 12, through: 0, by: -1) { sum = sum * r + taylorCoefficients[i] }
    return Double(sign: .plus, exponent: Int(k), significand: sum)
}

/// 1 / i! for i in 0 ... 13.
private let taylorCoefficients: [Double] = {
    var coefficients = [1.0]
    for i in 1...13 { coefficients.append(coefficients[i - 1] / Double(i)) }
    return coefficients
}()
