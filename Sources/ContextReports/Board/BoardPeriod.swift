public import ContextModel

/// A reporting period of the board summary: a quarter (`2024-Q3`) or a month (`2024-09`).
public struct BoardPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `2024-Q3` or `2024-09`.
    public let label: String
    public let start: Day
    /// The last day of the period (inclusive).
    public let end: Day
    public let isQuarter: Bool

    /// Parses `YYYY-Qn` or `YYYY-MM`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...9999).contains(year) else {
            return nil
        }
        let second = parts[1]
        if second.count == 2, second.first == "Q", let q = Int(second.dropFirst()), (1...4).contains(q) {
            self.init(year: year, firstMonth: (q - 1) * 3 + 1, months: 3)
        } else if second.count == 2, second.allSatisfy({ $0.isASCII && $0.isNumber }), let month = Int(second),
            (1...12).contains(month)
        {
            self.init(year: year, firstMonth: month, months: 1)
        } else {
            return nil
        }
    }

    private init?(year: Int, firstMonth: Int, months: Int) {
        guard let start = Day(year: year, month: firstMonth, day: 1) else { return nil }
        let lastMonth = firstMonth + months - 1
        let next =
            lastMonth == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: lastMonth + 1, day: 1)
        guard let next else { return nil }
        self.start = start
        self.end = next.adding(days: -1)
        self.isQuarter = months == 3
        let pad = firstMonth < 10 ? "0\(firstMonth)" : "\(firstMonth)"
        self.label = months == 3 ? "\(year)-Q\((firstMonth - 1) / 3 + 1)" : "\(year)-\(pad)"
    }

    public var description: String { label }

    /// Whether a day falls in the period.
    public func contains(_ day: Int32) -> Bool { day >= start.rawValue && day <= end.rawValue }

    /// The period before this one, of the same length.
    public var previous: BoardPeriod? {
        let (year, month, _) = start.components
        let months = isQuarter ? 3 : 1
        let first = month - months
        return first >= 1
            ? BoardPeriod(year: year, firstMonth: first, months: months)
            : BoardPeriod(year: year - 1, firstMonth: first + 12, months: months)
    }

    /// The `count` periods before this one, oldest first.
    public func earlier(_ count: Int) -> [BoardPeriod] {
        var result: [BoardPeriod] = []
        var cursor = self
        for _ in 0..<max(0, count) {
            guard let before = cursor.previous else { break }
            result.insert(before, at: 0)
            cursor = before
        }
        return result
    }

    /// The months of the period as `YYYY-MM`, in order.
    public var months: [String] {
        let (year, month, _) = start.components
        return (0..<(isQuarter ? 3 : 1)).map { offset in
            let m = month + offset
            return "\(year)-\(m < 10 ? "0" : "")\(m)"
        }
    }

    /// The month label (`YYYY-MM`) of a day.
    public static func month(of day: Int32) -> String {
        let (year, month, _) = Day(rawValue: day).components
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}
