import ContextTestSupport
import GraphAlgorithms
import Testing

struct MaxFlowTests {
    // MARK: Reference cases (networkx.maximum_flow_value)

    @Test(arguments: try MaxFlowCase.all())
    func valueMatchesNetworkx(flowCase: MaxFlowCase) {
        let network = flowCase.network
        let flow = MaxFlow().maximumFlow(in: network, from: flowCase.source, to: flowCase.sink)
        if let expected = flowCase.value {
            #expect(abs(flow.value - expected) <= 1e-9, "\(flow.value) vs networkx \(expected)")
            #expect(isFeasible(flow, in: network, from: flowCase.source, to: flowCase.sink))
            #expect(abs(cutCapacity(flow.sourceSide, in: network) - flow.value) <= 1e-9, "max-flow min-cut")
        } else {
            #expect(flow.isUnbounded)
        }
    }

    @Test func everyCaseIsLoaded() throws {
        let cases = try MaxFlowCase.all()
        #expect(cases.count >= 10)
        #expect(cases.contains { $0.value == nil } && cases.contains { $0.capacities.contains(nil) && $0.value != nil })
    }

    // MARK: The igraph edge-case ladder

    private func value(_ n: Int, _ arcs: [(Int32, Int32, Double)], undirected: Bool = false, _ s: Int32, _ t: Int32)
        -> Double
    {
        var network = FlowNetwork(nodeCount: n)
        for (u, v, c) in arcs {
            if undirected { network.addEdge(u, v, capacity: c) } else { network.addArc(from: u, to: v, capacity: c) }
        }
        let flow = MaxFlow().maximumFlow(in: network, from: s, to: t)
        #expect(flow.isUnbounded || isFeasible(flow, in: network, from: s, to: t))
        return flow.value
    }

    @Test func twoIsolatedNodesCarryNothing() {
        #expect(value(2, [], 0, 1) == 0)
    }

    @Test func pathCarriesItsNarrowestArc() {
        #expect(value(4, [(0, 1, 5), (1, 2, 2), (2, 3, 7)], 0, 3) == 2)
        #expect(value(4, [(0, 1, 5), (1, 2, 2), (2, 3, 7)], 3, 0) == 0, "arcs are directed")
        #expect(value(4, [(0, 1, 5), (1, 2, 2), (2, 3, 7)], undirected: true, 3, 0) == 2)
    }

    @Test func starThroughItsCentre() {
        #expect(value(5, [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1)], undirected: true, 1, 2) == 1)
    }

    @Test func disconnectedNodesCarryNothing() {
        #expect(value(4, [(0, 1, 3), (2, 3, 3)], 0, 3) == 0)
    }

    @Test func parallelArcsAdd() {
        #expect(value(2, [(0, 1, 1.5), (0, 1, 2.25), (0, 1, 0)], 0, 1) == 3.75)
    }

    @Test func selfLoopsCarryNothing() {
        #expect(value(3, [(0, 0, 9), (0, 1, 1), (1, 1, 9), (1, 2, 4)], 0, 2) == 1)
    }

    @Test func infiniteArcsOnlyMatterOnAnInfinitePath() {
        #expect(value(3, [(0, 1, .infinity), (1, 2, 4)], 0, 2) == 4)
        #expect(value(3, [(0, 1, .infinity), (1, 2, .infinity)], 0, 2) == .infinity)
        #expect(value(3, [(0, 1, .infinity), (2, 1, .infinity)], 0, 2) == 0)
    }

    @Test func classicNetworkWithACancellingPath() {
        // CLRS figure 26.1: the maximum flow is 23 and needs flow pushed back along 2 -> 1.
        let arcs: [(Int32, Int32, Double)] = [
            (0, 1, 16), (0, 2, 13), (2, 1, 4), (1, 3, 12), (3, 2, 9), (2, 4, 14), (4, 3, 7), (3, 5, 20), (4, 5, 4),
        ]
        #expect(value(6, arcs, 0, 5) == 23)
    }

    @Test func longPathDoesNotOverflowTheStack() {
        let n = 200_000
        let arcs = (0..<(n - 1)).map { (Int32($0), Int32($0 + 1), 1.0) }
        #expect(value(n, arcs, 0, Int32(n - 1)) == 1)
    }

    // MARK: Checks independent of the algorithm

    /// Capacities respected and flow conserved at every node but the source and the sink.
    private func isFeasible(_ flow: MaximumFlow, in network: FlowNetwork, from s: Int32, to t: Int32) -> Bool {
        var balance = [Double](repeating: 0, count: network.nodeCount)
        for a in 0..<network.arcCount {
            let f = flow.arcFlows[a]
            guard f >= 0 && f <= network.capacities[a] else { return false }
            balance[Int(network.tails[a])] -= f
            balance[Int(network.heads[a])] += f
        }
        let conserved = balance.indices.allSatisfy { $0 == Int(s) || $0 == Int(t) || abs(balance[$0]) <= 1e-9 }
        return conserved && abs(balance[Int(t)] - flow.value) <= 1e-9
    }

    /// The capacity of the arcs leaving the source side.
    private func cutCapacity(_ side: [Bool], in network: FlowNetwork) -> Double {
        (0..<network.arcCount).reduce(0.0) { total, a in
            side[Int(network.tails[a])] && !side[Int(network.heads[a])] ? total + network.capacities[a] : total
        }
    }
}
