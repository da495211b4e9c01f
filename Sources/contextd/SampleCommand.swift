import ArgumentParser
import ContextSample

struct SampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a deterministic, entirely fictional dataset for trying contextd out.",
        discussion: """
            The dataset is shaped like an English local authority: wards, primary and secondary \
            schools, peer friendships clustered by school and ward, a MACE cohort of about 1-3% \
            of young people, perpetrators, groups, locations of every category, and events. The \
            same --entities and --seed always give byte-identical files. No real person or place \
            is described.
            """)

    @Option(help: "Number of entity rows (at least 20; scales to 1,000,000 and more).")
    var entities: Int

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("out"), help: ArgumentHelp("Folder to write the CSV files into.", valueName: "dir"))
    var outputFolder: String

    func validate() throws {
        guard entities >= 20 else { throw ValidationError("--entities must be at least 20") }
    }

    func run() async throws {
        do {
            let summary = try SampleWorld(entities: entities, seed: seed).write(to: outputFolder)
            let rows = ["entities.csv", "links.csv", "events.csv", "actions.csv"].map {
                "\(summary.rows(in: $0)) \($0)"
            }
            print("contextd: wrote a fictional sample to \(outputFolder): \(rows.joined(separator: ", "))")
        } catch {
            throw ExitStatus.exitCode(for: error)
        }
    }
}
