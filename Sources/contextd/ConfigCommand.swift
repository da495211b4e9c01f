import ArgumentParser
import ContextModel
import ContextPipeline

/// `contextd config`: the run configuration as a commented YAML file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the run configuration, every key with its comment, type and value.",
        discussion: """
            Without --config, the built-in defaults: a complete, commented file to start from \
            (Config/contextd.yaml is this with the sample's as_of). With --config, the settings that \
            file gives, defaults filled in, as a run would use them; a wrong key stops with exit 78.

            Example:
              contextd config > my-contextd.yaml
            """)

    @Option(help: ArgumentHelp("Run configuration (YAML) to print with defaults filled in.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The as-of date to print, YYYY-MM-DD.", valueName: "date"))
    var asOf: Day?

    func run() throws {
        do {
            print(
                RunConfiguration.document(try RunConfiguration.load(path: config).applying(.init(asOf: asOf))),
                terminator: "")
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
