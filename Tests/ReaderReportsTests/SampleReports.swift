import ContextIngest
import ContextModel
import ContextPipeline
import ContextReports
import ContextTestSupport
import Foundation
import Logging

/// The reader reports made once from the shipped sample (`Samples/borough`, as of 2024-09-30)
/// on a fresh state folder: `contextd run`, then `report board --period 2024-Q3`, then
/// `report schools`, as the README shows them.
struct SampleReports: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    let output: String
    let runHistoryNote: String
    let boardHistoryNote: String
    /// `schools.json` as the first run (fresh state folder) wrote it.
    let firstSchoolsJSON: String
    /// Output files by name.
    let files: [String: [UInt8]]
    /// Every person's id, label and date of birth in the sample (children and everyone else).
    let personIDs: Set<String>
    let personLabels: Set<String>
    let childDatesOfBirth: Set<String>

    static let shared = Task { try await SampleReports.make() }

    static func make() async throws -> SampleReports {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contextd-reader-reports-\(ProcessInfo.processInfo.processIdentifier)"
        ).path
        try? FileManager.default.removeItem(atPath: output)
        let config = try RunConfiguration.load(path: root + "/Config/contextd.yaml")
        let request = RunRequest(
            dataFolder: root + "/Samples/borough", outputFolder: output, configuration: config,
            configurationFile: nil)
        let pipeline = Pipeline(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let run = try await pipeline.run(request)
        let firstSchools = try String(contentsOfFile: output + "/schools.json", encoding: .utf8)
        guard let quarter = BoardPeriod("2024-Q3") else { throw CocoaError(.formatting) }
        let board = try await pipeline.report(.board(quarter), request: request)
        _ = try await pipeline.report(.schools, request: request)
        var files: [String: [UInt8]] = [:]
        for name in [
            "board.json", "board.html", "schools.json", "schools.csv", "disruption.json", "disruption.md",
            "network.json", "manifest.json",
        ] {
            files[name] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output + "/" + name)))
        }
        let dataset = try pipeline.load(dataFolder: root + "/Samples/borough", policy: .strict)
        var ids = Set<String>(), labels = Set<String>(), dobs = Set<String>()
        for v in 0..<dataset.graph.entities.count where dataset.graph.entities.kinds[v].isPerson {
            ids.insert(dataset.graph.entities.ids[v])
            if let label = dataset.personal.labels[v]?.revealed { labels.insert(label) }
            let dob = dataset.personal.datesOfBirth.revealed[v]
            if dob != Day.noneRaw, dataset.graph.entities.kinds[v].isYoungPerson {
                dobs.insert(Day(rawValue: dob).description)
            }
        }
        return SampleReports(
            output: output, runHistoryNote: run.history, boardHistoryNote: board.history,
            firstSchoolsJSON: firstSchools, files: files,
            personIDs: ids, personLabels: labels, childDatesOfBirth: dobs)
    }

    func text(_ name: String) -> String { String(decoding: files[name] ?? [], as: UTF8.self) }
}
