public import ContextModel

/// The concern neighbourhood: everyone and everything within a number of hops of a *seed*, a
/// child open to the MACE or a perpetrator at MACE level 3-4.
///
/// Hops follow links whose strength is above zero (not graded E, already seen as of the date).
/// Places, schools and groups are reached but, unless they are themselves of concern (level 3-4),
/// not walked *through*: a school every pupil attends, or a busy shopping centre, would otherwise
/// pull half a borough into two hops of any child. With `expandThroughContexts` every entity is
/// walked through.
public struct ConcernNeighbourhood: Sendable, Hashable, Codable {
    public var hops: Int
    public var expandThroughContexts: Bool
    /// Contexts at this level or above are walked through even when `expandThroughContexts` is off.
    public var contextMinimumRisk: UInt8

    public init(hops: Int = 1, expandThroughContexts: Bool = false, contextMinimumRisk: UInt8 = 3) {
        self.hops = hops
        self.expandThroughContexts = expandThroughContexts
        self.contextMinimumRisk = contextMinimumRisk
    }

    /// Whether an entity seeds the neighbourhood.
    public static func isSeed(_ entity: Int, in graph: ContextGraph) -> Bool {
        let kind = graph.entities.kinds[entity]
        return kind == .child || (kind == .perpetrator && graph.entities.riskLevels[entity] >= 3)
    }

    /// Hop distance from the nearest seed for every entity, `-1` outside the neighbourhood.
    ///
    /// - Parameter strengths: strength of each link (``StrengthModel/strengths(in:asOf:)``).
    /// - Complexity: O(V + E), breadth-first from all seeds at once.
    public func distances(in graph: ContextGraph, strengths: [Double]) -> [Int32] {
        var distance = [Int32](repeating: -1, count: graph.entities.count)
        var frontier: [Int32] = []
        for entity in 0..<graph.entities.count where Self.isSeed(entity, in: graph) {
            distance[entity] = 0
            frontier.append(Int32(entity))
        }
        var level: Int32 = 0
        while !frontier.isEmpty && Int(level) < hops {
            var next: [Int32] = []
            for v in frontier where level == 0 || walksThrough(Int(v), in: graph) {
                for slot in graph.slots(of: EntityIndex(rawValue: v))
                where strengths[Int(graph.adjacentLinks[slot])] > 0 {
                    let w = Int(graph.adjacentEntities[slot])
                    if distance[w] == -1 {
                        distance[w] = level + 1
                        next.append(Int32(w))
                    }
                }
            }
            frontier = next
            level += 1
        }
        return distance
    }

    private func walksThrough(_ entity: Int, in graph: ContextGraph) -> Bool {
        expandThroughContexts || graph.entities.kinds[entity].isPerson
            || graph.entities.riskLevels[entity] >= contextMinimumRisk
    }
}
