import ContextModel
import GraphAlgorithms

/// Who and what is in a sample world, decided before any row is written: sizes, wards, schools,
/// locations, young people, and the concern networks (``WorldPlan+Concern.swift``).
///
/// Entities are numbered globally in this order (the numbering keys link de-duplication):
/// schools, locations, groups, perpetrators, young people. Young people and non-online
/// locations are laid out ward by ward, so "in the same ward" is an index range.
struct WorldPlan {
    let referenceDate: Day
    let seed: UInt64
    let wardNames: [String]

    // MARK: Sizes
    let primaryCount: Int
    let schoolCount: Int
    let locationCount: Int
    let groupCount: Int
    let perpetratorCount: Int
    let youngCount: Int
    let childCount: Int

    // MARK: Places
    var schoolWard: [Int32] = []
    var locationCategory: [LocationCategory] = []
    /// Ward of each location; `-1` for online places.
    var locationWard: [Int32] = []
    /// Locations of each ward (online ones included, skipped when picking).
    var wardLocations: [Range<Int>] = []
    /// MACE risk level of each location, `0` when not assessed.
    var locationRisk: [UInt8] = []
    /// Exploitation recorded against each location (hotspots only).
    var locationExploitation: [Exploitation] = []
    /// The busy, unconcerning place of each ward (`-1` when the ward has none).
    var decoyOfWard: [Int32] = []

    // MARK: Young people
    var youngWard: [Int32] = []
    /// Young people of each ward.
    var wardYoung: [Range<Int>] = []
    var youngAge: [UInt8] = []
    var youngSchool: [Int32] = []
    /// Whether a young person is the sibling of the one before (same family name, `sibling` link).
    var siblingOfPrevious: [Bool] = []
    /// Index into ``children`` for a child open to the MACE, `-1` for a peer.
    var childOrdinal: [Int32] = []

    // MARK: Concern (filled by `planConcern`)
    var children: [ChildPlan] = []
    var networks: [NetworkPlan] = []
    var perpetrators: [PerpetratorPlan] = []
    var groups: [GroupPlan] = []

    var wardCount: Int { wardNames.count }
    var secondaryCount: Int { schoolCount - primaryCount }

    // Global numbering.
    var locationBase: Int { schoolCount }
    var groupBase: Int { schoolCount + locationCount }
    var perpetratorBase: Int { groupBase + groupCount }
    var youngBase: Int { perpetratorBase + perpetratorCount }

    init(entities: Int, seed: UInt64, referenceDate: Day) {
        self.referenceDate = referenceDate
        self.seed = seed
        var sizes = SplitMix64.stream(1, of: seed)
        let wards = max(1, min(200, Int((Double(entities).squareRoot() / 8).rounded())))
        var wardNaming = SplitMix64.stream(2, of: seed)
        wardNames = Names.wards(wards, generator: &wardNaming)

        let youngEstimate = entities * 86 / 100
        let childRate = 0.016 + 0.008 * sizes.nextUnitInterval()
        let childEstimate = max(3, Int(Double(youngEstimate) * childRate))
        perpetratorCount = max(2, childEstimate / 2)
        groupCount = max(1, perpetratorCount / 12)
        // About 350 young people aged 10-17 per primary (years 5 and 6 only), and at least one per
        // ward while wards are big enough to have one.
        primaryCount = max(1, youngEstimate / 350, min(wards, youngEstimate / 100))
        schoolCount = primaryCount + max(1, youngEstimate / 900)
        locationCount = max(LocationCategory.allCases.count, entities * 11 / 100)
        youngCount = entities - schoolCount - perpetratorCount - groupCount - locationCount
        childCount = min(childEstimate, youngCount / 2)

        planSchools()
        planLocations()
        planYoungPeople()
        planConcern()
    }

    /// The contiguous block `0 ..< count` shares out to ward `ward`, never empty.
    func block(_ ward: Int, of count: Int) -> Range<Int> {
        let low = min(ward * count / wardCount, count - 1)
        let high = min(max(low + 1, (ward + 1) * count / wardCount), count)
        return low..<high
    }

    private mutating func planSchools() {
        schoolWard = [Int32](repeating: -1, count: schoolCount)
        for ward in 0..<wardCount {
            for school in block(ward, of: primaryCount) where schoolWard[school] < 0 {
                schoolWard[school] = Int32(ward)
            }
            for school in block(ward, of: secondaryCount) where schoolWard[primaryCount + school] < 0 {
                schoolWard[primaryCount + school] = Int32(ward)
            }
        }
    }

    private mutating func planLocations() {
        var generator = SplitMix64.stream(3, of: seed)
        let weighted: [(LocationCategory, Int)] = [
            (.address, 34), (.shop, 14), (.takeaway, 12), (.park, 10), (.transport, 8),
            (.licensedPremises, 8), (.other, 9), (.online, 5),
        ]
        let total = weighted.reduce(0) { $0 + $1.1 }
        let forced = LocationCategory.allCases
        locationCategory.reserveCapacity(locationCount)
        locationWard.reserveCapacity(locationCount)
        for location in 0..<locationCount {
            var category = LocationCategory.other
            // Every category appears at least once, spread over the wards.
            if location % (locationCount / forced.count) == 0, location / (locationCount / forced.count) < forced.count
            {
                category = forced[location / (locationCount / forced.count)]
            } else {
                var draw = generator.next(below: total)
                for (candidate, weight) in weighted {
                    if draw < weight {
                        category = candidate
                        break
                    }
                    draw -= weight
                }
            }
            locationCategory.append(category)
            locationWard.append(category == .online ? -1 : Int32(location * wardCount / locationCount))
        }
        wardLocations = (0..<wardCount).map { ward in
            let low = (ward * locationCount + wardCount - 1) / wardCount
            let high = ((ward + 1) * locationCount + wardCount - 1) / wardCount
            return low..<high
        }
        locationRisk = [UInt8](repeating: 0, count: locationCount)
        locationExploitation = [Exploitation](repeating: [], count: locationCount)
        decoyOfWard = (0..<wardCount).map { ward in
            let places = wardLocations[ward]
            guard !places.isEmpty else { return -1 }
            let start = generator.next(below: places.count)
            for step in 0..<places.count {
                let location = places.lowerBound + (start + step) % places.count
                switch locationCategory[location] {
                case .other, .park, .transport, .shop: return Int32(location)
                default: continue
                }
            }
            return -1
        }
        for ward in 0..<wardCount where decoyOfWard[ward] >= 0 && generator.chance(0.5) {
            locationRisk[Int(decoyOfWard[ward])] = RiskLevel.noConcern.rawValue
        }
    }

    private mutating func planYoungPeople() {
        var generator = SplitMix64.stream(4, of: seed)
        // Wards differ in size: weights 0.6 to 1.4, then cumulative boundaries.
        let weights = (0..<wardCount).map { _ in 0.6 + 0.8 * generator.nextUnitInterval() }
        let total = weights.reduce(0, +)
        var running = 0.0
        var low = 0
        wardYoung = weights.enumerated().map { ward, weight in
            running += weight
            let high = ward == wardCount - 1 ? youngCount : min(youngCount, Int(Double(youngCount) * running / total))
            defer { low = high }
            return low..<max(low, high)
        }
        youngWard = [Int32](repeating: 0, count: youngCount)
        youngAge = [UInt8](repeating: 0, count: youngCount)
        youngSchool = [Int32](repeating: 0, count: youngCount)
        siblingOfPrevious = [Bool](repeating: false, count: youngCount)
        for ward in 0..<wardCount {
            for young in wardYoung[ward] {
                youngWard[young] = Int32(ward)
                let age = generator.next(in: 10...17)
                youngAge[young] = UInt8(age)
                let primary = age <= 10 || (age == 11 && generator.chance(0.5))
                youngSchool[young] = Int32(pickSchool(primary: primary, ward: ward, &generator))
                siblingOfPrevious[young] = young > wardYoung[ward].lowerBound && generator.chance(0.12)
            }
        }
    }

    /// A school of the right phase: usually one in the ward, sometimes a neighbouring ward's, now
    /// and then any in the authority.
    private func pickSchool(primary: Bool, ward: Int, _ generator: inout SplitMix64) -> Int {
        let count = primary ? primaryCount : secondaryCount
        let base = primary ? 0 : primaryCount
        let roll = generator.nextUnitInterval()
        let home: Int
        if roll < 0.88 {
            home = ward
        } else if roll < 0.97 {
            home = min(wardCount - 1, max(0, ward + (generator.chance(0.5) ? 1 : -1)))
        } else {
            return base + generator.next(below: count)
        }
        let schools = block(home, of: count)
        return base + schools.lowerBound + generator.next(below: schools.count)
    }

    /// A location in `ward` that is not online, preferring places other than private addresses;
    /// `nil` when the ward has none.
    func pickLocation(in ward: Int, _ generator: inout SplitMix64) -> Int? {
        let places = wardLocations[ward]
        guard !places.isEmpty else { return nil }
        var fallback: Int?
        for _ in 0..<4 {
            let location = places.lowerBound + generator.next(below: places.count)
            switch locationCategory[location] {
            case .online: continue
            case .address: fallback = fallback ?? location
            default: return location
            }
        }
        return fallback
    }

    /// A young person of `ward` chosen at random, `nil` when the ward has none.
    func pickYoung(in ward: Int, _ generator: inout SplitMix64) -> Int? {
        let people = wardYoung[ward]
        guard !people.isEmpty else { return nil }
        return people.lowerBound + generator.next(below: people.count)
    }

    /// Writes the id of an entity given by its global number: `S-`, `L-`, `G-`, `X-` or `Y-` and
    /// its 1-based number within its kind.
    func writeID(_ entity: Int, _ writer: inout CSVWriter) {
        if entity >= youngBase {
            writer.idField("Y-", entity - youngBase + 1)
        } else if entity >= perpetratorBase {
            writer.idField("X-", entity - perpetratorBase + 1)
        } else if entity >= groupBase {
            writer.idField("G-", entity - groupBase + 1)
        } else if entity >= locationBase {
            writer.idField("L-", entity - locationBase + 1)
        } else {
            writer.idField("S-", entity + 1)
        }
    }
}
