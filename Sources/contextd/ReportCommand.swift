import ArgumentParser
import ContextIngest
import ContextModel
import ContextPipeline
import ContextReports

/// `contextd report`: one reader's report on its own.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one reader's report: the school risk indicator or the board summary.",
        discussion: """
            Each report analyses the dataset afresh, writes its files atomically into the output \
            folder (owner-only), and records its scores in the history (history.sqlite in the state \
            folder, <out>/.contextd-state by default) so that later reports can show trends. A \
            fresh state folder works: the report says that no history exists yet.
            """,
        subcommands: [Schools.self, Board.self])

    /// Options shared by the report subcommands.
    struct Options: ParsableArguments {
        @OptionGroup var common: OutputOptions

        func run(_ kind: ReportKind, asOf: Day?) async throws {
            let logger = common.data.bootstrapLogging()
            let historyNotRecorded: String?
            do {
                let result = try await Pipeline(logger: logger).report(kind, request: try common.request(asOf: asOf))
                Diagnostics.print(result.report)
                print(
                    "contextd: as of \(result.asOf): wrote \(result.outputs.joined(separator: ", ")) to \(common.outputFolder); "
                        + "history: \(result.history)")
                historyNotRecorded = result.historyNotRecorded
            } catch {
                throw ExitStatus.exitCode(for: error)
            }
            try ExitStatus.afterCommit(historyNotRecorded: historyNotRecorded)
        }
    }

    struct Schools: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schools",
            abstract: "Write the school risk indicator (schools.json, schools.csv).",
            discussion: """
                Ranks schools by their pupils' exposure to exploitation and youth violence, per pupil \
                known and shrunk towards the borough rate, in four tiers. No child is named.

                Example:
                  contextd report schools --data Samples/borough --out Output --config Config/contextd.yaml
                """)

        @OptionGroup var options: Options

        @Option(help: ArgumentHelp("The date the analysis is as of, YYYY-MM-DD.", valueName: "date"))
        var asOf: Day?

        func run() async throws { try await options.run(.schools, asOf: asOf) }
    }

    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "board",
            abstract: "Write the board hotspot summary for a period (board.json, board.html).",
            discussion: """
                Aggregated, pseudonymised and marked OFFICIAL: counts from 1 to the configured \
                threshold (default 5) are suppressed, with secondary suppression so that none can be \
                worked out from the totals. board.html is one self-contained page (inline SVG charts, \
                a cluster-level map, no external reference), printable.

                Example:
                  contextd report board --data Samples/borough --out Output --period 2024-Q3
                """)

        @OptionGroup var options: Options

        @Option(
            help: ArgumentHelp("The period: a quarter (2024-Q3) or a month (2024-09).", valueName: "period"),
            transform: { text in
                guard let period = BoardPeriod(text) else {
                    throw ValidationError("--period '\(text)' is not a quarter (YYYY-Qn) or a month (YYYY-MM)")
                }
                return period
            })
        var period: BoardPeriod

        func run() async throws { try await options.run(.board(period), asOf: nil) }
    }
}
