import ContextModel
import GraphAlgorithms

/// Writes `links.csv`: every young person's school, ordinary friendships clustered by school,
/// year group and ward, the places people go, and the concern networks
/// (``LinkRows+Concern.swift``).
///
/// No self-links and no duplicates: links between two people (all undirected) are keyed by the
/// unordered pair, so a pair gets at most one of `associate`, `online_contact`, `relationship`
/// or `sibling`; `exploits`, `frequents` and `member` links that could repeat are keyed too.
struct LinkRows {
    static let header = ["source", "target", "kind", "weight", "first_seen", "last_seen", "agency", "grading"]

    let plan: WorldPlan
    let dates: DateSpan
    /// Structural choices (who links whom).
    var structure: SplitMix64
    /// Optional columns, drawn apart so that they cannot shift the structure.
    var attributes: SplitMix64
    /// Keys of links that could otherwise repeat (see ``key(_:_:_:)``).
    var seen = Set<UInt64>()
    /// Young people whose `frequents` links are keyed: children and exploited peers, who get
    /// more `frequents` links later.
    var tracked: [Bool]
    /// Online locations, for online contact.
    let onlinePlaces: [Int]
    private(set) var counts = [Int](repeating: 0, count: LinkKind.allCases.count)
    private(set) var gradedE = 0

    /// Key classes: the two top bits of a key.
    enum KeyClass: UInt64 { case people = 0, exploits, frequents, member }

    init(plan: WorldPlan) {
        self.plan = plan
        dates = DateSpan(referenceDate: plan.referenceDate)
        structure = SplitMix64.stream(20, of: plan.seed)
        attributes = SplitMix64.stream(21, of: plan.seed)
        tracked = plan.childOrdinal.map { $0 >= 0 }
        for network in plan.networks {
            for peer in network.exploitedPeers { tracked[peer] = true }
        }
        onlinePlaces = (0..<plan.locationCount).filter { plan.locationCategory[$0] == .online }
        seen.reserveCapacity(plan.youngCount * 3 + plan.children.count * 8)
    }

    mutating func write(to writer: inout CSVWriter) throws(SampleError) {
        let young = plan.youngBase
        for person in 0..<plan.youngCount {
            try row(young + person, Int(plan.youngSchool[person]), .attends, &writer)
        }
        for person in 1..<max(1, plan.youngCount) where plan.siblingOfPrevious[person] {
            try pair(young + person - 1, young + person, .sibling, &writer)
        }
        try writeFriendships(&writer)
        try writeFrequents(&writer)
        try writeConcern(&writer)
    }

    // MARK: Ordinary young people

    /// Friends: neighbours in each school's roll ordered by year group and ward (dense, local
    /// circles), then a random schoolmate, someone from the ward, now and then someone online.
    private mutating func writeFriendships(_ writer: inout CSVWriter) throws(SampleError) {
        let count = plan.youngCount
        var sortKeys = [UInt64](repeating: 0, count: count)
        for person in 0..<count {
            sortKeys[person] =
                UInt64(plan.youngSchool[person]) << 40 | UInt64(plan.youngAge[person]) << 32
                | UInt64(plan.youngWard[person]) << 20 | (structure.next() & 0xF_FFFF)
        }
        var roll = Array(0..<count)
        roll.sort { sortKeys[$0] != sortKeys[$1] ? sortKeys[$0] < sortKeys[$1] : $0 < $1 }
        sortKeys = []
        // Where each school's pupils start in `roll`.
        var schoolStart = [Int](repeating: 0, count: plan.schoolCount + 1)
        for person in 0..<count { schoolStart[Int(plan.youngSchool[person]) + 1] += 1 }
        for school in 0..<plan.schoolCount { schoolStart[school + 1] += schoolStart[school] }

        let young = plan.youngBase
        for school in 0..<plan.schoolCount {
            let pupils = schoolStart[school]..<schoolStart[school + 1]
            for position in pupils {
                let person = roll[position]
                for (step, probability) in Self.rollNeighbours where position + step < pupils.upperBound {
                    guard structure.chance(probability) else { continue }
                    let friend = roll[position + step]
                    try pair(young + person, young + friend, friendshipKind(person, friend), &writer)
                }
                if structure.chance(0.4) {
                    let friend = roll[pupils.lowerBound + structure.next(below: pupils.count)]
                    try pair(young + person, young + friend, friendshipKind(person, friend), &writer)
                }
            }
        }
        for person in 0..<count {
            if structure.chance(0.45), let friend = plan.pickYoung(in: Int(plan.youngWard[person]), &structure) {
                try pair(young + person, young + friend, friendshipKind(person, friend), &writer)
            }
            if structure.chance(0.06) {
                try pair(young + person, young + structure.next(below: count), .onlineContact, &writer)
            }
        }
    }

    /// How far along the roll friends are, and how likely each is.
    private static let rollNeighbours: [(Int, Double)] = [(1, 1.0), (2, 0.8), (3, 0.3)]

    /// Mostly `associate`; some `online_contact`; a few `relationship`s between teenagers.
    private mutating func friendshipKind(_ a: Int, _ b: Int) -> LinkKind {
        let roll = structure.nextUnitInterval()
        if roll < 0.88 { return .associate }
        if roll < 0.96 { return .onlineContact }
        return plan.youngAge[a] >= 13 && plan.youngAge[b] >= 13 ? .relationship : .associate
    }

    /// Places young people go: one or two in their ward, often the ward's busy decoy place, now
    /// and then somewhere online or in another ward.
    private mutating func writeFrequents(_ writer: inout CSVWriter) throws(SampleError) {
        var picks = [Int]()
        picks.reserveCapacity(6)
        for person in 0..<plan.youngCount {
            picks.removeAll(keepingCapacity: true)
            let ward = Int(plan.youngWard[person])
            if plan.decoyOfWard[ward] >= 0 && structure.chance(0.25) { picks.append(Int(plan.decoyOfWard[ward])) }
            for _ in 0..<(structure.chance(0.4) ? 2 : 1) {
                if let place = plan.pickLocation(in: ward, &structure) { picks.append(place) }
            }
            if !onlinePlaces.isEmpty && structure.chance(0.15) {
                picks.append(onlinePlaces[structure.next(below: onlinePlaces.count)])
            }
            if structure.chance(0.05),
                let place = plan.pickLocation(in: structure.next(below: plan.wardCount), &structure)
            {
                picks.append(place)
            }
            for (index, place) in picks.enumerated() where !picks[..<index].contains(place) {
                if tracked[person] {
                    try frequents(plan.youngBase + person, place, &writer)
                } else {
                    try row(plan.youngBase + person, plan.locationBase + place, .frequents, &writer)
                }
            }
        }
    }

    // MARK: Rows

    /// The de-duplication key of a link: class, then the two global entity numbers.
    func key(_ a: Int, _ b: Int, _ keyClass: KeyClass) -> UInt64 {
        keyClass.rawValue << 62 | UInt64(a) << 31 | UInt64(b)
    }

    /// An undirected person-to-person link, unless the pair is one person or already linked.
    mutating func pair(_ a: Int, _ b: Int, _ kind: LinkKind, strong: Bool = false, _ writer: inout CSVWriter)
        throws(SampleError)
    {
        guard a != b, seen.insert(key(min(a, b), max(a, b), .people)).inserted else { return }
        try row(a, b, kind, strong: strong, &writer)
    }

    /// A `frequents` link from a person to a location (a location index), unless already there.
    mutating func frequents(_ person: Int, _ place: Int, _ writer: inout CSVWriter) throws(SampleError) {
        let location = plan.locationBase + place
        guard seen.insert(key(person, location, .frequents)).inserted else { return }
        try row(person, location, .frequents, &writer)
    }

    /// A directed link of a kind that may repeat (`exploits`, `member`), unless already written.
    mutating func once(_ source: Int, _ target: Int, _ kind: LinkKind, strong: Bool = false, _ writer: inout CSVWriter)
        throws(SampleError)
    {
        guard seen.insert(key(source, target, kind == .member ? .member : .exploits)).inserted else { return }
        try row(source, target, kind, strong: strong, &writer)
    }

    /// Writes one link row by global entity numbers.
    mutating func row(_ source: Int, _ target: Int, _ kind: LinkKind, strong: Bool = false, _ writer: inout CSVWriter)
        throws(SampleError)
    {
        plan.writeID(source, &writer)
        plan.writeID(target, &writer)
        writer.plainField(kind.name)
        if LinkAttributes.write(kind: kind, strong: strong, dates: dates, &attributes, to: &writer) { gradedE += 1 }
        try writer.endRow()
        counts[Int(kind.rawValue)] += 1
    }
}
