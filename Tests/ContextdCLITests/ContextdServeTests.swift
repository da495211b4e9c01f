import ContextTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the real `contextd serve` on temporary configurations and folders: watching, runs,
/// rejected data, every endpoint over loopback, SIGHUP and SIGTERM. Every wait polls with a
/// deadline; nothing sleeps longer than a poll interval.
@Suite("contextd serve", .serialized)
struct ContextdServeTests {
    /// A running `contextd serve`, its log (standard error) in a file.
    final class Server {
        let process = Process()
        let log: String
        let portFile: String
        var port = 0

        init(config: String, scratch: String, arguments: [String] = []) throws {
            log = scratch + "/serve.log"
            portFile = scratch + "/port"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.executableURL = ContextdCLITests.binary
            process.arguments = ["serve", "--config", config] + arguments
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardOutput = FileHandle.nullDevice
            try process.run()
        }

        var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

        func waitForPort() throws {
            try waitUntil("the port file") {
                guard let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                    let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
                else { return false }
                port = value
                return true
            }
        }

        func get(_ path: String, headers: [String: String] = [:]) throws -> LoopbackHTTP.Response {
            try LoopbackHTTP.request("GET", path, port: port, headers: headers)
        }

        func status() throws -> [String: Any] {
            let response = try get("/status")
            return (try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]) ?? [:]
        }

        func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        /// Sends SIGTERM (or another signal) and waits (bounded) for the exit status.
        func stop(signal number: Int32 = SIGTERM) throws -> Int32 {
            signal(number)
            try waitUntil("the process to exit", timeout: .seconds(60)) { !process.isRunning }
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { process.terminate() }
        }
    }

    /// Polls `condition` every 50 ms until it holds, or fails after `timeout`.
    static func waitUntil(_ what: String, timeout: Duration = .seconds(120), _ condition: () throws -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? condition()) == true { return }
            usleep(50_000)
        }
        throw LoopbackHTTP.Failure(description: "timed out waiting for \(what)")
    }

    static func latest(_ out: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/latest")
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func config(port: Int = 0, watch: Bool = true, extra: String = "") -> String {
        """
        run_config: run.yaml
        datasets:
          - {name: tiny, data: data, out: out, watch: \(watch)}
        quiet_seconds: 0.3
        watch: {mode: auto, poll_seconds: 0.2}
        keep_runs: 2
        jobs:
          - {name: nightly, cron: "0 3 * * *", kind: run}
        status: {listen: 127.0.0.1, port: \(port), port_file: port}
        \(extra)
        """
    }

    @Test func servesWatchesRejectsReloadsAndStopsCleanly() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(Self.config(), to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let out = scratch + "/out"

            // Health, readiness.
            let health = try server.get("/healthz")
            #expect(health.status == 200 && health.body == "ok\n")
            try Self.waitUntil("ready") { try server.get("/readyz").status == 200 }

            // The first run (no outputs yet) and its folder behind `latest`.
            try Self.waitUntil("the first run") { Self.latest(out) != nil }
            let first = try #require(Self.latest(out))
            #expect(first.hasPrefix("runs/"))
            for file in ["manifest.json", "network.json", "people.csv", "maps/overview.svg"] {
                #expect(FileManager.default.fileExists(atPath: out + "/latest/" + file), "\(file)")
            }
            // The run's state (map cache, pseudonym key) is the dataset's, not inside the run's folder.
            #expect(FileManager.default.fileExists(atPath: out + "/.contextd-state/map-cache"))
            #expect(!FileManager.default.fileExists(atPath: out + "/latest/.contextd-state"))
            var status = try server.status()
            let firstRuns = status["recent_runs"] as? [[String: Any]] ?? []
            #expect(firstRuns.first?["outcome"] as? String == "succeeded")
            #expect(firstRuns.first?["trigger"] as? String == "watch")
            #expect(firstRuns.first?["entities"] as? Int == 10)
            let jobs = status["jobs"] as? [[String: Any]] ?? []
            #expect(jobs.first?["name"] as? String == "nightly" && jobs.first?["next_run"] is String)
            #expect(jobs.first?["last_run"] == nil)  // scheduled from now on, not yet fired

            // A data file changes: new outputs appear behind `latest`.
            let added = TinyDataset.links + "C-2,P-1,associate,2,2024-01-01,2024-09-01,education,2B\n"
            try Self.write(added, to: scratch + "/data/links.csv")
            try Self.waitUntil("a run on the changed data") { Self.latest(out) != nil && Self.latest(out) != first }
            let second = try #require(Self.latest(out))
            let manifest = try String(contentsOfFile: out + "/latest/manifest.json", encoding: .utf8)
            #expect(manifest.contains(#""links" : 12"#))

            // POST /runs queues a run; it becomes `latest`.
            let posted = try LoopbackHTTP.request("POST", "/runs?dataset=tiny", port: server.port)
            #expect(posted.status == 202)
            let runID = try #require(
                (try JSONSerialization.jsonObject(with: Data(posted.body.utf8)) as? [String: Any])?["run_id"] as? String
            )
            try Self.waitUntil("the posted run") { Self.latest(out) == "runs/" + runID }
            // A board job: last month's summary under reports/, `latest` untouched.
            let boardPost = try LoopbackHTTP.request("POST", "/runs?kind=board", port: server.port)
            #expect(boardPost.status == 202)
            let boardID = try #require(
                (try JSONSerialization.jsonObject(with: Data(boardPost.body.utf8)) as? [String: Any])?["run_id"]
                    as? String)
            try Self.waitUntil("the board report") {
                let runs = try server.status()["recent_runs"] as? [[String: Any]] ?? []
                return runs.contains { $0["run_id"] as? String == boardID && $0["outcome"] as? String == "succeeded" }
            }
            let boardRun = (try server.status()["recent_runs"] as? [[String: Any]] ?? []).first {
                $0["run_id"] as? String == boardID
            }
            let boardFolder = try #require(boardRun?["output"] as? String)
            #expect(boardFolder.hasPrefix("reports/board-"))
            #expect(FileManager.default.fileExists(atPath: out + "/" + boardFolder + "/board.json"))
            #expect(Self.latest(out) == "runs/" + runID)
            #expect(try LoopbackHTTP.request("POST", "/runs?dataset=nope", port: server.port).status == 404)
            #expect(try LoopbackHTTP.request("POST", "/runs?kind=bogus", port: server.port).status == 400)

            // Invalid data: the outputs behind `latest` stay, /status shows the errors.
            let kept = try Data(contentsOf: URL(fileURLWithPath: out + "/latest/network.json"))
            try Self.write(added + "C-1,NOPE,associate,,,,,\n", to: scratch + "/data/links.csv")
            try Self.waitUntil("the rejected run") {
                let runs = try server.status()["recent_runs"] as? [[String: Any]] ?? []
                return runs.first?["outcome"] as? String == "rejected"
            }
            #expect(Self.latest(out) == "runs/" + runID)
            #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/latest/network.json")) == kept)
            let statusResponse = try server.get("/status")
            #expect(!statusResponse.body.contains("NOPE"))
            #expect(statusResponse.headers.lowercased().contains("content-type: application/json"))
            status = try server.status()
            let dataset = (status["datasets"] as? [[String: Any]])?.first
            let validation = dataset?["validation"] as? [String: Any]
            #expect(validation?["errors"] as? Int == 1)
            #expect(
                (validation?["problems"] as? [String])?.first
                    == "links.csv:14:5: error: target '…' is not the id of any entity in entities.csv")
            #expect(dataset?["latest_run"] as? String == runID)
            let report = try String(contentsOfFile: out + "/.contextd-state/validation.txt", encoding: .utf8)
            #expect(report.contains("links.csv:14:5: error: target 'NOPE' is not the id of any entity"))
            var info = stat()
            #expect(stat(out + "/.contextd-state/validation.txt", &info) == 0 && info.st_mode & 0o777 == 0o600)

            // Past runs kept: keep_runs 2.
            let runs = try FileManager.default.contentsOfDirectory(atPath: out + "/runs")
            #expect(runs.count == 2 && runs.contains(runID) && !runs.contains(String(first.dropFirst(5))))
            _ = second

            // Metrics in Prometheus text format.
            let metrics = try server.get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.headers.contains("text/plain; version=0.0.4"))
            #expect(metrics.body.contains("# TYPE contextd_runs_total counter"))
            #expect(metrics.body.contains(#"contextd_runs_total{dataset="tiny",kind="run",outcome="succeeded"} 3"#))
            #expect(metrics.body.contains(#"contextd_runs_total{dataset="tiny",kind="run",outcome="rejected"} 1"#))
            #expect(metrics.body.contains(#"contextd_entities{dataset="tiny"} 10"#))
            #expect(metrics.body.contains(#"contextd_validation_errors{dataset="tiny"} 1"#))
            #expect(metrics.body.contains("contextd_last_success_timestamp_seconds"))
            #expect(metrics.body.contains("contextd_stage_duration_seconds{dataset=\"tiny\",stage=\"load\"}"))

            // SIGHUP with a broken configuration: refused, reason logged, the old one kept.
            try Self.write(Self.config() + "quiet_secs: 1\n", to: scratch + "/service.yaml")
            server.signal(SIGHUP)
            try Self.waitUntil("the refusal") { server.logText.contains("configuration refused") }
            #expect(server.logText.contains("key 'quiet_secs': unknown key"))
            #expect(try server.get("/healthz").status == 200)
            // SIGHUP with a good one: applied.
            try Self.write(
                Self.config().replacingOccurrences(of: "keep_runs: 2", with: "keep_runs: 3"),
                to: scratch + "/service.yaml")
            server.signal(SIGHUP)
            try Self.waitUntil("the reload") { server.logText.contains("configuration reloaded") }
            #expect(try server.get("/healthz").status == 200)

            // SIGTERM: clean exit 0.
            #expect(try server.stop() == 0)
            let log = server.logText
            #expect(log.contains("service stopped"))
            #expect(log.contains("run.id="))
            for secret in TinyDataset.personalMarkers + ["NOPE"] {
                #expect(!log.contains(secret), "the log leaks '\(secret)'")
            }
            #expect(
                !FileManager.default.fileExists(
                    atPath: out + "/runs/.contextd-staging-\(server.process.processIdentifier)"))
        }
    }

    @Test func tokenGuardsEveryEndpointButHealthzAndMissedJobsRunAtStartUp() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write("0123456789abcdef-token\n", to: scratch + "/token")
            chmod(scratch + "/token", 0o600)
            // The nightly job last fired three days ago: missed, so it runs once at start-up.
            try FileManager.default.createDirectory(
                atPath: scratch + "/out/.contextd-state", withIntermediateDirectories: true)
            let threeDaysAgo = Date().timeIntervalSince1970 - 3 * 86_400
            try Self.write(
                #"{"lastFired":{"nightly":\#(threeDaysAgo)}}"#, to: scratch + "/out/.contextd-state/jobs.json")
            try Self.write(
                Self.config(watch: false).replacingOccurrences(
                    of: "port_file: port}", with: "port_file: port, token_file: token}"),
                to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let bearer = ["Authorization": "Bearer 0123456789abcdef-token"]
            #expect(try server.get("/healthz").status == 200)
            for path in ["/readyz", "/status", "/metrics"] {
                #expect(try server.get(path).status == 401, "\(path)")
                #expect(try server.get(path, headers: ["Authorization": "Bearer wrong-token-0123456"]).status == 401)
            }
            #expect(try LoopbackHTTP.request("POST", "/runs", port: server.port).status == 401)
            #expect(try server.get("/metrics", headers: bearer).status == 200)
            try Self.waitUntil("the missed job's run") {
                let response = try server.get("/status", headers: bearer)
                let status = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
                let runs = status?["recent_runs"] as? [[String: Any]] ?? []
                return runs.first?["trigger"] as? String == "missed" && runs.first?["outcome"] as? String == "succeeded"
            }
            #expect(server.logText.contains("missed job runs once at start-up"))
            #expect(try server.stop() == 0)
        }
    }

    @Test func sigtermDuringARunAbandonsItAndExitsZero() throws {
        try withTemporaryDirectory { scratch in
            let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Samples/borough").path
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(
                Self.config(watch: false).replacingOccurrences(of: "data: data", with: "data: \(samples)"),
                to: scratch + "/service.yaml")
            let server = try Server(
                config: scratch + "/service.yaml", scratch: scratch, arguments: ["--log-format", "json"])
            try server.waitForPort()
            #expect(try LoopbackHTTP.request("POST", "/runs", port: server.port).status == 202)
            try Self.waitUntil("the run to start") { try server.status()["running"] is [String: Any] }
            // SIGINT (Ctrl-C) as SIGTERM: the run is abandoned, exit 0.
            #expect(try server.stop(signal: SIGINT) == 0)
            // Every log line is one JSON object; the run's carry its id.
            let lines = server.logText.split(separator: "\n")
            let objects = lines.compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            #expect(!lines.isEmpty && objects.count == lines.count)
            let finished = objects.first { $0["message"] as? String == "run finished" }
            #expect(finished?["run.outcome"] as? String == "abandoned")
            #expect((finished?["run.id"] as? String)?.isEmpty == false)
            #expect(Self.latest(scratch + "/out") == nil)
            let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch + "/out/runs")) ?? []
            #expect(left.isEmpty, "\(left)")
        }
    }

    @Test func configurationErrorsExit78() throws {
        try withTemporaryDirectory { scratch in
            try Self.write(
                "datasets:\n  - {name: a, data: d, out: o}\nstatus: {listen: 0.0.0.0}\n", to: scratch + "/service.yaml")
            let outcome = try ContextdCLITests().run(["serve", "--config", scratch + "/service.yaml"])
            #expect(outcome.status == 78)
            #expect(
                outcome.stderr.contains(
                    "key 'status.token_file': required when status.listen is not a loopback address"))
            let missing = try ContextdCLITests().run(["serve", "--config", scratch + "/none.yaml"])
            #expect(missing.status == 78)
        }
    }
}
