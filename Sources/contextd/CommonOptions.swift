import ArgumentParser
import Logging

/// Options shared by the commands that read a dataset.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "Dataset folder holding entities.csv and links.csv (events.csv, actions.csv optional).", valueName: "dir"))
    var dataFolder: String

    @Flag(help: "Set rows with errors aside (listed in the manifest) instead of rejecting the whole dataset.")
    var lenient = false

    @Option(
        help: ArgumentHelp(
            "Log level on standard error: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
    var logLevel: String = "notice"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of: trace, debug, info, notice, warning, error, critical")
        }
    }

    /// Sets up logging once for the process: structured lines on standard error.
    func bootstrapLogging() -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "contextd.pipeline")
    }
}
