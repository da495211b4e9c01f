import ArgumentParser
import ContextPipeline
import ContextService
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run as a service: watch the datasets, run the scheduled jobs, serve the status API.",
        discussion: """
            Reads a service configuration (see Config/service.yaml): the datasets to watch, each \
            with its output folder; the jobs with their cron schedules and time zone; the status \
            API; the run configuration every run uses.

            Each run writes a complete set of outputs into OUT/runs/<run id>/ and only then points \
            OUT/latest at it; data that fails validation never replaces the last good outputs (the \
            report is written to the state folder and shown by GET /status).

            Signals: SIGTERM or SIGINT stop the service cleanly (a run in progress is abandoned, \
            nothing half-written is left) with exit status 0; SIGHUP reloads the configuration \
            (a configuration with an error, or one that changes the status listener, its token or \
            its connection settings, is refused whole, the reason logged, and the old one kept).

            Example:
              contextd serve --config Config/service.yaml
            """)

    @Option(help: ArgumentHelp("Service configuration (YAML).", valueName: "file"))
    var config: String

    @Option(help: ArgumentHelp("Log level on standard error.", valueName: "level"))
    var logLevel: Logger.Level = .info

    @Option(
        help: ArgumentHelp(
            "Log lines as 'text' (key=value metadata) or 'json' (one object per line, for journald and log shippers).",
            valueName: "format"))
    var logFormat: LogFormat = .text

    /// How log lines are written.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() async throws {
        let level = logLevel
        let json = logFormat == .json
        LoggingSystem.bootstrap { label in
            if json {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "contextd.service")
        do {
            let configuration = try ServiceConfiguration.load(path: config)
            try await Daemon(configuration: configuration, logger: logger).run()
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
