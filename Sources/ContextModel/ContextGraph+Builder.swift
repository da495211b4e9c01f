extension ContextGraph {
    /// The most entities a graph can hold (link keys pack two indices in 30 bits each).
    public static let maximumEntities = 1 << 30

    /// What happened to a link handed to ``Builder/addLink(_:)``.
    public enum LinkAddition: Sendable, Equatable {
        /// Stored as a new link with this index.
        case added(Int)
        /// Same endpoints and kind as an earlier link (either direction for undirected kinds):
        /// merged into it (weight max, first seen min, last seen max, best-evidenced grading).
        case merged(into: Int)
    }

    /// A link as handed to the builder: endpoints already resolved to indices.
    public struct LinkRecord: Sendable {
        public var source: EntityIndex
        public var target: EntityIndex
        public var kind: LinkKind
        public var weight: UInt8
        public var firstSeen: Int32
        public var lastSeen: Int32
        public var agency: UInt8
        public var grading: UInt8

        public init(
            source: EntityIndex, target: EntityIndex, kind: LinkKind, weight: UInt8 = 1,
            firstSeen: Int32 = Day.noneRaw, lastSeen: Int32 = Day.noneRaw, agency: UInt8 = 0, grading: UInt8 = 0
        ) {
            self.source = source
            self.target = target
            self.kind = kind
            self.weight = weight
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
            self.agency = agency
            self.grading = grading
        }
    }

    /// Collects a dataset row by row and freezes it into an immutable ``ContextGraph``.
    ///
    /// Not `Sendable` in spirit: one loader owns it, then calls ``freeze()``.
    public struct Builder {
        private var entities = EntityTable()
        private var links = LinkTable()
        private var events = EventTable()
        private var actions = ActionTable()
        private var indexByID: [EntityID: Int32] = [:]
        private var areaIndex: [String: Int32] = [:]
        private var areaNames: [String] = []
        private var linkByKey: LinkKeyTable

        public init(expectedEntities: Int = 0, expectedLinks: Int = 0) {
            indexByID.reserveCapacity(expectedEntities)
            linkByKey = LinkKeyTable(expected: expectedLinks)
        }

        public var entityCount: Int { entities.count }

        /// The index of an id already added (exact scalars, see ``EntityID``).
        public func index(of id: String) -> EntityIndex? { index(of: EntityID(id)) }

        /// The index of an id already added.
        public func index(of id: EntityID) -> EntityIndex? { indexByID[id].map(EntityIndex.init(rawValue:)) }

        /// A read-only view of the entities added so far, to share with concurrent readers.
        public var lookup: EntityLookup { EntityLookup(indexByID: indexByID, kinds: entities.kinds) }

        /// The id of an entity already added.
        public func id(of entity: EntityIndex) -> String { entities.ids[entity.int] }

        /// The kind of an entity already added.
        public func kind(of entity: EntityIndex) -> EntityKind { entities.kinds[entity.int] }

        /// Adds an entity. Returns `nil` (and adds nothing) when the id is already present or the
        /// graph already holds ``ContextGraph/maximumEntities``.
        public mutating func addEntity(
            id: String, kind: EntityKind, riskLevel: UInt8 = 0, exploitation: Exploitation = [],
            area: String? = nil, category: LocationCategory? = nil, updated: Int32 = Day.noneRaw
        ) -> EntityIndex? {
            let index = Int32(entities.count)
            // Ids are unique and the first definition stands.
            let key = EntityID(id)
            guard entities.count < ContextGraph.maximumEntities, indexByID[key] == nil else { return nil }
            indexByID[key] = index
            entities.ids.append(id)
            entities.kinds.append(kind)
            entities.riskLevels.append(riskLevel)
            entities.exploitation.append(exploitation)
            let areaIndex: Int32 = if let area { internArea(area) } else { -1 }
            entities.areas.append(areaIndex)
            entities.categories.append(category?.rawValue ?? 0)
            entities.updated.append(updated)
            return EntityIndex(rawValue: index)
        }

        private mutating func internArea(_ name: String) -> Int32 {
            if let index = areaIndex[name] { return index }
            let index = Int32(areaNames.count)
            areaNames.append(name)
            areaIndex[name] = index
            return index
        }

        /// Adds a link, or merges it into an earlier one with the same endpoints and kind.
        ///
        /// - Precondition: the endpoints differ (self-links are dropped by the loader).
        public mutating func addLink(_ record: LinkRecord) -> LinkAddition {
            precondition(record.source != record.target, "self-links are dropped before the builder")
            var a = UInt32(bitPattern: record.source.rawValue)
            var b = UInt32(bitPattern: record.target.rawValue)
            if !record.kind.isDirected && a > b { swap(&a, &b) }
            let key = LinkKeyTable.key(a, b, kind: record.kind.rawValue)
            if let existing = linkByKey.insertIfAbsent(key, value: Int32(links.count)) {
                let e = Int(existing)
                links.weights[e] = max(links.weights[e], record.weight)
                links.firstSeen[e] = Self.earliest(links.firstSeen[e], record.firstSeen)
                links.lastSeen[e] = max(links.lastSeen[e], record.lastSeen)
                if links.agencies[e] == 0 { links.agencies[e] = record.agency }
                links.gradings[e] = Self.betterGrading(links.gradings[e], record.grading)
                return .merged(into: e)
            }
            let e = links.count
            links.sources.append(record.source.rawValue)
            links.targets.append(record.target.rawValue)
            links.kinds.append(record.kind)
            links.weights.append(record.weight)
            links.firstSeen.append(record.firstSeen)
            links.lastSeen.append(record.lastSeen)
            links.agencies.append(record.agency)
            links.gradings.append(record.grading)
            return .added(e)
        }

        private static func earliest(_ a: Int32, _ b: Int32) -> Int32 {
            if a == Day.noneRaw { return b }
            if b == Day.noneRaw { return a }
            return min(a, b)
        }

        /// The better evidenced of two packed gradings; an ungraded link counts as unknown, so a
        /// graded one wins over it.
        private static func betterGrading(_ a: UInt8, _ b: UInt8) -> UInt8 {
            guard let ga = Grading(packed: a) else { return b }
            guard let gb = Grading(packed: b) else { return a }
            return gb.isBetterEvidenced(than: ga) ? b : a
        }

        public mutating func addEvent(date: Day, kind: EventKind, entity: EntityIndex, location: EntityIndex?) {
            events.dates.append(date.rawValue)
            events.kinds.append(kind)
            events.entities.append(entity.rawValue)
            events.locations.append(location?.rawValue ?? -1)
        }

        public mutating func addAction(date: Day, target: EntityIndex, kind: ActionKind, agency: Agency?) {
            actions.dates.append(date.rawValue)
            actions.targets.append(target.rawValue)
            actions.kinds.append(kind)
            actions.agencies.append(agency?.rawValue ?? 0)
        }

        /// Freezes the collected rows into a ``ContextGraph``, building the CSR adjacency.
        ///
        /// - Complexity: O(V + E).
        public consuming func freeze() -> ContextGraph {
            ContextGraph(
                entities: entities, links: links, events: events, actions: actions,
                areaNames: areaNames, indexByID: indexByID)
        }
    }
}

/// The ids and kinds of the entities a ``ContextGraph/Builder`` holds, as a `Sendable` value that
/// several threads may read at once (loading links in parallel).
public struct EntityLookup: Sendable {
    let indexByID: [EntityID: Int32]
    let kinds: [EntityKind]

    /// The index of the entity with this exact id (exact scalars, see ``EntityID``).
    public func index(of id: String) -> EntityIndex? { index(of: EntityID(id)) }

    /// The index of the entity with this exact id.
    public func index(of id: EntityID) -> EntityIndex? { indexByID[id].map(EntityIndex.init(rawValue:)) }

    /// The kind of an entity.
    public func kind(of entity: EntityIndex) -> EntityKind { kinds[entity.int] }
}
