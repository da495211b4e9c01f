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

/// Issue 12's service items, in process: redaction, reload decisions, the read check, retries,
/// bearer parsing, metrics from zero and process metrics.
struct ServiceHardeningTests {
    // MARK: Redaction (item 6)

    @Test(arguments: [
        "Kian O'Dwyer-Smith", "O'Brien's", "'", "''", "a'b'c'd", #"back\slash"#, #"say "hi""#, "Zoë Åström",
        "名前'テスト", "x; expected ';'-separated values from: SECRET", "'; first defined on line 1", "\u{202E}evil",
    ])
    func redactionHidesEveryQuotedValue(id: String) {
        let templates: [(String) -> String] = [
            { "target '\($0)' is not the id of any entity in entities.csv" },
            { "duplicate id '\($0)'; first defined on line 2" },
            { "child '\($0)' has no links" },
            { "unknown exploitation '\($0)'; expected ';'-separated values from: cse, cce, missing" },
            { "source '\($0)' refers to an entity whose row has errors (entities.csv line 3)" },
        ]
        for template in templates {
            let redacted = ServiceStatus.redactQuoted(template(id))
            if id.contains("SECRET") {
                // A value holding the template's own tail: over-redacted, never shown.
                #expect(
                    !redacted.contains("SECRET")
                        && redacted.hasPrefix(String(template("").prefix(while: { $0 != "'" }))))
            } else {
                #expect(redacted == template("…"), "\(redacted)")
            }
        }
    }

    @Test func redactionOfTheLoadersRealMessagesForApostropheIds() throws {
        try withTemporaryDirectory { folder in
            let ids = ["Kian O'Dwyer-Smith", "D'Arcy \"Dee\" O\\Neil", "Zoë O'Ñuñez"]
            var entities = "id,kind\n"
            for id in ids { entities += "\"\(id.replacingOccurrences(of: "\"", with: "\"\""))\",child\n" }
            entities += "\"\(ids[0])\",child\n"  // duplicate id
            var links = "source,target,kind\n"
            for id in ids {
                links += "\"\(id.replacingOccurrences(of: "\"", with: "\"\""))\",Nobody's Mate,associate\n"
            }
            try Data(entities.utf8).write(to: URL(fileURLWithPath: folder + "/entities.csv"))
            try Data(links.utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
            var report: ValidationReport?
            do {
                _ = try DatasetLoader(policy: .strict).load(folder: folder)
            } catch let error as IngestError {
                report = error.report
            }
            let problems = try #require(report).errors + (report?.warnings ?? [])
            #expect(problems.count >= 4)
            for problem in problems {
                let redacted = ServiceStatus.redacted(problem)
                for secret in ["Kian", "Dwyer", "Smith", "Arcy", "Dee", "Neil", "Zoë", "Ñuñez", "Nobody", "Mate"] {
                    #expect(!redacted.contains(secret), "\(redacted)")
                }
            }
        }
    }

    // MARK: Reload (item 1)

    static func configuration(_ status: String) throws -> ServiceConfiguration {
        try ServiceConfiguration.parse(
            yaml: "datasets:\n  - {name: a, data: d, out: o}\nstatus: \(status)\n", file: "/tmp/service.yaml")
    }

    @Test func reloadChangingTheListenerOrTokenIsRefusedWhole() throws {
        var old = try Self.configuration("{listen: 0.0.0.0, port: 9464, token_file: /t}")
        old.status.token = "0123456789abcdef-token"
        for status in [
            "{listen: 127.0.0.1, port: 9464}", "{enabled: false}", "{listen: 0.0.0.0, port: 9465, token_file: /t}",
            "{listen: 0.0.0.0, port: 9464, token_file: /other}",
        ] {
            let new = try Self.configuration(status)
            guard case .refuse(let reason) = ReloadService.decide(old: old, loading: { new }) else {
                Issue.record("\(status) was applied")
                continue
            }
            #expect(reason.contains("restart"))
            #expect(!reason.contains("0123456789abcdef"))
        }
        // The same listener and token, other settings changed: applied.
        var same = try Self.configuration("{listen: 0.0.0.0, port: 9464, token_file: /t}")
        same.status.token = old.status.token
        same.keepRuns = 3
        guard case .apply(let applied) = ReloadService.decide(old: old, loading: { same }) else {
            Issue.record("refused")
            return
        }
        #expect(applied.keepRuns == 3)
        // A new token in the same file: refused.
        var rotated = same
        rotated.status.token = "another-token-0123456789"
        guard case .refuse = ReloadService.decide(old: old, loading: { rotated }) else {
            Issue.record("a new token was applied")
            return
        }
    }

    // MARK: Bearer scheme (item 13)

    @Test func bearerSchemeIsCaseInsensitiveAndTheTokenExact() {
        let token = "0123456789abcdef-token"
        typealias Check = BearerAuthorization
        for header in ["Bearer " + token, "bearer " + token, "BEARER " + token, "bEaReR   " + token] {
            #expect(Check.authorizes(header, token: token), "\(header)")
        }
        for header in [nil, "", "Bearer", "Bearer ", "Basic " + token, "Bearer " + token + "x", "Bearertoken", token] {
            #expect(!Check.authorizes(header, token: token), "\(header ?? "nil")")
        }
    }

    // MARK: Metrics (item 13)

    @Test func everyCounterExistsFromZeroAndProcessMetricsAreRead() {
        let metrics = ServiceMetrics()
        metrics.prepare(datasets: ["north", "south"])
        let text = metrics.text()
        for line in [
            #"contextd_run_failures_total{dataset="south",outcome="failed"} 0"#,
            #"contextd_runs_total{dataset="north",kind="schools",outcome="requeued"} 0"#,
            #"contextd_config_reloads_total{outcome="refused"} 0"#,
            #"contextd_build_info{version="\#(Pipeline.toolVersion)"} 1"#,
        ] {
            #expect(text.contains(line), "\(line)")
        }
        let process = ProcessMetrics.read()
        #expect((process.residentBytes ?? 0) > 1_000_000)
        #expect((process.openFDs ?? 0) > 2)
        #expect(process.cpuSeconds != nil && process.startTimeSeconds != nil)
        let parsed = ProcessMetrics.parseStat(
            "42 (a (b) c) S 1 2 3 4 5 6 7 8 9 10 250 150 0 0 20 0 1 0 5000 1048576 300 18446744073709551615",
            ticksPerSecond: 100, pageBytes: 4096)
        #expect(parsed.cpuSeconds == 4 && parsed.startTicks == 5000)
        #expect(parsed.virtualBytes == 1_048_576 && parsed.residentBytes == 300 * 4096)
    }

    // MARK: Read check and ready marker (item 3)

    static func file(_ name: String, size: Int64, modified: Int64 = 100) -> FolderSnapshot.File {
        .init(name: name, size: size, modifiedSeconds: modified, modifiedNanoseconds: 0, inode: 7)
    }

    @Test func aRunWaitsForQuietAndForAReadyMarkerNewerThanTheData() {
        let snapshot = FolderSnapshot(
            files: [Self.file("entities.csv", size: 10, modified: 100), Self.file("READY", size: 0, modified: 90)],
            folderExists: true)
        #expect(
            ReadCheck.readiness(
                snapshot, stillFor: .milliseconds(500), quiet: .seconds(1), marker: nil, markerModified: nil)
                == .waiting("quiet"))
        #expect(
            ReadCheck.readiness(snapshot, stillFor: .seconds(1), quiet: .seconds(1), marker: nil, markerModified: nil)
                == .ready(snapshot))
        #expect(
            ReadCheck.readiness(
                snapshot, stillFor: .seconds(5), quiet: .seconds(1), marker: "READY", markerModified: nil)
                == .waiting("ready_marker"))
        #expect(
            ReadCheck.readiness(
                snapshot, stillFor: .seconds(5), quiet: .seconds(1), marker: "READY", markerModified: 90)
                == .waiting("ready_marker"))
        #expect(
            ReadCheck.readiness(
                snapshot, stillFor: .seconds(5), quiet: .seconds(1), marker: "READY", markerModified: 100)
                == .ready(snapshot))
    }

    static func input(bytes: Int, sha256: String) throws -> InputFileSummary {
        let json = #"{"name":"events.csv","bytes":\#(bytes),"sha256":"\#(sha256)","rows":1,"rowsUsed":1}"#
        return try JSONDecoder().decode(InputFileSummary.self, from: Data(json.utf8))
    }

    @Test func aChangeDuringTheReadIsFound() throws {
        let before = FolderSnapshot(files: [Self.file("events.csv", size: 40)], folderExists: true)
        let input = try Self.input(bytes: 40, sha256: "aa")
        #expect(ReadCheck.changes(before: before, after: before, inputs: [input], hash: { _ in "aa" }).isEmpty)
        // Appended after the quiet check, before the read: the loader read more than the snapshot.
        let read = try Self.input(bytes: 60, sha256: "bb")
        #expect(ReadCheck.changes(before: before, after: before, inputs: [read], hash: { _ in "bb" }) == ["events.csv"])
        // Changed during or after the read.
        let grown = FolderSnapshot(files: [Self.file("events.csv", size: 80, modified: 101)], folderExists: true)
        #expect(ReadCheck.changes(before: before, after: grown, inputs: [input], hash: { _ in "aa" }) == ["events.csv"])
        // Same size and time, other bytes: the hash tells.
        #expect(
            ReadCheck.changes(before: before, after: before, inputs: [input], hash: { _ in "cc" }) == ["events.csv"])
        // Another file appeared: counted, not named.
        let other = FolderSnapshot(
            files: [Self.file("events.csv", size: 40), Self.file("Kian O'Dwyer.csv", size: 1)], folderExists: true)
        #expect(
            ReadCheck.changes(before: before, after: other, inputs: [input], hash: { _ in "aa" }) == ["1 other file"])
    }

    @Test func readyMarkerConfiguration() throws {
        let yaml = "datasets:\n  - {name: a, data: d, out: o, ready_marker: .ready}\n"
        #expect(try ServiceConfiguration.parse(yaml: yaml, file: "/s.yaml").datasets[0].readyMarker == ".ready")
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.parse(yaml: yaml.replacingOccurrences(of: ".ready", with: "../x"), file: "/s.yaml")
        }
    }

    // MARK: Retries (item 8)

    @Test func retryDelaysDoubleUpToTheCap() {
        let policy = RunCoordinator.RetryPolicy(base: .seconds(10), cap: .seconds(60), maxAttempts: 8)
        #expect((1...6).map { policy.delay(afterFailure: $0) } == [10, 20, 40, 60, 60, 60].map { .seconds($0) })
    }

    @Test func aFailedRunIsRetriedWithBackoffVisibleInStatus() async throws {
        try await withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            // The output folder is a file: every run fails until it is removed.
            try Data("x".utf8).write(to: URL(fileURLWithPath: scratch + "/out"))
            var configuration = try ServiceConfiguration.parse(
                yaml: "datasets:\n  - {name: tiny, data: data, out: out, state_folder: state}\nquiet_seconds: 0\n",
                file: scratch + "/service.yaml")
            configuration.runConfiguration.asOf = Day(year: 2024, month: 9, day: 30)
            let logger = Logger(label: "test") { _ in InMemoryLogHandler() }
            let metrics = ServiceMetrics()
            metrics.prepare(datasets: ["tiny"])
            let coordinator = RunCoordinator(
                configuration: configuration, metrics: metrics, store: StateStore(logger: logger), logger: logger,
                retryPolicy: .init(base: .milliseconds(300), cap: .seconds(1), maxAttempts: 5),
                quietPoll: .milliseconds(50))
            try await testGracefulShutdown { trigger in
                let loop = Task { await coordinator.runLoop() }
                _ = try await coordinator.submit(.init(dataset: "tiny", kind: .run, trigger: "api"))
                var retry: ServiceStatus.Retry?
                let deadline = ContinuousClock.now + .seconds(120)
                while ContinuousClock.now < deadline {
                    retry = await coordinator.status().datasets.first?.retries.first
                    if (retry?.attempts ?? 0) >= 2 { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(retry?.attempts ?? 0 >= 2 && retry?.maxAttempts == 5 && retry?.kind == "run")
                #expect(retry?.reason != nil)
                try FileManager.default.removeItem(atPath: scratch + "/out")
                var status = await coordinator.status()
                while ContinuousClock.now < deadline, status.recentRuns.first?.outcome != "succeeded" {
                    try await Task.sleep(for: .milliseconds(50))
                    status = await coordinator.status()
                }
                #expect(status.recentRuns.first?.outcome == "succeeded")
                #expect(status.recentRuns.first?.trigger == "retry")
                #expect(status.datasets.first?.retries.isEmpty == true)
                #expect(status.recentRuns.dropFirst().allSatisfy { $0.outcome == "failed" })
                #expect(metrics.text().contains(#"contextd_run_retries_total{dataset="tiny"} "#))
                // The completed run saved its snapshot (the watcher's "last run").
                #expect(FileManager.default.fileExists(atPath: scratch + "/state/watch.json"))
                trigger.triggerGracefulShutdown()
                await loop.value
            }
        }
    }
}
