import ArgumentParser
import ContextIngest
import ContextModel
import ContextPipeline

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Validate a dataset, analyse it, and write the outputs.",
        discussion: """
            Writes into the output folder, atomically (a reader never sees a half-written file, \
            and a failed run leaves earlier outputs as they were), readable by the owner only:
              manifest.json   inputs with SHA-256 and rows, warnings, rows set aside,
                              outputs with SHA-256, seconds per stage
              network.json    clusters, hotspots, children and their reasons, disruption
                              targets, changes since the last run (OFFICIAL-SENSITIVE)
              people.csv      every person's network measures (OFFICIAL-SENSITIVE)
              maps/overview.* the overview network map (formats set in the config)
              schools.json, schools.csv   the school risk indicator (OFFICIAL-SENSITIVE)
              disruption.json, disruption.md   whom or what to disrupt, suggested actions,
                              outcomes of past actions (OFFICIAL-SENSITIVE)
            Scores are kept in the history (state folder) for trends; `contextd report board` \
            writes the board summary.

            Example:
              contextd run --data Samples/borough --out Output --config Config/contextd.yaml
            """)

    @OptionGroup var options: OutputOptions

    @Option(
        help: ArgumentHelp(
            "The date the analysis is as of, YYYY-MM-DD (default: the config's as_of, else today).", valueName: "date"))
    var asOf: Day?

    func run() async throws {
        let logger = options.data.bootstrapLogging()
        let historyNotRecorded: String?
        do {
            let request = try options.request(asOf: asOf)
            let result = try await Pipeline(logger: logger).run(request)
            Diagnostics.print(result.report)
            let setAside = result.report.setAside.count
            print(
                "contextd: as of \(result.manifest.asOf): \(result.manifest.counts.entities) entities, "
                    + "\(result.manifest.counts.links) links, \(result.report.warnings.count) warnings, "
                    + "\(setAside) rows set aside; wrote \(result.outputs.count) files to \(options.outputFolder); "
                    + "history: \(result.history)")
            historyNotRecorded = result.historyNotRecorded
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
        try ExitStatus.afterCommit(historyNotRecorded: historyNotRecorded)
    }
}
