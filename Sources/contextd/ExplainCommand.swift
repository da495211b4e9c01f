import ArgumentParser
import ContextAnalysis
import ContextIngest
import ContextModel
import ContextPipeline

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print how strong the links between two entities are, factor by factor.",
        discussion: """
            strength = (weight / 5) x confidence(intelligence) x reliability(source) x 2^(-age / half-life)

            Every link between the two entities (either direction, any kind unless --kind is given) \
            is printed with its factors, using the strength settings of --config and the as-of date. \
            The output names the two ids given and nothing else from the data.

            Example:
              contextd explain --data Samples/borough --config Config/contextd.yaml --link X-3 Y-2257
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Run configuration (YAML) whose strength settings to use.", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp("The as-of date, YYYY-MM-DD (default: the config's as_of, else today).", valueName: "date"))
    var asOf: Day?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The two entity ids.", valueName: "id"))
    var link: [String]

    @Option(help: ArgumentHelp("Only links of this kind.", valueName: "kind"))
    var kind: LinkKind?

    func validate() throws {
        guard link.count == 2 else { throw ValidationError("--link takes two entity ids") }
    }

    func run() async throws {
        let logger = data.bootstrapLogging()
        do {
            let configuration = try RunConfiguration.load(path: config).applying(
                .init(asOf: asOf, lenient: data.lenient))
            let request = RunRequest(
                dataFolder: data.dataFolder, outputFolder: "", configuration: configuration, configurationFile: config)
            let (day, links) = try Pipeline(logger: logger).explain(request, between: link[0], and: link[1], kind: kind)
            for explained in links {
                print(
                    "\(explained.source) -\(explained.kind.name)-> \(explained.target) as of \(day): "
                        + "strength \(explained.strength.explanation)")
            }
            if links.isEmpty {
                print("no link between \(link[0]) and \(link[1])\(kind.map { " of kind \($0.name)" } ?? "")")
            }
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
