import GraphAlgorithms
import Testing

struct FragmentationGainTests {
    private func graph(_ n: Int, _ edges: [(VertexIndex, VertexIndex)]) -> AdjacencyGraph {
        AdjacencyGraph(vertexCount: n, edges: edges)
    }

    /// The definitions recounted from scratch: remove `c`, label components, count.
    private func bruteForce(
        _ graph: AdjacencyGraph, _ c: VertexIndex, protected: Set<VertexIndex>, threats: Set<VertexIndex>
    ) -> (protected: Int, pairs: Int) {
        let before = componentLabels(graph, removing: nil)
        let after = componentLabels(graph, removing: c)
        func exposed(_ p: VertexIndex, _ labels: [Int], without: VertexIndex?) -> Bool {
            threats.contains { $0 != p && $0 != without && labels[Int($0)] == labels[Int(p)] }
        }
        var separated = 0
        var pairs = 0
        for p in protected where p != c {
            if exposed(p, before, without: nil) && !exposed(p, after, without: c) { separated += 1 }
            for t in threats
            where t != p && t != c && before[Int(t)] == before[Int(p)] && after[Int(t)] != after[Int(p)] {
                pairs += 1
            }
        }
        return (separated, pairs)
    }

    private func componentLabels(_ graph: AdjacencyGraph, removing removed: VertexIndex?) -> [Int] {
        var labels = [Int](repeating: -1, count: graph.vertexCount)
        var next = 0
        for root in 0..<graph.vertexCount where labels[root] < 0 && VertexIndex(root) != removed {
            var stack = [VertexIndex(root)]
            labels[root] = next
            while let v = stack.popLast() {
                for w in graph.neighbors(of: v) where labels[Int(w)] < 0 && w != removed {
                    labels[Int(w)] = next
                    stack.append(w)
                }
            }
            next += 1
        }
        if let removed { labels[Int(removed)] = -2 }
        return labels
    }

    @Test(arguments: 0..<30)
    func gainsMatchABruteForceRecount(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let n = 10 + generator.next(below: 40)
        let edges = (0..<(n + generator.next(below: n))).map { _ in
            (VertexIndex(generator.next(below: n)), VertexIndex(generator.next(below: n)))
        }
        let g = graph(n, edges)
        let protected = (0..<n).filter { _ in generator.chance(0.3) }.map { VertexIndex($0) }
        let threats = (0..<n).filter { _ in generator.chance(0.15) }.map { VertexIndex($0) }
        let candidates = (0..<n).map { VertexIndex($0) }
        let ranking = FragmentationGain().ranking(in: g, candidates: candidates, protected: protected, threats: threats)
        #expect(ranking.entries.count == n)
        for entry in ranking.entries {
            let expected = bruteForce(g, entry.vertex, protected: Set(protected), threats: Set(threats))
            #expect(entry.separatedProtected == expected.protected, "seed \(seed), vertex \(entry.vertex)")
            #expect(entry.separatedPairs == expected.pairs, "seed \(seed), vertex \(entry.vertex)")
        }
        for (a, b) in zip(ranking.entries, ranking.entries.dropFirst()) {
            #expect(
                (a.separatedProtected, a.separatedPairs, -a.vertex) >= (
                    b.separatedProtected, b.separatedPairs, -b.vertex
                ))
        }
    }

    @Test func intermediaryBetweenChildrenAndPerpetratorRanksFirst() {
        // Children 0 and 1 reach perpetrator 4 only through 2 then 3; 5 hangs off 4.
        let g = graph(6, [(0, 2), (1, 2), (2, 3), (3, 4), (4, 5)])
        let ranking = FragmentationGain().ranking(in: g, candidates: [5, 3, 2], protected: [0, 1], threats: [4])
        #expect(ranking.entries.map(\.vertex) == [2, 3, 5])
        #expect(ranking.entries.map(\.separatedProtected) == [2, 2, 0])
    }

    @Test func removingTheOnlyThreatSeparatesEveryone() {
        let g = graph(4, [(0, 1), (1, 2), (2, 3)])
        let entry = FragmentationGain().ranking(in: g, candidates: [3], protected: [0, 1], threats: [3]).entries[0]
        // Pairs involving the removed vertex are not counted: the threat is gone, not separated.
        #expect(entry.separatedProtected == 2 && entry.separatedPairs == 0)
    }

    @Test func protectedVertexThatIsAlsoAThreat() {
        // 1 is both; it is exposed only by the other threat 3.
        let g = graph(4, [(0, 1), (1, 2), (2, 3)])
        let ranking = FragmentationGain().ranking(in: g, candidates: [2], protected: [0, 1], threats: [1, 3])
        // Removing 2: 0 still reaches threat 1; 1 loses threat 3. Pairs lost: (0, 3), (1, 3).
        #expect(ranking.entries[0].separatedProtected == 1 && ranking.entries[0].separatedPairs == 2)
    }

    // MARK: The igraph edge-case ladder

    @Test func emptyAndIsolated() {
        #expect(
            FragmentationGain().ranking(in: graph(0, []), candidates: [], protected: [], threats: []).entries.isEmpty)
        let one = FragmentationGain().ranking(in: graph(1, []), candidates: [0], protected: [0], threats: [0])
        #expect(one.entries.map(\.separatedProtected) == [0])
        let two = FragmentationGain().ranking(in: graph(2, []), candidates: [0, 1, 1], protected: [0], threats: [1])
        #expect(two.entries.map(\.vertex) == [0, 1] && two.entries.allSatisfy { $0.separatedPairs == 0 })
    }

    @Test func starCentreSeparatesEveryLeaf() {
        let g = graph(5, [(0, 1), (0, 2), (0, 3), (0, 4)])
        let ranking = FragmentationGain().ranking(in: g, candidates: [0, 1, 4], protected: [1, 2, 3], threats: [4])
        #expect(ranking.entries.first?.vertex == 0 && ranking.entries.first?.separatedProtected == 3)
    }

    @Test func multiEdgesAndSelfLoopsChangeNothing() {
        let plain = graph(4, [(0, 1), (1, 2), (2, 3)])
        let messy = graph(4, [(0, 1), (1, 0), (1, 1), (1, 2), (2, 3), (3, 3), (2, 3)])
        let gain = FragmentationGain()
        #expect(
            gain.ranking(in: messy, candidates: [0, 1, 2, 3], protected: [0], threats: [3])
                == gain.ranking(in: plain, candidates: [0, 1, 2, 3], protected: [0], threats: [3]))
    }
}
