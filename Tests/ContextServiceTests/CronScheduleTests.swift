import ContextModel
import Foundation
import Testing

@testable import ContextService

/// Known answers: each expected instant was checked with Python's zoneinfo (IANA tz database),
/// e.g. `datetime(2024,3,31,1,0,tzinfo=timezone.utc).astimezone(ZoneInfo("Europe/London"))` is
/// 02:00+01:00, the first moment of British Summer Time in 2024.
struct CronScheduleTests {
    static let london = TimeZone(identifier: "Europe/London") ?? .gmt  // a missing zone fails every London answer
    static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
    static let utc = TimeZone(identifier: "UTC") ?? .gmt

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text) ?? .distantPast
    }

    /// The next `count` firings after `start`, as ISO 8601 UTC strings.
    static func fires(_ expression: String, after start: String, in zone: TimeZone, count: Int = 1) throws -> [String] {
        let schedule = try CronSchedule(parsing: expression)
        let formatter = ISO8601DateFormatter()
        var results: [String] = []
        var current = instant(start)
        for _ in 0..<count {
            guard let next = schedule.nextFire(after: current, in: zone) else { break }
            results.append(formatter.string(from: next))
            current = next
        }
        return results
    }

    @Test func weekdaysAtFiveFollowLondonSummerTime() throws {
        // Friday 29 March 2024 05:00 GMT, then Monday 1 April 05:00 BST (04:00 UTC).
        #expect(
            try Self.fires("0 5 * * 1-5", after: "2024-03-28T05:00:00Z", in: Self.london, count: 2) == [
                "2024-03-29T05:00:00Z", "2024-04-01T04:00:00Z",
            ])
    }

    @Test func fixedTimeSkippedBySpringForwardRunsOnceAtTheChange() throws {
        // 01:30 does not exist in London on 31 March 2024: the job runs at 02:00 BST (01:00 UTC),
        // once, and the next day at 01:30 BST.
        #expect(
            try Self.fires("30 1 * * *", after: "2024-03-30T12:00:00Z", in: Self.london, count: 2) == [
                "2024-03-31T01:00:00Z", "2024-04-01T00:30:00Z",
            ])
        // Two skipped times collapse into one run.
        #expect(
            try Self.fires("0,30 1 * * *", after: "2024-03-30T12:00:00Z", in: Self.london, count: 2) == [
                "2024-03-31T01:00:00Z", "2024-04-01T00:00:00Z",
            ])
    }

    @Test func fixedTimeRepeatedByFallBackRunsOnceAtTheFirst() throws {
        // 01:30 happens twice in London on 27 October 2024 (BST, then GMT): the job runs at the
        // first (00:30 UTC) only, then on the 28th at 01:30 GMT.
        #expect(
            try Self.fires("30 1 * * *", after: "2024-10-26T12:00:00Z", in: Self.london, count: 2) == [
                "2024-10-27T00:30:00Z", "2024-10-28T01:30:00Z",
            ])
    }

    @Test func wildcardJobsRunByRealTimeAcrossBothChanges() throws {
        // Every 30 minutes keeps running every 30 real minutes: the repeated hour runs twice...
        #expect(
            try Self.fires("*/30 * * * *", after: "2024-10-27T00:00:00Z", in: Self.london, count: 4) == [
                "2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z", "2024-10-27T02:00:00Z",
            ])
        // ...and the skipped hour does not exist.
        #expect(
            try Self.fires("*/30 * * * *", after: "2024-03-31T00:00:00Z", in: Self.london, count: 3) == [
                "2024-03-31T00:30:00Z", "2024-03-31T01:00:00Z", "2024-03-31T01:30:00Z",
            ])
    }

    @Test func newYorkChangesAtTwoInTheMorning() throws {
        #expect(
            try Self.fires("30 2 * * *", after: "2024-03-09T12:00:00Z", in: Self.newYork) == ["2024-03-10T07:00:00Z"])
        #expect(
            try Self.fires("30 1 * * *", after: "2024-11-02T12:00:00Z", in: Self.newYork, count: 2) == [
                "2024-11-03T05:30:00Z", "2024-11-04T06:30:00Z",
            ])
    }

    @Test func firstOfTheMonthAcrossTheAutumnChange() throws {
        #expect(
            try Self.fires("0 6 1 * *", after: "2024-09-01T05:00:00Z", in: Self.london, count: 2) == [
                "2024-10-01T05:00:00Z", "2024-11-01T06:00:00Z",
            ])
        #expect(try Self.fires("@monthly", after: "2024-12-15T00:00:00Z", in: Self.utc) == ["2025-01-01T00:00:00Z"])
    }

    @Test func dayOfMonthAndDayOfWeekBothRestrictedMatchEither() throws {
        // The 13th or any Friday; September 2024 starts on a Sunday.
        #expect(
            try Self.fires("0 0 13 * 5", after: "2024-09-01T00:00:00Z", in: Self.utc, count: 3) == [
                "2024-09-06T00:00:00Z", "2024-09-13T00:00:00Z", "2024-09-20T00:00:00Z",
            ])
        // With day-of-month `*`, only Fridays.
        #expect(
            try Self.fires("0 0 * * fri", after: "2024-09-06T00:00:00Z", in: Self.utc) == ["2024-09-13T00:00:00Z"])
    }

    @Test func listsRangesStepsAndNames() throws {
        #expect(
            try Self.fires("5-20/5 9 * * *", after: "2024-01-01T00:00:00Z", in: Self.utc, count: 5) == [
                "2024-01-01T09:05:00Z", "2024-01-01T09:10:00Z", "2024-01-01T09:15:00Z", "2024-01-01T09:20:00Z",
                "2024-01-02T09:05:00Z",
            ])
        #expect(
            try Self.fires("0 12 * * 7", after: "2024-09-01T12:00:00Z", in: Self.utc)
                == (try Self.fires("0 12 * * SUN", after: "2024-09-01T12:00:00Z", in: Self.utc)))
        #expect(
            try Self.fires("0 0 1 jan,jul *", after: "2024-02-01T00:00:00Z", in: Self.utc, count: 2) == [
                "2024-07-01T00:00:00Z", "2025-01-01T00:00:00Z",
            ])
        #expect(
            try Self.fires("10/20 * * * *", after: "2024-01-01T00:00:00Z", in: Self.utc, count: 3) == [
                "2024-01-01T00:10:00Z", "2024-01-01T00:30:00Z", "2024-01-01T00:50:00Z",
            ])
    }

    @Test func leapDayAndImpossibleDates() throws {
        #expect(try Self.fires("0 0 29 2 *", after: "2024-03-01T00:00:00Z", in: Self.utc) == ["2028-02-29T00:00:00Z"])
        #expect(try Self.fires("0 0 31 2 *", after: "2024-01-01T00:00:00Z", in: Self.utc).isEmpty)
    }

    @Test(arguments: [
        "60 * * * *", "* * *", "5-1 * * * *", "*/0 * * * *", "@reboot", "* * * 13 *", "* * * * 8", "1,,2 * * * *",
    ])
    func malformedExpressionsAreRefused(_ expression: String) {
        #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: expression) }
    }

    /// The schedule's dates come from `Day` (the one owner of date arithmetic).
    @Test func civilDatesAndWeekdaysMatchFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.utc
        // From 1600 on (Foundation switches to the Julian calendar before 15 October 1582).
        for days in stride(from: -135_000, through: 800_000, by: 997) {
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let day = Day(rawValue: Int32(days))
            let civil = day.components
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day, "\(days)")
            #expect(day.weekday + 1 == parts.weekday, "\(days)")  // Foundation counts Sunday as 1.
        }
    }
}
