import ArgumentParser
import ContextIngest
import ContextModel
import ContextPipeline

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset against the format without writing anything.",
        discussion: """
            Prints every error and warning as FILE:LINE:COLUMN: SEVERITY: MESSAGE, with the same \
            rules and exit statuses as 'run' (65 when the dataset would be rejected).
            """)

    @OptionGroup var data: DataOptions

    func run() async throws {
        let logger = data.bootstrapLogging()
        do {
            let dataset = try Pipeline(logger: logger).load(
                dataFolder: data.dataFolder, policy: data.lenient ? .lenient : .strict)
            Diagnostics.print(dataset.report)
            for row in dataset.report.setAside {
                Diagnostics.standardError("set aside: \(row.file):\(row.line): \(row.reason)")
            }
            print(
                "contextd: dataset valid: \(dataset.graph.entities.count) entities, \(dataset.graph.links.count) links, "
                    + "\(dataset.graph.events.count) events, \(dataset.graph.actions.count) actions; "
                    + "\(dataset.report.warnings.count) warnings, \(dataset.report.setAside.count) rows set aside")
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
