import ContextModel

/// Gives this run's clusters the ids they had in the previous run when they are substantially
/// the same group, and reports what changed: new, continued, merged, split and dissolved clusters.
///
/// Matching: every pair (previous cluster, current cluster) with Jaccard overlap of members
/// `|P ∩ C| / |P ∪ C|` at least ``threshold`` is a candidate; pairs are taken greedily from the
/// highest overlap down (ties by previous id, then current position), each cluster at most once.
/// A matched current cluster keeps the previous id. The rest are described by *involvement*: a
/// previous cluster is involved in a current one when at least ``involvement`` of its members
/// are in it.
/// - merged: a current cluster that two or more previous clusters are involved in;
/// - split: a previous cluster involved in two or more current clusters;
/// - dissolved: a previous cluster neither matched nor involved anywhere;
/// - new: a current cluster neither matched nor the result of a merge or split.
/// Unmatched current clusters get their own id (derived from their anchor), with a numeric suffix
/// should it collide with any id in use.
///
/// - Complexity: O(total members) plus O(p log p) in the number of overlapping pairs.
public struct ClusterIdentities: Sendable, Hashable, Codable {
    public var threshold: Double
    public var involvement: Double

    public init(threshold: Double = 0.5, involvement: Double = 0.3) {
        self.threshold = threshold
        self.involvement = involvement
    }

    /// A cluster from the previous run: its id and member ids.
    public struct Previous: Sendable, Hashable, Codable {
        public let id: String
        public let members: [String]
        public init(id: String, members: [String]) {
            self.id = id
            self.members = members
        }
    }

    /// What happened between the two runs.
    public struct Changes: Sendable, Hashable, Codable {
        public struct Continued: Sendable, Hashable, Codable {
            public let id: String
            public let overlap: Double
        }
        public struct Merge: Sendable, Hashable, Codable {
            public let into: String
            public let from: [String]
        }
        public struct Split: Sendable, Hashable, Codable {
            public let from: String
            public let into: [String]
        }
        public var new: [String] = []
        public var continued: [Continued] = []
        public var merged: [Merge] = []
        public var split: [Split] = []
        public var dissolved: [String] = []
    }

    /// Assigns ids.
    ///
    /// - Parameters:
    ///   - current: member ids of each current cluster.
    ///   - proposed: the id each current cluster would get if it matched nothing.
    ///   - previous: the previous run's clusters (empty on a first run).
    /// - Returns: one id per current cluster, and the changes.
    public func assign(current: [[String]], proposed: [String], previous: [Previous]) -> (
        ids: [String], changes: Changes
    ) {
        // Member ids compare by their exact scalars (as in the graph), not canonical equivalence.
        var clusterOf: [EntityID: Int] = [:]
        for (p, cluster) in previous.enumerated() {
            for member in cluster.members { clusterOf[EntityID(member)] = p }
        }
        // intersections[c][p]
        var intersections = [[Int: Int]](repeating: [:], count: current.count)
        for (c, members) in current.enumerated() {
            for member in members { if let p = clusterOf[EntityID(member)] { intersections[c][p, default: 0] += 1 } }
        }
        var candidates: [(jaccard: Double, p: Int, c: Int)] = []
        for (c, counts) in intersections.enumerated() {
            for (p, shared) in counts {
                let union = current[c].count + previous[p].members.count - shared
                let jaccard = Double(shared) / Double(max(union, 1))
                if jaccard >= threshold { candidates.append((jaccard, p, c)) }
            }
        }
        candidates.sort { a, b in
            if a.jaccard != b.jaccard { return a.jaccard > b.jaccard }
            if previous[a.p].id != previous[b.p].id { return previous[a.p].id < previous[b.p].id }
            return a.c < b.c
        }
        var ids = [String?](repeating: nil, count: current.count)
        var matchedPrevious = Set<Int>()
        var changes = Changes()
        for candidate in candidates where ids[candidate.c] == nil && !matchedPrevious.contains(candidate.p) {
            ids[candidate.c] = previous[candidate.p].id
            matchedPrevious.insert(candidate.p)
            changes.continued.append(
                .init(id: previous[candidate.p].id, overlap: (candidate.jaccard * 1000).rounded() / 1000))
        }
        // Involvement: previous p involved in current c when |P ∩ C| ≥ involvement × |P|.
        var involvedIn = [[Int]](repeating: [], count: previous.count)
        var involving = [[Int]](repeating: [], count: current.count)
        for (c, counts) in intersections.enumerated() {
            for (p, shared) in counts.sorted(by: { $0.key < $1.key })
            where Double(shared) >= involvement * Double(previous[p].members.count) {
                involvedIn[p].append(c)
                involving[c].append(p)
            }
        }
        var used = Set(ids.compactMap { $0 }).union(previous.map(\.id))
        for c in current.indices where ids[c] == nil {
            var id = proposed[c]
            var suffix = 2
            while used.contains(id) {
                id = "\(proposed[c])-\(suffix)"
                suffix += 1
            }
            used.insert(id)
            ids[c] = id
        }
        let final = ids.map { $0 ?? "" }
        for c in current.indices where involving[c].count >= 2 {
            changes.merged.append(.init(into: final[c], from: involving[c].map { previous[$0].id }.sorted()))
        }
        for p in previous.indices where involvedIn[p].count >= 2 {
            changes.split.append(.init(from: previous[p].id, into: involvedIn[p].map { final[$0] }.sorted()))
        }
        for p in previous.indices where !matchedPrevious.contains(p) && involvedIn[p].isEmpty {
            changes.dissolved.append(previous[p].id)
        }
        let matchedIDs = Set(changes.continued.map(\.id))
        for c in current.indices where !matchedIDs.contains(final[c]) && involving[c].count < 2 {
            let fromSplit = involving[c].contains { involvedIn[$0].count >= 2 }
            if !fromSplit { changes.new.append(final[c]) }
        }
        changes.new.sort()
        changes.dissolved.sort()
        changes.continued.sort { $0.id < $1.id }
        return (final, changes)
    }
}
