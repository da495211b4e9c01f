import ContextModel
import GraphAlgorithms

/// Dates relative to the world's reference date (never the clock, so output is deterministic).
struct DateSpan {
    let referenceDate: Day
    /// `referenceDate` minus `years` whole years, for `years` in `0 ... 90`.
    private let yearsBack: [Day]

    init(referenceDate: Day) {
        self.referenceDate = referenceDate
        let (year, month, day) = referenceDate.components
        yearsBack = (0...90).map { years in
            // 29 February has no anniversary in most years: the 28th stands in for it.
            Day(year: year - years, month: month, day: day) ?? Day(year: year - years, month: month, day: 28)
                ?? referenceDate
        }
    }

    /// The date `days` days before the reference date.
    func daysBefore(_ days: Int) -> Day { referenceDate.adding(days: -days) }

    /// A date of birth giving exactly `age` whole years on the reference date.
    func dateOfBirth(age: Int, _ generator: inout SplitMix64) -> Day {
        let latest = yearsBack[min(age, 89)]
        let earliest = yearsBack[min(age + 1, 90)].adding(days: 1)
        let span = Int(latest.rawValue - earliest.rawValue)
        return earliest.adding(days: generator.next(below: span + 1))
    }
}

/// The optional columns of a link row (weight, first and last seen, agency, grading), drawn to
/// look like what each kind of link gets in practice.
enum LinkAttributes {
    /// Share of links (other than `attends`) graded E: kept, warned about, left out of analysis.
    static let gradedEShare = 0.006

    private static let gradings: [(String, Int)] = [
        ("1A", 8), ("1B", 12), ("2A", 5), ("2B", 25), ("2C", 25), ("3B", 5), ("3C", 10), ("2D", 5), ("3D", 5),
    ]
    private static let gradingTotal = gradings.reduce(0) { $0 + $1.1 }

    /// Agencies likely to record each kind of link, with weights, by ``LinkKind/rawValue``.
    private static let agencyTables: [[(Agency, Int)]] = LinkKind.allCases.map(agencies(for:))
    private static let agencyTotals: [Int] = agencyTables.map { $0.reduce(0) { $0 + $1.1 } }

    private static func agencies(for kind: LinkKind) -> [(Agency, Int)] {
        switch kind {
        case .attends: [(.education, 1)]
        case .associate:
            [
                (.education, 40), (.socialCare, 20), (.police, 15), (.yot, 10), (.communitySafety, 5), (.voluntary, 5),
                (.health, 5),
            ]
        case .exploits: [(.police, 60), (.socialCare, 25), (.yot, 10), (.health, 5)]
        case .frequents: [(.police, 30), (.communitySafety, 30), (.socialCare, 20), (.education, 10), (.housing, 10)]
        case .member: [(.police, 90), (.yot, 10)]
        case .sibling: [(.socialCare, 70), (.education, 20), (.health, 10)]
        case .onlineContact: [(.police, 50), (.socialCare, 30), (.education, 20)]
        case .relationship: [(.socialCare, 50), (.health, 25), (.police, 25)]
        }
    }

    private static func weights(for kind: LinkKind) -> ClosedRange<Int> {
        switch kind {
        case .attends: 3...5
        case .associate, .onlineContact: 1...3
        case .frequents: 1...4
        case .exploits: 3...5
        case .member: 2...5
        case .sibling, .relationship: 3...5
        }
    }

    /// Writes weight, first_seen, last_seen, agency and grading; returns whether graded E.
    static func write(
        kind: LinkKind, strong: Bool = false, dates: DateSpan, _ generator: inout SplitMix64,
        to writer: inout CSVWriter
    ) -> Bool {
        let range = weights(for: kind)
        if strong {
            writer.numberField(range.upperBound)
        } else if generator.chance(0.9) {
            writer.numberField(generator.next(in: range))
        } else {
            writer.emptyField()
        }

        if kind == .attends {
            // The September the young person started at the school.
            let (year, _, _) = dates.referenceDate.components
            let start = Day(year: year - generator.next(below: 6), month: 9, day: 1) ?? dates.referenceDate
            writer.dateField(min(start, dates.referenceDate))
            writer.emptyField()
        } else if generator.chance(0.8) {
            let first = generator.next(in: 14...1095)
            writer.dateField(dates.daysBefore(first))
            if generator.chance(0.85) {
                writer.dateField(dates.daysBefore(generator.next(below: first + 1)))
            } else {
                writer.emptyField()
            }
        } else {
            writer.emptyField()
            writer.emptyField()
        }

        var agency: Agency?
        if generator.chance(0.85) {
            var draw = generator.next(below: agencyTotals[Int(kind.rawValue)])
            for (candidate, weight) in agencyTables[Int(kind.rawValue)] {
                if draw < weight {
                    agency = candidate
                    break
                }
                draw -= weight
            }
        }
        if let agency { writer.plainField(agency.name) } else { writer.emptyField() }

        if kind != .attends && generator.chance(gradedEShare) {
            writer.plainField(generator.chance(0.5) ? "2E" : "3E")
            return true
        }
        let graded = agency == .police || agency == .yot || kind == .exploits || kind == .member
        if kind != .attends && generator.chance(graded ? 0.8 : 0.2) {
            var draw = generator.next(below: gradingTotal)
            for (code, weight) in gradings {
                if draw < weight {
                    writer.plainField(code)
                    break
                }
                draw -= weight
            }
        } else {
            writer.emptyField()
        }
        return false
    }
}
