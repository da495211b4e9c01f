import ContextPipeline
import Foundation
import Logging

/// The one place where a job kind becomes work.
///
/// `run` is a full run (``Pipeline/run(_:)``). `schools` (the school risk indicator, every
/// weekday at 05:00 in the example) and `board` (the board summary of the previous calendar
/// month) are issue 5's reports. **Integration point:** today both perform a full run, which
/// after issue 5 writes the school indicator with every run; when issue 5 lands on main, the
/// lead replaces the body of ``report(_:request:period:pipeline:)`` with calls to its report
/// entry points (e.g. a board summary for `period`), keeping this signature, so the scheduler,
/// the run folders, `latest` and the status API need no change.
enum JobWork {
    /// The calendar month a board summary covers: the month before the one the job fired in,
    /// in the schedule's time zone.
    struct Period: Sendable, Hashable, CustomStringConvertible {
        let year: Int
        let month: Int

        var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

        static func previousMonth(of instant: Date, in zone: TimeZone) -> Period {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month], from: instant)
            let year = parts.year ?? 1970
            let month = parts.month ?? 1
            return month == 1 ? Period(year: year - 1, month: 12) : Period(year: year, month: month - 1)
        }
    }

    static func perform(
        _ kind: ServiceConfiguration.JobKind, request: RunRequest, period: Period?, pipeline: Pipeline
    ) async throws -> RunResult {
        switch kind {
        case .run: try await pipeline.run(request)
        case .schools, .board: try await report(kind, request: request, period: period, pipeline: pipeline)
        }
    }

    /// Integration point for issue 5's reports (see the type's documentation): a full run for now.
    static func report(
        _ kind: ServiceConfiguration.JobKind, request: RunRequest, period: Period?, pipeline: Pipeline
    ) async throws -> RunResult {
        pipeline.logger.info(
            "report job performed as a full run",
            metadata: ["run.kind": "\(kind.rawValue)", "report.period": "\(period?.description ?? "-")"])
        return try await pipeline.run(request)
    }
}
