import ContextModel
import GraphAlgorithms

/// Writes `events.csv` and `actions.csv`, each sorted by date: what happened to children and
/// perpetrators over the ~18 months before the reference date, and what agencies did about it.
struct EventRows {
    static let eventHeader = ["date", "kind", "entity", "location", "notes"]
    static let actionHeader = ["date", "target", "kind", "agency", "notes"]
    /// How far back events go, in days (about 18 months).
    static let window = 547

    private struct Row {
        var date: Int32
        var sequence: Int32
        var kind: UInt8
        var entity: Int32
        /// Location index, or `-1`.
        var location: Int32
        /// Index into the kind's notes, or `-1` for none.
        var note: Int16
    }

    let plan: WorldPlan
    private var generator: SplitMix64
    private var rows: [Row] = []
    private(set) var eventCounts = [Int](repeating: 0, count: EventKind.allCases.count)
    private(set) var actionCounts = [Int](repeating: 0, count: ActionKind.allCases.count)

    private static let eventNotes = EventKind.allCases.map(Notes.event)
    private static let actionNotes = ActionKind.allCases.map(Notes.action)

    init(plan: WorldPlan) {
        self.plan = plan
        generator = SplitMix64.stream(30, of: plan.seed)
    }

    // MARK: Events

    mutating func writeEvents(to writer: inout CSVWriter) throws(SampleError) {
        rows = []
        for child in plan.children { addChildEvents(child) }
        for (index, perpetrator) in plan.perpetrators.enumerated() {
            let person = plan.perpetratorBase + index
            let hotspots = perpetrator.network >= 0 ? plan.networks[perpetrator.network].hotspots : []
            if generator.chance(0.3) { add(.arrest, person, at: localPlace(perpetrator.ward)) }
            for _ in 0..<generator.next(below: 3) { add(.stopSearch, person, at: localPlace(perpetrator.ward)) }
            for _ in 0..<generator.next(below: 3) where !hotspots.isEmpty {
                add(.sighting, person, at: hotspots[generator.next(below: hotspots.count)])
            }
            if generator.chance(0.2) { add(.incident, person, at: localPlace(perpetrator.ward)) }
        }
        // A little noise among ordinary young people.
        for young in 0..<plan.youngCount where plan.childOrdinal[young] < 0 && generator.chance(0.003) {
            let place = localPlace(Int(plan.youngWard[young]))
            add(generator.chance(0.5) ? .incident : .sighting, plan.youngBase + young, at: place)
        }
        rows.sort { ($0.date, $0.sequence) < ($1.date, $1.sequence) }
        for row in rows {
            writer.dateField(Day(rawValue: row.date))
            writer.plainField(EventKind.allCases[Int(row.kind)].name)
            plan.writeID(Int(row.entity), &writer)
            row.location >= 0 ? writer.idField("L-", Int(row.location) + 1) : writer.emptyField()
            row.note >= 0 ? writer.field(Self.eventNotes[Int(row.kind)][Int(row.note)]) : writer.emptyField()
            try writer.endRow()
        }
    }

    private mutating func addChildEvents(_ child: ChildPlan) {
        let person = plan.youngBase + child.young
        let ward = Int(plan.youngWard[child.young])
        let forms = child.exploitation
        let hotspots = child.network >= 0 ? plan.networks[child.network].hotspots : []
        add(.referral, person, at: -1, daysAgo: generator.next(in: 30...Self.window))
        let missing =
            forms.contains(.missing)
            ? generator.next(in: 2...6)
            : !forms.isDisjoint(with: [.cce, .countyLines, .cse])
                ? generator.next(below: 3) : generator.chance(0.3) ? 1 : 0
        for _ in 0..<missing {
            let daysAgo = generator.next(in: 4...Self.window)
            add(.missingEpisode, person, at: -1, daysAgo: daysAgo)
            let roll = generator.nextUnitInterval()
            let place: Int
            if roll < 0.6 && !hotspots.isEmpty {
                place = hotspots[generator.next(below: hotspots.count)]
            } else if roll < 0.85 {
                place = localPlace(generator.next(below: plan.wardCount))
            } else {
                place = -1
            }
            add(.foundAt, person, at: place, daysAgo: daysAgo - generator.next(in: 0...3))
        }
        if !forms.isDisjoint(with: [.cce, .countyLines, .youthViolence]) {
            for _ in 0..<generator.next(below: 3) {
                let place =
                    !hotspots.isEmpty && generator.chance(0.6)
                    ? hotspots[generator.next(below: hotspots.count)] : localPlace(ward)
                add(.stopSearch, person, at: place)
            }
        }
        if forms.contains(.youthViolence) && generator.chance(0.3) { add(.weapon, person, at: localPlace(ward)) }
        if generator.chance(0.4) { add(.incident, person, at: localPlace(ward)) }
        if !hotspots.isEmpty {
            for _ in 0..<generator.next(in: 1...3) {
                add(.sighting, person, at: hotspots[generator.next(below: hotspots.count)])
            }
        }
    }

    private mutating func add(_ kind: EventKind, _ entity: Int, at location: Int, daysAgo: Int? = nil) {
        let ago = daysAgo ?? generator.next(below: Self.window + 1)
        let notes = Self.eventNotes[Int(kind.rawValue)]
        let note = generator.chance(0.7) ? Int16(generator.next(below: notes.count)) : -1
        rows.append(
            Row(
                date: plan.referenceDate.rawValue - Int32(ago), sequence: Int32(rows.count), kind: kind.rawValue,
                entity: Int32(entity), location: Int32(location), note: note))
        eventCounts[Int(kind.rawValue)] += 1
    }

    /// A place in the ward, or `-1` when it has none.
    private mutating func localPlace(_ ward: Int) -> Int {
        plan.pickLocation(in: ward, &generator) ?? -1
    }

    // MARK: Actions

    mutating func writeActions(to writer: inout CSVWriter) throws(SampleError) {
        rows = []
        var hotspots = Set<Int>()
        for network in plan.networks {
            for hotspot in network.hotspots where plan.locationRisk[hotspot] >= 3 && hotspots.insert(hotspot).inserted {
                guard generator.chance(0.6) else { continue }
                for _ in 0..<generator.next(in: 1...2) {
                    addAction(placeAction(plan.locationCategory[hotspot]), plan.locationBase + hotspot)
                }
            }
        }
        for index in plan.perpetrators.indices where generator.chance(0.3) {
            addAction(generator.chance(0.6) ? .warningNotice : .arrest, plan.perpetratorBase + index)
        }
        for index in plan.groups.indices where generator.chance(0.5) {
            addAction(generator.chance(0.5) ? .other : .patrol, plan.groupBase + index)
        }
        var childrenPerSchool = [Int](repeating: 0, count: plan.schoolCount)
        for child in plan.children { childrenPerSchool[Int(plan.youngSchool[child.young])] += 1 }
        for school in 0..<plan.schoolCount where childrenPerSchool[school] >= 2 && generator.chance(0.4) {
            addAction(.schoolIntervention, school)
        }
        rows.sort { ($0.date, $0.sequence) < ($1.date, $1.sequence) }
        for row in rows {
            let kind = ActionKind.allCases[Int(row.kind)]
            writer.dateField(Day(rawValue: row.date))
            plan.writeID(Int(row.entity), &writer)
            writer.plainField(kind.name)
            writer.plainField(Notes.agency(for: kind).name)
            row.note >= 0 ? writer.field(Self.actionNotes[Int(row.kind)][Int(row.note)]) : writer.emptyField()
            try writer.endRow()
        }
    }

    private func placeAction(_ category: LocationCategory) -> ActionKind {
        switch category {
        case .licensedPremises, .takeaway: .licensingVisit
        case .address: .closure
        case .online: .platformReport
        case .park, .transport, .shop, .other: .patrol
        }
    }

    private mutating func addAction(_ kind: ActionKind, _ target: Int) {
        let notes = Self.actionNotes[Int(kind.rawValue)]
        let note = generator.chance(0.8) ? Int16(generator.next(below: notes.count)) : -1
        rows.append(
            Row(
                date: plan.referenceDate.rawValue - Int32(generator.next(below: 365)), sequence: Int32(rows.count),
                kind: kind.rawValue, entity: Int32(target), location: -1, note: note))
        actionCounts[Int(kind.rawValue)] += 1
    }
}
