/// A calendar date, as a count of days since 1970-01-01 (proleptic Gregorian, no time zone).
///
/// The data format's dates are `YYYY-MM-DD` and must be real calendar dates; ``init(iso:)``
/// refuses `2024-02-30` and the like. Stored on edges as the raw `Int32`.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let rawValue: Int32

    /// The stored value that means "no date given".
    public static let noneRaw = Int32.min

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Builds a day from year, month and day, refusing dates that do not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.rawValue = Int32(Self.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, a real date).
    public init?(iso text: String) {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        var values = (0, 0, 0)
        var position = 0
        for byte in utf8 {
            defer { position += 1 }
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte &- UInt8(ascii: "0"))
            if position < 4 {
                values.0 = values.0 * 10 + digit
            } else if position < 7 {
                values.1 = values.1 * 10 + digit
            } else {
                values.2 = values.2 * 10 + digit
            }
        }
        self.init(year: values.0, month: values.1, day: values.2)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = Self.civil(fromDays: Int(rawValue))
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Year, month and day of this date.
    public var components: (year: Int, month: Int, day: Int) { Self.civil(fromDays: Int(rawValue)) }

    public func adding(days: Int) -> Day { Day(rawValue: rawValue + Int32(days)) }

    /// Day of the week, 0 (Sunday) to 6 (Saturday), as cron counts them; 1970-01-01 was a Thursday.
    public var weekday: Int {
        let remainder = (Int(rawValue) + 4) % 7
        return remainder < 0 ? remainder + 7 : remainder
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms,
    // http://howardhinnant.github.io/date_algorithms.html), written out for Int.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Day: Codable {
    /// Encoded as its `YYYY-MM-DD` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a real YYYY-MM-DD date")
        }
        self = day
    }
}
