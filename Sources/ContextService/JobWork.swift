import ContextFiles
import ContextPipeline
import ContextReports
import Foundation
import Logging

/// The one place where a job kind becomes work.
///
/// `run` and `schools` are a full run (``Pipeline/run(_:)``) into a new run folder, which then
/// becomes `latest`: since issue 5 every run writes the school risk indicator (`schools.json`,
/// `schools.csv`) with the maps and the network report. `board` is issue 5's board summary of the
/// previous calendar month (in the schedule's time zone), ``Pipeline/report(_:request:)`` with
/// `.board`, written into the run's folder and, once the coordinator has checked the data was not
/// changed during the read, moved to `OUT/reports/board-YYYY-MM/` (``publish(_:as:runID:)``; a
/// rerun for the same month replaces the folder); it does not move `latest`. A new kind of job is
/// one more case here.
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

    /// What a job produced.
    enum Output: Sendable {
        /// A full run, written into the run folder of the request.
        case run(RunResult)
        /// A report, written into `folder`.
        case report(ReportResult, folder: String)
    }

    /// Performs a job. `reportsFolder` is where reports go (`OUT/reports`).
    static func perform(
        _ kind: ServiceConfiguration.JobKind, request: RunRequest, period: Period?, reportsFolder: String,
        pipeline: Pipeline
    ) async throws -> Output {
        switch kind {
        case .run, .schools:
            return .run(try await pipeline.run(request))
        case .board:
            let month = period ?? Period.previousMonth(of: Date(), in: TimeZone(identifier: "Europe/London") ?? .gmt)
            guard let boardPeriod = BoardPeriod(month.description) else {
                throw ServiceError(.outputNotCreatable, "no board period for \(month)")
            }
            // Written into the run's folder (request.outputFolder); the coordinator moves it to
            // reports/board-YYYY-MM once the data is known not to have changed during the read.
            let boardRequest = request
            pipeline.logger.info("board summary", metadata: ["report.period": "\(month)"])
            let result = try await pipeline.report(.board(boardPeriod), request: boardRequest)
            return .report(result, folder: "reports/board-" + month.description)
        }
    }

    /// Moves a report written into `folder` to `destination` (replacing a folder there): the old
    /// folder is renamed aside, the new one renamed into place, then the old one removed.
    static func publish(_ folder: String, as destination: String, runID: String) throws(ServiceError) {
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let reports: Folder
        let source: Folder
        do {
            reports = try Folder.create(parent).folder
            source = try Folder.open((folder as NSString).deletingLastPathComponent)
        } catch {
            throw ServiceError(.outputNotCreatable, "cannot create '\(parent)'")
        }
        let aside = ".replaced-" + runID
        let hadOld = (try? reports.rename(name, to: aside)) != nil
        do {
            try source.move((folder as NSString).lastPathComponent, to: name, in: reports)
        } catch {
            if hadOld { try? reports.rename(aside, to: name) }
            throw ServiceError(.outputNotCreatable, "cannot move the report into '\(destination)' (\(error.reason))")
        }
        reports.sync()
        if hadOld { try? reports.removeTree(aside) }
    }
}
