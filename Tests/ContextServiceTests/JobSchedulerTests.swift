import Foundation
import Testing

@testable import ContextService

struct JobSchedulerTests {
    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    static func job(_ name: String, _ cron: String, _ kind: ServiceConfiguration.JobKind = .run) throws
        -> ServiceConfiguration.Job
    {
        ServiceConfiguration.Job(name: name, schedule: try CronSchedule(parsing: cron), kind: kind, dataset: "d")
    }

    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? .distantPast }

    @Test func aJobIsDueOnceAtItsTimeAndTheLoopWakesForTheNext() throws {
        let schools = try Self.job("schools", "0 5 * * 1-5", .schools)
        let board = try Self.job("board", "0 6 1 * *", .board)
        var last = ["schools": Self.at("2024-03-29T04:59:00Z"), "board": Self.at("2024-03-29T04:59:00Z")]
        // Friday 29 March 2024, 05:00:00.2 GMT: the school indicator is due.
        let now = Self.at("2024-03-29T05:00:00Z").addingTimeInterval(0.2)
        let step = JobScheduler.step(jobs: [schools, board], last: &last, now: now, zone: Self.london)
        #expect(step.due.map(\.0.name) == ["schools"])
        #expect(step.due.first?.1 == Self.at("2024-03-29T05:00:00Z"))
        #expect(last["schools"] == now)
        // Next: Monday 1 April at 05:00 BST; the board on 1 April at 06:00 BST.
        #expect(step.next["schools"] == Self.at("2024-04-01T04:00:00Z"))
        #expect(step.next["board"] == Self.at("2024-04-01T05:00:00Z"))
        #expect(step.wake == now.addingTimeInterval(60))
        // A second look a moment later: nothing due.
        let again = JobScheduler.step(
            jobs: [schools, board], last: &last, now: now.addingTimeInterval(1), zone: Self.london)
        #expect(again.due.isEmpty)
    }

    @Test func manyMissedTimesFireOnce() throws {
        let every = try Self.job("quarter", "*/15 * * * *")
        var last = ["quarter": Self.at("2024-06-01T00:00:00Z")]
        let now = Self.at("2024-06-03T10:07:00Z")  // two days asleep
        let step = JobScheduler.step(jobs: [every], last: &last, now: now, zone: Self.london)
        #expect(step.due.count == 1)
        #expect(step.next["quarter"] == Self.at("2024-06-03T10:15:00Z"))
        #expect(step.wake == Self.at("2024-06-03T10:08:00Z"))
    }

    @Test func missedWhileDownIsFoundAtStartUp() throws {
        let schools = try Self.job("schools", "0 5 * * 1-5", .schools)
        let now = Self.at("2024-04-02T09:00:00Z")
        // Last fired on Friday; Monday's and Tuesday's runs were missed: due since Monday.
        #expect(
            JobScheduler.missed(schools, lastFired: Self.at("2024-03-29T05:00:00Z"), now: now, zone: Self.london)
                == Self.at("2024-04-01T04:00:00Z"))
        // Fired this morning: nothing missed.
        #expect(
            JobScheduler.missed(schools, lastFired: Self.at("2024-04-02T04:00:00Z"), now: now, zone: Self.london)
                == nil)
        #expect(JobScheduler.missed(schools, lastFired: nil, now: now, zone: Self.london) == nil)
    }

    @Test func boardPeriodIsThePreviousMonthInTheScheduleZone() {
        // 1 January 2025 00:30 in London is still 31 December 2024 in New York.
        let instant = Self.at("2025-01-01T00:30:00Z")
        #expect(JobWork.Period.previousMonth(of: instant, in: Self.london).description == "2024-12")
        #expect(
            JobWork.Period.previousMonth(of: instant, in: TimeZone(identifier: "America/New_York") ?? .gmt)
                .description == "2024-11")
    }
}
