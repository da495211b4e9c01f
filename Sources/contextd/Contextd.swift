import ArgumentParser

/// The `contextd` command: network analysis and maps for MACE teams.
@main
struct Contextd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contextd",
        abstract: "Network analysis and maps for multi-agency child exploitation (MACE) teams.",
        discussion: """
            contextd reads a dataset folder of CSV files (entities.csv, links.csv, and optionally \
            events.csv and actions.csv; see the README for the format), validates every row, finds \
            concern clusters, and writes JSON summaries and a Graphviz network map.

            Strict by default: any error in the data rejects the whole dataset, every error is \
            listed as FILE:LINE:COLUMN: error: MESSAGE, and nothing is written. --lenient sets bad \
            rows aside instead and lists each one in the run's manifest.

            Exit status: 0 success, 64 usage, 65 data rejected, 66 input missing or unreadable, \
            70 internal error, 73 output cannot be created, 75 outputs written but the history \
            not recorded, 78 bad configuration.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, MapCommand.self, ReportCommand.self, ValidateCommand.self, SampleCommand.self,
            ExplainCommand.self, ConfigCommand.self, ServeCommand.self,
        ])
}
