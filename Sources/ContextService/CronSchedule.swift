import ContextModel
public import Foundation

/// A five-field cron expression (`minute hour day-of-month month day-of-week`) and the instants it
/// fires at in a given time zone.
///
/// Written by hand: no package in the offline set evaluates cron expressions. The syntax is
/// Vixie cron's: `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n` and `a/n`, comma lists, month
/// and weekday names (`jan`, `mon`), weekday 0 or 7 for Sunday, and the shorthands `@hourly`,
/// `@daily`/`@midnight`, `@weekly`, `@monthly`, `@yearly`/`@annually`. When both day fields are
/// restricted (neither starts with `*`) a day matches if either does, as in Vixie cron.
///
/// Clock changes follow Debian cron's rule. A job at a fixed time of day (no `*` in the minute
/// or hour field) whose local time is skipped when the clocks go forward runs once, at the
/// instant the clocks change; when the clocks go back, it runs once, at the first of the two
/// moments with that local time. A job with `*` in the minute or hour field runs by real time:
/// local times that do not exist are not run, and repeated ones run twice.
public struct CronSchedule: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let expression: String
    private let minutes: UInt64  // bit n: minute n
    private let hours: UInt32
    private let daysOfMonth: UInt32  // bit n: day n (1...31)
    private let months: UInt16  // bit n: month n (1...12)
    private let daysOfWeek: UInt8  // bit n: weekday n (0 Sunday ... 6 Saturday)
    private let dayOfMonthRestricted: Bool
    private let dayOfWeekRestricted: Bool
    private let fixedTimeOfDay: Bool

    /// Why an expression was refused.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public var description: String { expression }

    /// Parses an expression.
    ///
    /// - Throws: ``ParseError`` naming the field and what is wrong.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let shorthands = [
            "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
            "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
        ]
        let expanded = shorthands[trimmed.lowercased()] ?? trimmed
        let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(
                description: "expected five fields (minute hour day-of-month month day-of-week), found \(fields.count)")
        }
        let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        expression = trimmed
        minutes = try Self.field(fields[0], "minute", 0...59, names: [:])
        hours = UInt32(try Self.field(fields[1], "hour", 0...23, names: [:]))
        daysOfMonth = UInt32(try Self.field(fields[2], "day-of-month", 1...31, names: [:]))
        months = UInt16(
            try Self.field(
                fields[3], "month", 1...12,
                names: Dictionary(uniqueKeysWithValues: monthNames.enumerated().map { ($1, $0 + 1) })))
        let weekdays = try Self.field(
            fields[4], "day-of-week", 0...7,
            names: Dictionary(uniqueKeysWithValues: dayNames.enumerated().map { ($1, $0) }))
        daysOfWeek = UInt8((weekdays | (weekdays >> 7)) & 0x7F)  // 7 is Sunday too
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
        fixedTimeOfDay = !fields[0].contains("*") && !fields[1].contains("*")
    }

    private static func field(_ text: String, _ name: String, _ range: ClosedRange<Int>, names: [String: Int])
        throws(ParseError) -> UInt64
    {
        func value(_ token: Substring) throws(ParseError) -> Int {
            if let number = Int(token), range.contains(number) { return number }
            if let named = names[token.lowercased()] { return named }
            throw ParseError(
                description: "\(name) field '\(text)': '\(token)' is not a value from \(range.lowerBound) to "
                    + "\(range.upperBound)")
        }
        var mask: UInt64 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, !parts[0].isEmpty else {
                throw ParseError(description: "\(name) field '\(text)': '\(item)' is not a value, range or step")
            }
            var step = 1
            if parts.count == 2 {
                guard let number = Int(parts[1]), number >= 1, number <= range.upperBound + 1 else {
                    throw ParseError(description: "\(name) field '\(text)': step '\(parts[1])' is not a valid step")
                }
                step = number
            }
            var low: Int
            var high: Int
            if parts[0] == "*" {
                (low, high) = (range.lowerBound, range.upperBound)
            } else if let dash = parts[0].firstIndex(of: "-") {
                low = try value(parts[0][..<dash])
                high = try value(parts[0][parts[0].index(after: dash)...])
                guard low <= high else {
                    throw ParseError(description: "\(name) field '\(text)': range '\(parts[0])' runs backwards")
                }
            } else {
                low = try value(parts[0])
                high = parts.count == 2 ? range.upperBound : low  // `a/n`: from a to the end, every n
            }
            for bit in stride(from: low, through: high, by: step) { mask |= 1 << UInt64(bit) }
        }
        return mask
    }

    /// Whether a calendar day matches the day-of-month, month and day-of-week fields.
    func matches(year: Int, month: Int, day: Int, weekday: Int) -> Bool {
        guard months & (1 << month) != 0 else { return false }
        let dayOfMonth = daysOfMonth & (1 << day) != 0
        let dayOfWeek = daysOfWeek & (1 << weekday) != 0
        if dayOfMonthRestricted && dayOfWeekRestricted { return dayOfMonth || dayOfWeek }
        return dayOfMonth && dayOfWeek
    }

    /// The first instant strictly after `instant` at which the schedule fires in `zone`, or `nil`
    /// if it never does (e.g. `0 0 31 2 *`). Whole seconds; searches up to eight years ahead.
    public func nextFire(after instant: Date, in zone: TimeZone) -> Date? {
        let clock = WallClock(zone: zone)
        let after = Int(instant.timeIntervalSince1970.rounded(.down))
        // Start three hours of local time earlier: when the clocks go back, a local time before the
        // current one can still be ahead in real time.
        let startWall = clock.wallSeconds(at: after) - 3 * 3600
        let startDay = startWall.floorDivided(by: 86_400)
        var best: Int?
        var stopAfterWall = Int.max  // once a firing is found: its local time plus three hours
        for dayNumber in startDay..<(startDay + 366 * 8) {
            if dayNumber * 86_400 > stopAfterWall { break }
            let day = Day(rawValue: Int32(clamping: dayNumber))
            let civil = day.components
            guard matches(year: civil.year, month: civil.month, day: civil.day, weekday: day.weekday) else { continue }
            for hour in 0..<24 where hours & (1 << hour) != 0 {
                for minute in 0..<60 where minutes & (1 << UInt64(minute)) != 0 {
                    let wall = dayNumber * 86_400 + hour * 3600 + minute * 60
                    if wall < startWall { continue }
                    if wall > stopAfterWall { break }
                    for candidate in firings(wall: wall, clock) where candidate > after {
                        if candidate < best ?? Int.max {
                            best = candidate
                            stopAfterWall = wall + 3 * 3600
                        }
                    }
                }
            }
        }
        return best.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The instants at which a matching local time fires, by the clock-change rules above.
    private func firings(wall: Int, _ clock: WallClock) -> [Int] {
        switch clock.instants(wall: wall) {
        case .single(let instant): return [instant]
        case .repeated(let first, let second): return fixedTimeOfDay ? [first] : [first, second]
        case .skipped(let changeAt): return fixedTimeOfDay ? [changeAt] : []
        }
    }
}

/// Local time in a zone as seconds since 1970-01-01T00:00 local ("wall seconds"), and back.
struct WallClock {
    let zone: TimeZone

    enum Instants: Equatable {
        case single(Int)
        /// The local time happens twice (clocks going back): both instants, earlier first.
        case repeated(Int, Int)
        /// The local time does not happen (clocks going forward): the instant of the change.
        case skipped(changeAt: Int)
    }

    func offset(at instant: Int) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    func wallSeconds(at instant: Int) -> Int { instant + offset(at: instant) }

    /// The instants showing a local time. Assumes clock changes are more than a day apart.
    func instants(wall: Int) -> Instants {
        let before = offset(at: wall - 86_400)
        let after = offset(at: wall + 86_400)
        let candidates = Set([wall - before, wall - after]).filter { offset(at: $0) == wall - $0 }.sorted()
        switch candidates.count {
        case 2: return .repeated(candidates[0], candidates[1])
        case 1: return .single(candidates[0])
        default:
            // Skipped: the change lies between `wall - after` (old offset still in force) and
            // `wall - before`; find its first second by bisection.
            var low = wall - max(before, after)
            var high = wall - min(before, after)
            let oldOffset = offset(at: low)
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if offset(at: middle) == oldOffset { low = middle } else { high = middle }
            }
            return .skipped(changeAt: high)
        }
    }
}

extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
