import GraphAlgorithms
import PropertyBased
import Testing

/// A minimum vertex cut really separates the sources from the targets, and no smaller set of
/// cuttable vertices does (checked by brute force on graphs of up to ten vertices); when there is
/// no cut, a path of uncuttable vertices really joins a source to a target.
@Suite("Minimum vertex cut (property-based)")
struct MinimumVertexCutPropertyTests {
    static let n = 10
    /// Role of each vertex: 0 cuttable, 1 source, 2 target, 3 uncuttable bystander.
    static let roles = Gen.int(in: 0...6).map { [0, 0, 0, 0, 1, 2, 3][$0] }.array(of: n)
    static let edges = Gen.int(in: 0...(n * n - 1)).array(of: 0...25)

    /// Whether some source reaches some target in `graph` without passing through `removed`.
    static func connected(_ graph: AdjacencyGraph, _ roles: [Int], removed: Set<Int>) -> Bool {
        var seen = Set<Int>()
        var queue = (0..<roles.count).filter { roles[$0] == 1 }
        seen.formUnion(queue)
        while let v = queue.popLast() {
            if roles[v] == 2 { return true }
            for w in graph.neighbors(of: VertexIndex(v)).map(Int.init) where !removed.contains(w) && !seen.contains(w) {
                seen.insert(w)
                queue.append(w)
            }
        }
        return false
    }

    @Test func theCutSeparatesAndNothingSmallerDoes() async {
        await propertyCheck(count: 300, input: Self.roles, Self.edges) { roles, codes in
            let pairs = codes.map { (VertexIndex($0 / Self.n), VertexIndex($0 % Self.n)) }
            let graph = AdjacencyGraph(vertexCount: Self.n, edges: pairs)
            let sources = (0..<Self.n).filter { roles[$0] == 1 }.map(VertexIndex.init)
            let targets = (0..<Self.n).filter { roles[$0] == 2 }.map(VertexIndex.init)
            let cuttableVertices = (0..<Self.n).filter { roles[$0] == 0 }
            let cut = MinimumVertexCut().cut(
                in: graph, separating: sources, from: targets, cuttable: roles.map { $0 == 0 })
            guard let cut else {
                // No cut: even removing every cuttable vertex leaves a source joined to a target.
                #expect(Self.connected(graph, roles, removed: Set(cuttableVertices)))
                return
            }
            let removed = Set(cut.vertices.map(Int.init))
            #expect(removed.isSubset(of: Set(cuttableVertices)))
            #expect(!Self.connected(graph, roles, removed: removed))
            // Minimal: no subset of the cuttable vertices with fewer members separates them.
            for mask in 0..<(1 << cuttableVertices.count) where mask.nonzeroBitCount < removed.count {
                let subset = Set(cuttableVertices.indices.filter { mask & (1 << $0) != 0 }.map { cuttableVertices[$0] })
                #expect(Self.connected(graph, roles, removed: subset), "a smaller cut exists: \(subset.sorted())")
            }
        }
    }
}
