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
    var asOf: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The two entity ids.", valueName: "id"))
    var link: [String]

    @Option(help: ArgumentHelp("Only links of this kind.", valueName: "kind"))
    var kind: String?

    func validate() throws {
        guard link.count == 2 else { throw ValidationError("--link takes two entity ids") }
        try OutputOptions.validate(asOf: asOf)
        if let kind, LinkKind(name: kind) == nil {
            throw ValidationError("--kind must be one of: \(LinkKind.allCases.map(\.name).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let logger = data.bootstrapLogging()
        do {
            var configuration = RunConfiguration()
            if let config { configuration = try RunConfiguration.load(path: config) }
            let day = asOf.flatMap { Day(iso: $0) } ?? configuration.asOf ?? Pipeline.today()
            let dataset = try Pipeline(logger: logger).load(
                dataFolder: data.dataFolder, policy: data.lenient ? .lenient : .strict, limits: configuration.limits)
            let graph = dataset.graph
            guard let a = graph.index(of: link[0]), let b = graph.index(of: link[1]) else {
                throw ValidationError("no entity with id '\(graph.index(of: link[0]) == nil ? link[0] : link[1])'")
            }
            let wanted = kind.flatMap { LinkKind(name: $0) }
            var printed = 0
            for slot in graph.slots(of: a) where graph.adjacentEntities[slot] == b.rawValue {
                let index = Int(graph.adjacentLinks[slot])
                if let wanted, graph.links.kinds[index] != wanted { continue }
                let strength = configuration.analysis.strength.strength(of: index, in: graph, asOf: day)
                let from = graph.id(of: EntityIndex(rawValue: graph.links.sources[index]))
                let to = graph.id(of: EntityIndex(rawValue: graph.links.targets[index]))
                print(
                    "\(from) -\(graph.links.kinds[index].name)-> \(to) as of \(day): strength \(strength.explanation)")
                printed += 1
            }
            if printed == 0 { print("no link between \(link[0]) and \(link[1])\(kind.map { " of kind \($0)" } ?? "")") }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
