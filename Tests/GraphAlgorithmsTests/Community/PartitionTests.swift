import Foundation
import GraphAlgorithms
import Testing

struct PartitionTests {
    private func graph(_ n: Int) -> AdjacencyGraph { AdjacencyGraph(vertexCount: n, edges: []) }

    @Test func labelsAreRenumberedInOrderOfSmallestVertex() {
        let partition = Partition(labels: [7, 3, 7, 9, 3, 0])
        #expect(partition.membership == [0, 1, 0, 2, 1, 3])
        #expect(partition.count == 4)
        #expect(partition.communities() == [[0, 2], [1, 4], [3], [5]])
        #expect(partition.sizes() == [2, 2, 1, 1])
    }

    @Test func equalGroupingsAreEqualWhateverTheLabels() {
        #expect(Partition(labels: [5, 5, 2, 9]) == Partition(labels: [0, 0, 1, 2]))
        #expect(Partition(labels: [5, 5, 2, 9]) != Partition(labels: [0, 1, 1, 2]))
    }

    @Test func emptyAndTrivialPartitions() {
        let empty = Partition(labels: [])
        #expect(empty.count == 0 && empty.communities().isEmpty)
        #expect(empty.isValid(for: graph(0)))
        #expect(Partition.singletons(vertexCount: 3).membership == [0, 1, 2])
        #expect(Partition.whole(vertexCount: 3).membership == [0, 0, 0])
        #expect(Partition.whole(vertexCount: 0).count == 0)
    }

    @Test func canonicalPartitionsAreValid() {
        #expect(Partition(labels: [4, 4, 1, 0, 1]).isValid(for: graph(5)))
        #expect(!Partition(labels: [4, 4, 1, 0, 1]).isValid(for: graph(4)))
    }

    @Test func decodedPartitionsAreChecked() throws {
        // Not canonical (starts at 1), a gap, an out-of-range label, a wrong count.
        for json in [
            #"{"membership":[1,0],"count":2}"#, #"{"membership":[0,2],"count":2}"#,
            #"{"membership":[0,-1],"count":2}"#, #"{"membership":[0,1],"count":3}"#,
        ] {
            let partition = try JSONDecoder().decode(Partition.self, from: Data(json.utf8))
            #expect(!partition.isValid(for: graph(2)), "\(json)")
        }
        let good = try JSONDecoder().decode(Partition.self, from: Data(#"{"membership":[0,1,0],"count":2}"#.utf8))
        #expect(good.isValid(for: graph(3)))
    }
}
