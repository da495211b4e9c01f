import ContextIngest
import ContextModel
import ContextPipeline
import ContextTestSupport
import Foundation
import InMemoryLogging
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@testable import ContextService

/// The service's logs on the shipped sample (4,000 entities): run id, stages, counts and durations,
/// and not one label, date of birth, note or entity id from the data.
@Suite(.serialized)
struct ServiceLogPrivacyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Every personal value and id in the sample, read through the real loader.
    static func secrets(of folder: String) throws -> (values: [String], ids: Set<String>) {
        let dataset = try DatasetLoader(policy: .strict).load(folder: folder)
        var values: [String] = []
        values += dataset.personal.labels.compactMap { $0?.revealed }
        values += dataset.personal.eventNotes.compactMap { $0?.revealed }
        values += dataset.personal.actionNotes.compactMap { $0?.revealed }
        values += dataset.personal.datesOfBirth.revealed.filter { $0 != Day.noneRaw }.map {
            Day(rawValue: $0).description
        }
        let ids = Set((0..<dataset.graph.entities.count).map { dataset.graph.id(of: EntityIndex(rawValue: Int32($0))) })
        return (values.filter { $0.count >= 3 }, ids)
    }

    @Test func logsOfARunOnTheSampleCarryNoPersonalDataOrIds() async throws {
        let data = Self.root + "/Samples/borough"
        let (values, ids) = try Self.secrets(of: data)
        #expect(values.count > 1000 && ids.count == 4000)
        try await withTemporaryDirectory { scratch in
            let yaml = """
                run_config: \(Self.root)/Config/contextd.yaml
                datasets:
                  - {name: borough, data: \(data), out: \(scratch)/out}
                quiet_seconds: 0.5
                jobs:
                  - {name: board, cron: "0 6 1 * *", kind: board}
                """
            var configuration = try ServiceConfiguration.parse(yaml: yaml, file: scratch + "/service.yaml")
            configuration.runConfiguration = try RunConfiguration.load(path: Self.root + "/Config/contextd.yaml")
            let handler = InMemoryLogHandler()
            var logger = Logger(label: "contextd.service") { _ in handler }
            logger.logLevel = .trace
            let coordinator = RunCoordinator(
                configuration: configuration, metrics: ServiceMetrics(), store: StateStore(logger: logger),
                logger: logger)
            try await testGracefulShutdown { trigger in
                let loop = Task { await coordinator.runLoop() }
                let runID = try await coordinator.submit(.init(dataset: "borough", kind: .run, trigger: "api"))
                let boardID = try await coordinator.submit(
                    .init(
                        dataset: "borough", kind: .board, trigger: "schedule", job: "board",
                        firedAt: Date(timeIntervalSince1970: 1_727_773_200)))  // 1 October 2024 10:00 BST
                let deadline = ContinuousClock.now + .seconds(600)
                while await coordinator.status().recentRuns.count < 2, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                }
                trigger.triggerGracefulShutdown()
                await loop.value
                let status = await coordinator.status()
                let run = status.recentRuns.first { $0.runID == runID }
                #expect(run?.outcome == "succeeded" && run?.entities == 4000 && run?.output == "runs/" + runID)
                #expect(status.datasets.first?.latestRun == runID)
                #expect(FileManager.default.fileExists(atPath: scratch + "/out/latest/network.json"))
                #expect(FileManager.default.fileExists(atPath: scratch + "/out/latest/schools.json"))
                // The board job: September 2024's summary, beside the runs; `latest` stays.
                let board = status.recentRuns.first { $0.runID == boardID }
                #expect(board?.outcome == "succeeded" && board?.output == "reports/board-2024-09")
                #expect(FileManager.default.fileExists(atPath: scratch + "/out/reports/board-2024-09/board.html"))
            }
            let entries = handler.entries
            #expect(entries.contains { "\($0.message)" == "run finished" && $0.metadata["run.id"] != nil })
            #expect(entries.contains { $0.metadata["report.period"] != nil })
            for entry in entries {
                let text = "\(entry.message) \(entry.metadata)"
                for value in values where text.contains(value) {
                    Issue.record("log entry leaks a personal value: \(entry.message)")
                }
                let tokens = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
                for token in tokens where ids.contains(String(token)) {
                    Issue.record("log entry names entity id '\(token)': \(entry.message)")
                }
            }
        }
    }
}
