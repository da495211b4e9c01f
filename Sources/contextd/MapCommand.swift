import ArgumentParser
import ContextIngest
import ContextMaps
import ContextModel
import ContextPipeline

struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw network maps: a child's own network, a place, a cluster, or all of a run's maps.",
        discussion: """
            Writes into maps/ of the output folder, atomically, owner-only:
              --child ID     maps/child-<token>.*   the person's network, the person at the centre
              --context ID   maps/context-<token>.* everyone and everything around a place, school or group
              --cluster K-…  maps/clusters/K-….*    one concern cluster (ids as in network.json)
              --legend       maps/legend.*          the legend alone
              (none)         maps/overview.* and maps/clusters/*, as `contextd run` draws them
            <token> is a keyed hash of the id (the key file is set in the config), so file names \
            never carry ids. With --pseudonymise the map shows keyed pseudonyms instead of names \
            and is written under maps/pseudonymised/. A map whose content has not changed since \
            it was last drawn is taken from the cache instead of being laid out again.

            Examples:
              contextd map --data Samples/borough --out Output --config Config/contextd.yaml --child C-0042
              contextd map --data Samples/borough --out Output --context L-0007 --pseudonymise --format png
            """)

    @OptionGroup var options: OutputOptions

    @Option(
        help: ArgumentHelp("The as-of date, YYYY-MM-DD (default: the config's as_of, else today).", valueName: "date"))
    var asOf: Day?

    @Option(help: ArgumentHelp("Draw this child's (or other person's) own network (repeatable).", valueName: "id"))
    var child: [String] = []

    @Option(help: ArgumentHelp("Draw everything around this location, school or group (repeatable).", valueName: "id"))
    var context: [String] = []

    @Option(help: ArgumentHelp("Draw this concern cluster (repeatable).", valueName: "cluster-id"))
    var cluster: [String] = []

    @Flag(help: "Draw the legend alone (maps/legend.*), for documentation.")
    var legend = false

    @Option(help: ArgumentHelp("Scale each map down to fit a square of this many inches (1-200).", valueName: "inches"))
    var fit: Double?

    @Option(help: ArgumentHelp("Links walked out from the subject of --child or --context (1-6).", valueName: "n"))
    var depth: Int?

    @Flag(help: "Show keyed pseudonyms instead of names or ids (a map safe to share more widely).")
    var pseudonymise = false

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("Output format (repeatable; default from the config).", valueName: "f"))
    var formats: [MapFormat] = []

    @Option(help: ArgumentHelp("Layout engine.", valueName: "engine"))
    var engine: LayoutEngine?

    func validate() throws {
        if let depth, !(1...6).contains(depth) { throw ValidationError("--depth must be 1 to 6") }
        if let fit, !(1...200).contains(fit) { throw ValidationError("--fit must be 1 to 200 inches") }
        if depth != nil, child.isEmpty, context.isEmpty {
            throw ValidationError("--depth applies to --child and --context")
        }
    }

    func run() async throws {
        let logger = options.data.bootstrapLogging()
        do {
            let configuration = try options.configuration(
                .init(asOf: asOf, lenient: options.data.lenient, focusDepth: depth, engine: engine))
            var subjects: [MapRequest.Subject] =
                child.map { .child($0) } + context.map { .context($0) } + cluster.map { .cluster($0) }
            if legend { subjects.append(.legend) }
            if subjects.isEmpty { subjects = [.all] }
            var request = MapRequest(
                dataFolder: options.data.dataFolder, outputFolder: options.outputFolder, configuration: configuration,
                subjects: subjects,
                pseudonymise: pseudonymise, formats: formats)
            request.fitInches = fit
            let result = try await Pipeline(logger: logger).drawMaps(request)
            for path in result.paths { print(options.outputFolder + "/" + path) }
            print(
                "contextd: \(result.rendered.rendered + result.rendered.reused) maps "
                    + "(\(result.rendered.rendered) laid out, \(result.rendered.reused) unchanged and reused)")
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
