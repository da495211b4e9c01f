import ArgumentParser
import ContextIngest
import ContextModel
import ContextPipeline
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

/// Options shared by the commands that analyse a dataset and write into an output folder
/// (`run`, `map`, `report`).
struct OutputOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var outputFolder: String

    @Option(help: ArgumentHelp("Run configuration (YAML). Without it, built-in defaults.", valueName: "file"))
    var config: String?

    /// The configuration file's settings (or the built-in defaults) with the command line's
    /// `--as-of` and `--lenient` applied.
    func configuration(asOf: String?) throws -> RunConfiguration {
        var configuration = RunConfiguration()
        if let config { configuration = try RunConfiguration.load(path: config) }
        if let asOf { configuration.asOf = Day(iso: asOf) }
        if data.lenient { configuration.policy = .lenient }
        return configuration
    }

    /// A run of the whole job with ``configuration(asOf:)``.
    func request(asOf: String?) throws -> RunRequest {
        RunRequest(
            dataFolder: data.dataFolder, outputFolder: outputFolder, configuration: try configuration(asOf: asOf),
            configurationFile: config)
    }

    /// Refuses an `--as-of` that is not a real date.
    static func validate(asOf: String?) throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a real date in the form YYYY-MM-DD")
        }
    }
}
