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

        func get(_ path: String, host: String = "127.0.0.1", headers: [String: String] = [:]) throws
            -> LoopbackHTTP.Response
        {
            try LoopbackHTTP.request("GET", path, port: port, host: host, headers: headers)
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

    static func json(_ response: LoopbackHTTP.Response) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]) ?? [:]
    }

    /// Issue 12 item 1: a reload to loopback without a token, or one disabling the API, while bound
    /// to a non-loopback address with a token, is refused whole; the token check stays.
    @Test func reloadNeverDropsTheTokenOfTheBoundListener() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write("0123456789abcdef-token\n", to: scratch + "/token")
            chmod(scratch + "/token", 0o600)
            let bound = Self.config(watch: false).replacingOccurrences(
                of: "status: {listen: 127.0.0.1, port: 0, port_file: port}",
                with: "status: {listen: 127.0.0.2, port: 0, port_file: port, token_file: token}")
            try Self.write(bound, to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let host = "127.0.0.2"
            let bearer = ["Authorization": "Bearer 0123456789abcdef-token"]
            #expect(try server.get("/status", host: host).status == 401)
            #expect(try server.get("/status", host: host, headers: bearer).status == 200)
            for (index, replacement) in [
                "status: {listen: 127.0.0.1, port: 0, port_file: port}",
                "status: {enabled: false, listen: 127.0.0.1, port: 0, port_file: port}",
                "status: {listen: 127.0.0.2, port: 0, port_file: port}",
            ].enumerated() {
                try Self.write(
                    Self.config(watch: false).replacingOccurrences(
                        of: "status: {listen: 127.0.0.1, port: 0, port_file: port}", with: replacement),
                    to: scratch + "/service.yaml")
                server.signal(SIGHUP)
                try Self.waitUntil("refusal \(index + 1)") {
                    server.logText.components(separatedBy: "configuration refused").count == index + 2
                }
                for path in ["/status", "/metrics", "/readyz"] {
                    #expect(try server.get(path, host: host).status == 401, "\(path) after reload \(index + 1)")
                }
                #expect(try LoopbackHTTP.request("POST", "/runs", port: server.port, host: host).status == 401)
            }
            #expect(server.logText.contains("status.listen"))
            #expect(server.logText.contains("status.token_file"))
            // The scheme in any case; the refusals counted.
            let metrics = try server.get(
                "/metrics", host: host, headers: ["Authorization": "bEaReR 0123456789abcdef-token"])
            #expect(metrics.status == 200)
            #expect(metrics.body.contains(#"contextd_config_reloads_total{outcome="refused"} 3"#))
            #expect(metrics.body.contains(#"contextd_config_reloads_total{outcome="applied"} 0"#))
            // A reload that leaves the listener alone is applied.
            try Self.write(
                bound.replacingOccurrences(of: "keep_runs: 2", with: "keep_runs: 3"), to: scratch + "/service.yaml")
            server.signal(SIGHUP)
            try Self.waitUntil("the reload") { server.logText.contains("configuration reloaded") }
            #expect(try server.get("/status", host: host).status == 401)
            #expect(!server.logText.contains("0123456789abcdef-token"))
            #expect(try server.stop() == 0)
        }
    }

    /// Issue 12 item 13: 405 with Allow, HEAD as GET without a body, every counter from zero,
    /// build and process metrics.
    @Test func methodsHeadAndMetricsFromZero() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(Self.config(watch: false), to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let head = try LoopbackHTTP.request("HEAD", "/healthz", port: server.port)
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.headers.lowercased().contains("content-length: 3"))
            #expect(try LoopbackHTTP.request("HEAD", "/status", port: server.port).body.isEmpty)
            let post = try LoopbackHTTP.request("POST", "/healthz", port: server.port)
            #expect(post.status == 405 && post.headers.lowercased().contains("allow: get, head"))
            let getRuns = try LoopbackHTTP.request("GET", "/runs", port: server.port)
            #expect(getRuns.status == 405 && getRuns.headers.lowercased().contains("allow: post"))
            #expect(try LoopbackHTTP.request("DELETE", "/status", port: server.port).status == 405)
            #expect(try server.get("/nowhere").status == 404)
            let metrics = try server.get("/metrics").body
            for line in [
                #"contextd_run_failures_total{dataset="tiny",outcome="failed"} 0"#,
                #"contextd_run_failures_total{dataset="tiny",outcome="rejected"} 0"#,
                #"contextd_runs_total{dataset="tiny",kind="board",outcome="succeeded"} 0"#,
                #"contextd_config_reloads_total{outcome="applied"} 0"#,
                #"contextd_config_reloads_total{outcome="refused"} 0"#,
                #"contextd_run_retries_total{dataset="tiny"} 0"#,
                #"contextd_build_info{version="0.1.0"} 1"#,
                #"contextd_http_connections_closed_total{reason="cap"} 0"#,
                "process_resident_memory_bytes ", "process_open_fds ", "process_cpu_seconds_total ",
                "process_start_time_seconds ", "process_max_fds ",
            ] {
                #expect(metrics.contains(line), "\(line)")
            }
            let started = metrics.split(separator: "\n").first { $0.hasPrefix("process_start_time_seconds ") }
            let seconds = started.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
            #expect(abs(seconds - Date().timeIntervalSince1970) < 600)
            #expect(try server.stop() == 0)
        }
    }

    /// Issue 12 item 8: 4,200 idle loopback connections (more than the unit's 4,096 descriptors)
    /// with the default cap of 256: `/healthz` and `POST /runs` still answer; a client that never
    /// finishes its request head is closed after the header timeout.
    @Test func idleConnectionFloodLeavesHealthzAndRunsAnswering() throws {
        #expect(LoopbackHTTP.raiseOpenFileLimit(to: 10_000) >= 4_400)
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(
                Self.config(watch: false).replacingOccurrences(
                    of: "port_file: port}",
                    with: "port_file: port, max_connections: 256, header_timeout_seconds: 2, idle_timeout_seconds: 5}"),
                to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let clock = ContinuousClock()
            let floodStart = clock.now
            let idle = LoopbackHTTP.openIdle(4_200, port: server.port)
            defer { LoopbackHTTP.closeAll(idle) }
            let opened = clock.now - floodStart
            #expect(idle.count == 4_200)
            var latencies: [Duration] = []
            for _ in 0..<20 {
                let start = clock.now
                // The first may sit in the kernel's full accept queue while the burst is absorbed
                // (several seconds in a debug build with the whole suite running).
                let health = try LoopbackHTTP.request("GET", "/healthz", port: server.port, timeout: 15)
                latencies.append(clock.now - start)
                #expect(health.status == 200)
            }
            let first = latencies[0]  // queued behind the burst while the server absorbs it
            latencies.sort()
            let worst = latencies[latencies.count - 1]
            let median = latencies[latencies.count / 2]
            let start = clock.now
            #expect(try LoopbackHTTP.request("POST", "/runs", port: server.port, timeout: 5).status == 202)
            let post = clock.now - start
            let metrics = try server.get("/metrics").body
            let open = Self.metric(metrics, "contextd_http_connections")
            let evicted = Self.metric(metrics, #"contextd_http_connections_closed_total{reason="cap"}"#)
            let fds = Self.metric(metrics, "process_open_fds")
            print(
                "flood: 4200 idle connections opened in \(opened); /healthz of 20: first \(first), median \(median), "
                    + "worst \(worst); "
                    + "POST /runs: \(post); "
                    + "server connections \(open), closed at the cap \(evicted), open fds \(fds)")
            // Before issue 12 these timed out. The first may wait while the burst is absorbed: with
            // the accept queue (4,096) full its SYN is dropped and sent again after 1 s, then 3 s.
            #expect(worst < .seconds(15) && median < .milliseconds(500) && post < .seconds(1))
            #expect(open <= 256 + 32 && fds < 500)
            #expect(evicted > 0)

            // A request head never finished: closed after the header timeout (2 s).
            let fd = LoopbackHTTP.openIdle(1, port: server.port)[0]
            defer { close(fd) }
            usleep(100_000)
            let partial = Array("GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
            _ = send(fd, partial, partial.count, 0)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            var time = timeval(tv_sec: 8, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            let waitStart = clock.now
            var byte: UInt8 = 0
            let received = recv(fd, &byte, 1, 0)
            let closedAfter = clock.now - waitStart
            print("partial head closed after \(closedAfter) (recv \(received))")
            #expect(received <= 0 && closedAfter < .seconds(6))
            #expect(try server.stop() == 0)
        }
    }

    static func metric(_ text: String, _ name: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1)) ?? -1
        }
        return -1
    }

    /// Issue 12 item 3: a slow writer appends a row to events.csv every 0.25 s for 10 s (quiet 1 s)
    /// while a POST /runs and a queued run wait: no run folder, and so no `latest`, ever holds
    /// outputs of the half-copied file (each manifest's events.csv is the file before or after).
    @Test func slowWriterIsNeverPublishedHalfCopied() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(
                Self.config().replacingOccurrences(of: "quiet_seconds: 0.3", with: "quiet_seconds: 1")
                    .replacingOccurrences(of: "keep_runs: 2", with: "keep_runs: 100"),
                to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let out = scratch + "/out"
            try Self.waitUntil("the first run") { Self.latest(out) != nil }
            let events = scratch + "/data/events.csv"
            let before = try Data(contentsOf: URL(fileURLWithPath: events)).count
            let row = Data("2024-08-03,sighting,C-1,L-1,\n".utf8)
            let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: events))
            var posted: [String] = []
            var sawWaiting = false
            for index in 0..<40 {
                try writer.seekToEnd()
                try writer.write(contentsOf: row)
                if index == 4 || index == 12 {
                    let kind = index == 4 ? "run" : "schools"
                    let response = try LoopbackHTTP.request("POST", "/runs?kind=\(kind)", port: server.port)
                    #expect(response.status == 202)
                    posted.append(Self.json(response)["run_id"] as? String ?? "")
                }
                if index > 12, let queue = try? server.status()["queue"] as? [[String: Any]] {
                    sawWaiting = sawWaiting || queue.contains { $0["waiting_for"] as? String == "quiet" }
                }
                usleep(250_000)
            }
            try writer.close()
            let after = try Data(contentsOf: URL(fileURLWithPath: events)).count
            #expect(sawWaiting)
            try Self.waitUntil("the posted runs and the watched one") {
                let status = try server.status()
                let runs = status["recent_runs"] as? [[String: Any]] ?? []
                let done = posted.allSatisfy { id in runs.contains { $0["run_id"] as? String == id } }
                return done && (status["queue"] as? [Any])?.isEmpty == true && status["running"] == nil
            }
            var rowsSeen: [Int] = []
            for run in try FileManager.default.contentsOfDirectory(atPath: out + "/runs") {
                let manifest = try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: out + "/runs/" + run + "/manifest.json")))
                let inputs = (manifest as? [String: Any])?["inputs"] as? [[String: Any]] ?? []
                let input = inputs.first { $0["name"] as? String == "events.csv" }
                let bytes = input?["bytes"] as? Int ?? -1
                rowsSeen.append(input?["rows"] as? Int ?? -1)
                #expect(bytes == before || bytes == after, "run \(run) read events.csv at \(bytes) bytes")
            }
            let latest = try String(contentsOfFile: out + "/latest/manifest.json", encoding: .utf8)
            #expect(latest.contains(#""rows" : 42"#))
            let outcomes = (try server.status()["recent_runs"] as? [[String: Any]] ?? []).compactMap {
                $0["outcome"] as? String
            }
            print("slow writer: run folders' events.csv rows \(rowsSeen.sorted()); outcomes \(outcomes)")
            #expect(try server.stop() == 0)
        }
    }

    /// Issue 12 item 15: the files' snapshot is saved only with a completed run, so a service
    /// stopped during its first run runs again on the same data at the next start.
    @Test func firstRunStoppedRunsAgainAtTheNextStart() throws {
        try withTemporaryDirectory { scratch in
            let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Samples/borough").path
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(
                Self.config().replacingOccurrences(of: "data: data", with: "data: \(samples)"),
                to: scratch + "/service.yaml")
            for start in 1...2 {
                try? FileManager.default.removeItem(atPath: scratch + "/port")
                let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
                try server.waitForPort()
                try Self.waitUntil("watched run \(start) to start") {
                    let running = try server.status()["running"] as? [String: Any]
                    return running?["trigger"] as? String == "watch"
                }
                #expect(try server.stop() == 0)
                #expect(!FileManager.default.fileExists(atPath: scratch + "/out/.contextd-state/watch.json"))
                #expect(Self.latest(scratch + "/out") == nil)
            }
        }
    }

    /// Issue 12 item 3, the ready marker: a writer that pauses longer than the quiet time halfway
    /// (so the quiet period alone would let a run read half the rows) publishes nothing until it
    /// touches the marker after the last row.
    @Test func readyMarkerHoldsRunsUntilTheDeliveryIsComplete() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(
                Self.config().replacingOccurrences(of: "quiet_seconds: 0.3", with: "quiet_seconds: 1")
                    .replacingOccurrences(of: "out: out,", with: "out: out, ready_marker: .ready,")
                    .replacingOccurrences(of: "keep_runs: 2", with: "keep_runs: 100"),
                to: scratch + "/service.yaml")
            let marker = scratch + "/data/.ready"
            try Self.write("", to: marker)
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let out = scratch + "/out"
            try Self.waitUntil("the first run") { Self.latest(out) != nil }
            let first = Self.latest(out)
            let events = scratch + "/data/events.csv"
            let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: events))
            let row = Data("2024-08-03,sighting,C-1,L-1,\n".utf8)
            for index in 0..<20 {
                try writer.seekToEnd()
                try writer.write(contentsOf: row)
                if index == 2 {
                    #expect(try LoopbackHTTP.request("POST", "/runs", port: server.port).status == 202)
                }
                usleep(index == 9 ? 2_000_000 : 100_000)  // a pause longer than the quiet time
            }
            try writer.close()
            usleep(1_500_000)
            // Still for longer than the quiet time, but the marker is older than the data.
            let queue = try server.status()["queue"] as? [[String: Any]] ?? []
            #expect(queue.contains { $0["waiting_for"] as? String == "ready_marker" }, "\(queue)")
            #expect(Self.latest(out) == first)
            try Self.write("", to: marker)
            try Self.waitUntil("the run after the marker") { Self.latest(out) != first }
            let manifest = try String(contentsOfFile: out + "/latest/manifest.json", encoding: .utf8)
            #expect(manifest.contains(#""rows" : 22"#))
            #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/runs").count == 2)
            #expect(try server.stop() == 0)
        }
    }

    /// Issue 12 item 3, the check after the read: the data changes while a run on the sample is in
    /// progress; that run is not published (outcome `requeued`) and the run queued again reads the
    /// final file.
    @Test func aRunWhoseDataChangedDuringTheRunIsRequeuedUnpublished() throws {
        try withTemporaryDirectory { scratch in
            let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Samples/borough").path
            try FileManager.default.copyItem(atPath: samples, toPath: scratch + "/data")
            try Self.write("as_of: 2024-09-30\n", to: scratch + "/run.yaml")
            try Self.write(Self.config(watch: false), to: scratch + "/service.yaml")
            let server = try Server(config: scratch + "/service.yaml", scratch: scratch)
            try server.waitForPort()
            let posted = try LoopbackHTTP.request("POST", "/runs", port: server.port)
            #expect(posted.status == 202)
            let runID = try #require(Self.json(posted)["run_id"] as? String)
            try Self.waitUntil("the run to start") { try server.status()["running"] is [String: Any] }
            let events = scratch + "/data/events.csv"
            let text = try String(contentsOfFile: events, encoding: .utf8)
            let last = text.split(separator: "\n").last ?? ""
            try Self.write(text + last + "\n", to: events)
            let rows = text.split(separator: "\n").count  // header + rows, so rows + 1 after the append
            try Self.waitUntil("the run queued again to succeed", timeout: .seconds(600)) {
                let runs = try server.status()["recent_runs"] as? [[String: Any]] ?? []
                return runs.first?["outcome"] as? String == "succeeded"
            }
            let runs = try server.status()["recent_runs"] as? [[String: Any]] ?? []
            let requeued = runs.first { $0["run_id"] as? String == runID }
            #expect(requeued?["outcome"] as? String == "requeued")
            #expect((requeued?["reason"] as? String)?.contains("events.csv") == true)
            #expect(!FileManager.default.fileExists(atPath: scratch + "/out/runs/" + runID))
            let manifest = try String(contentsOfFile: scratch + "/out/latest/manifest.json", encoding: .utf8)
            #expect(manifest.contains(#""rows" : \#(rows)"#))
            let metrics = try server.get("/metrics").body
            #expect(metrics.contains(#"contextd_runs_total{dataset="tiny",kind="run",outcome="requeued"} 1"#))
            #expect(try server.stop() == 0)
        }
    }
}
