/// A dense index of an entity in a ``ContextGraph`` (0 ..< entity count).
///
/// "Index" is the dense integer; "ID" is the external string from the data (``EntityTable/ids``).
public struct EntityIndex: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ value: Int) { self.rawValue = Int32(value) }
    public var int: Int { Int(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The entities of a dataset as parallel arrays, indexed by ``EntityIndex``.
public struct EntityTable: Sendable {
    /// External ids, in file order; `ids[i]` is entity `i`.
    public internal(set) var ids: [String] = []
    public internal(set) var kinds: [EntityKind] = []
    /// MACE risk level 1-4, `0` when not assessed.
    public internal(set) var riskLevels: [UInt8] = []
    public internal(set) var exploitation: [Exploitation] = []
    /// Index into ``ContextGraph/areaNames``, `-1` when not given.
    public internal(set) var areas: [Int32] = []
    /// ``LocationCategory`` raw value, `0` when not given.
    public internal(set) var categories: [UInt8] = []
    /// Last review date (``Day`` raw value), ``Day/noneRaw`` when not given.
    public internal(set) var updated: [Int32] = []

    public var count: Int { ids.count }

    /// The assessed risk level of an entity, if any.
    public func riskLevel(_ entity: EntityIndex) -> RiskLevel? { RiskLevel(rawValue: riskLevels[entity.int]) }
}

/// The links of a dataset as parallel arrays keyed by link index (igraph's edge-attribute style).
///
/// Duplicate links have already been merged and self-links dropped. Links graded E are kept here
/// (so that outputs can count them) and left out by the analysis.
public struct LinkTable: Sendable {
    public internal(set) var sources: [Int32] = []
    public internal(set) var targets: [Int32] = []
    public internal(set) var kinds: [LinkKind] = []
    /// Strength 1-5 (default 1).
    public internal(set) var weights: [UInt8] = []
    public internal(set) var firstSeen: [Int32] = []
    public internal(set) var lastSeen: [Int32] = []
    /// ``Agency`` raw value, `0` when not given.
    public internal(set) var agencies: [UInt8] = []
    /// ``Grading/packed``, `0` when not graded.
    public internal(set) var gradings: [UInt8] = []

    public var count: Int { sources.count }

    public func grading(_ link: Int) -> Grading? { Grading(packed: gradings[link]) }
}

/// Events (`events.csv`) as parallel arrays.
public struct EventTable: Sendable {
    public internal(set) var dates: [Int32] = []
    public internal(set) var kinds: [EventKind] = []
    public internal(set) var entities: [Int32] = []
    /// Entity index of the location, `-1` when not given.
    public internal(set) var locations: [Int32] = []
    public var count: Int { dates.count }
}

/// Disruption and safeguarding actions (`actions.csv`) as parallel arrays.
public struct ActionTable: Sendable {
    public internal(set) var dates: [Int32] = []
    public internal(set) var targets: [Int32] = []
    public internal(set) var kinds: [ActionKind] = []
    public internal(set) var agencies: [UInt8] = []
    public var count: Int { dates.count }
}

/// The immutable graph of a dataset: entities, links, events and actions, with ids interned to
/// dense indices and the adjacency held in flat CSR arrays.
///
/// Built once by ``ContextGraph/Builder`` and then frozen, as igraph builds an `igraph_t` from an
/// edge list in one go; a struct of arrays, so it is `Sendable` without locks. Personal data
/// (labels, dates of birth, notes, free columns) is not here but in ``PersonalData``.
///
/// The adjacency is undirected incidence: link `e` between `u` and `v` appears in the
/// neighbourhood of both; whether it has a direction is ``LinkKind/isDirected``.
public struct ContextGraph: Sendable {
    public let entities: EntityTable
    public let links: LinkTable
    public let events: EventTable
    public let actions: ActionTable
    /// Distinct area (ward) names, indexed by ``EntityTable/areas``.
    public let areaNames: [String]
    /// Index of each id, by its exact scalars (see ``EntityID``).
    let indexByID: [EntityID: Int32]
    /// CSR offsets, `entities.count + 1` entries; neighbours of `v` are
    /// `adjacentEntities[offsets[v] ..< offsets[v + 1]]`.
    public let offsets: [Int32]
    public let adjacentEntities: [Int32]
    /// Link index of each adjacency slot, parallel to ``adjacentEntities``.
    public let adjacentLinks: [Int32]

    init(
        entities: EntityTable, links: LinkTable, events: EventTable, actions: ActionTable,
        areaNames: [String], indexByID: [EntityID: Int32]
    ) {
        self.entities = entities
        self.links = links
        self.events = events
        self.actions = actions
        self.areaNames = areaNames
        self.indexByID = indexByID
        // Counting sort into CSR: one pass for degrees, one for placement.
        let n = entities.count
        var offsets = [Int32](repeating: 0, count: n + 1)
        for e in 0..<links.count {
            offsets[Int(links.sources[e]) + 1] += 1
            offsets[Int(links.targets[e]) + 1] += 1
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var neighbours = [Int32](repeating: 0, count: links.count * 2)
        var incident = [Int32](repeating: 0, count: links.count * 2)
        for e in 0..<links.count {
            let u = Int(links.sources[e]), v = Int(links.targets[e])
            neighbours[Int(cursor[u])] = Int32(v)
            incident[Int(cursor[u])] = Int32(e)
            cursor[u] += 1
            neighbours[Int(cursor[v])] = Int32(u)
            incident[Int(cursor[v])] = Int32(e)
            cursor[v] += 1
        }
        self.offsets = offsets
        self.adjacentEntities = neighbours
        self.adjacentLinks = incident
        #if CONTEXTD_INTERNAL_CHECKS
            checkInvariants()
        #endif
    }

    /// The index of the entity with this exact id (no case folding, no normalisation).
    public func index(of id: String) -> EntityIndex? { index(of: EntityID(id)) }

    /// The index of the entity with this exact id.
    public func index(of id: EntityID) -> EntityIndex? { indexByID[id].map(EntityIndex.init(rawValue:)) }

    /// The external id of an entity.
    public func id(of entity: EntityIndex) -> String { entities.ids[entity.int] }

    /// Number of links incident to an entity.
    public func degree(of entity: EntityIndex) -> Int {
        Int(offsets[entity.int + 1] - offsets[entity.int])
    }

    /// The adjacency slots of an entity: use with ``adjacentEntities`` and ``adjacentLinks``.
    public func slots(of entity: EntityIndex) -> Range<Int> {
        Int(offsets[entity.int])..<Int(offsets[entity.int + 1])
    }

    /// Verifies the CSR structure: monotone offsets, each link present at both ends, ids round-trip.
    ///
    /// - Complexity: O(V + E).
    public func checkInvariants() {
        precondition(offsets.count == entities.count + 1 && offsets.first == 0)
        precondition(Int(offsets.last ?? 0) == links.count * 2)
        for v in 0..<entities.count {
            precondition(offsets[v] <= offsets[v + 1], "CSR offsets must be monotone")
            precondition(indexByID[EntityID(entities.ids[v])] == Int32(v), "ids must round-trip")
        }
        for slot in 0..<adjacentLinks.count {
            let e = Int(adjacentLinks[slot])
            let other = adjacentEntities[slot]
            precondition(other == links.sources[e] || other == links.targets[e])
        }
    }
}
