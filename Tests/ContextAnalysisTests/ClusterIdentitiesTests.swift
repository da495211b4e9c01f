import Testing

@testable import ContextAnalysis

@Suite("Cluster identities across runs")
struct ClusterIdentitiesTests {
    private let matcher = ClusterIdentities()

    @Test func firstRunUsesProposedIdsAndReportsAllNew() {
        let (ids, changes) = matcher.assign(current: [["a", "b"], ["c"]], proposed: ["K-1", "K-2"], previous: [])
        #expect(ids == ["K-1", "K-2"])
        #expect(changes.new == ["K-1", "K-2"])
        #expect(changes.continued.isEmpty && changes.dissolved.isEmpty)
    }

    @Test func substantiallyTheSameGroupKeepsItsIdEvenWhenItsAnchorLeaves() {
        let previous = [ClusterIdentities.Previous(id: "K-7", members: ["a", "b", "c", "d"])]
        let (ids, changes) = matcher.assign(current: [["b", "c", "d", "e"]], proposed: ["K-new"], previous: previous)
        #expect(ids == ["K-7"])
        #expect(changes.continued == [.init(id: "K-7", overlap: 0.6)])
        #expect(changes.new.isEmpty)
    }

    @Test func mergesSplitsAndDissolutionsAreReported() {
        let previous = [
            ClusterIdentities.Previous(id: "K-A", members: ["a1", "a2", "a3", "a4"]),
            ClusterIdentities.Previous(id: "K-B", members: ["b1", "b2", "b3"]),
            ClusterIdentities.Previous(id: "K-C", members: ["c1", "c2", "c3", "c4", "c5", "c6"]),
            ClusterIdentities.Previous(id: "K-D", members: ["d1", "d2"]),
        ]
        let current = [
            ["a1", "a2", "a3", "a4", "b1", "b2", "b3"],  // A and B merged: A matches (4/7), B involved
            ["c1", "c2", "c3", "y"],  // C split in two halves: neither reaches Jaccard 0.5 (3/7)
            ["c4", "c5", "c6", "x"],
            ["n1", "n2"],  // new; D dissolved
        ]
        let (ids, changes) = matcher.assign(current: current, proposed: ["P0", "P1", "P2", "P3"], previous: previous)
        #expect(ids == ["K-A", "P1", "P2", "P3"])
        #expect(changes.merged == [.init(into: "K-A", from: ["K-A", "K-B"])])
        #expect(changes.split == [.init(from: "K-C", into: ["P1", "P2"])])
        #expect(changes.dissolved == ["K-D"])
        #expect(changes.new == ["P3"])
    }

    @Test func proposedIdsNeverCollideWithIdsInUse() {
        let previous = [ClusterIdentities.Previous(id: "K-1", members: ["a"])]
        let (ids, _) = matcher.assign(current: [["z"], ["y"]], proposed: ["K-1", "K-1"], previous: previous)
        #expect(ids == ["K-1-2", "K-1-3"])
    }
}
