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

    @Option(help: ArgumentHelp("Log level on standard error.", valueName: "level"))
    var logLevel: Logger.Level = .notice

    /// Sets up logging once for the process: structured lines on standard error.
    func bootstrapLogging() -> Logger {
        let level = logLevel
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
    /// overrides applied (``RunConfiguration/Overrides``).
    func configuration(_ overrides: RunConfiguration.Overrides) throws -> RunConfiguration {
        try RunConfiguration.load(path: config).applying(overrides)
    }

    /// A run of the whole job with the configuration and the command line's overrides.
    func request(asOf: Day?) throws -> RunRequest {
        RunRequest(
            dataFolder: data.dataFolder, outputFolder: outputFolder,
            configuration: try configuration(.init(asOf: asOf, lenient: data.lenient)), configurationFile: config)
    }
}
