import ArgumentParser
import ContextIngest
import ContextModel
import ContextPipeline
import ContextReports
import Foundation

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset against the format without writing anything.",
        discussion: """
            Prints every error and warning as FILE:LINE:COLUMN: SEVERITY: MESSAGE, with the same \
            rules and exit statuses as 'run' (65 when the dataset would be rejected). With --config,             the configuration's validation policy and limits apply, as they would to 'run'.

            --stats prints, on standard output, one JSON object with the counts, the seconds spent \
            reading, hashing, validating and building the graph, and the process's peak resident \
            memory: the load benchmark (Tests/Benchmarks/load_benchmark.py) reads it.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("Run configuration (YAML) whose policy and limits to apply.", valueName: "file"))
    var config: String?

    @Flag(help: "Print load statistics as JSON on standard output (for benchmarks).")
    var stats = false

    func run() async throws {
        let logger = data.bootstrapLogging()
        do {
            let configuration = try RunConfiguration.load(path: config).applying(.init(lenient: data.lenient))
            let dataset = try Pipeline(logger: logger).load(
                dataFolder: data.dataFolder, policy: configuration.policy, limits: configuration.limits)
            if stats {
                try printStats(dataset)
                return
            }
            Diagnostics.print(dataset.report)
            for row in dataset.report.setAside {
                Diagnostics.standardError("set aside: \(row.file):\(row.line): \(row.reason)")
            }
            print(
                "contextd: dataset valid: \(dataset.graph.entities.count) entities, \(dataset.graph.links.count) links, "
                    + "\(dataset.graph.events.count) events, \(dataset.graph.actions.count) actions; "
                    + "\(dataset.report.warningCount) warnings, \(dataset.report.setAside.count) rows set aside")
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }

    private struct Stats: Encodable {
        let entities: Int
        let links: Int
        let bytes: Int
        let warnings: Int
        let timings: LoadTimings
        let peakRSSBytes: Int
    }

    private func printStats(_ dataset: LoadedDataset) throws {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let stats = Stats(
            entities: dataset.graph.entities.count, links: dataset.graph.links.count,
            bytes: dataset.report.files.reduce(0) { $0 + $1.bytes }, warnings: dataset.report.warningCount,
            timings: dataset.timings, peakRSSBytes: Int(usage.ru_maxrss) * 1024)
        print(String(decoding: try ReportEncoding.compactJSON(stats), as: UTF8.self))
    }
}
