import ContextIngest
import ContextModel
import ContextPipeline
import ContextReports
import Foundation
import Logging
import ServiceLifecycle

/// Runs the queued runs one at a time, each into its own folder, and switches `latest` only after
/// a complete, successful run; keeps what `/status` shows.
///
/// One run at a time for the whole service, by design: runs are CPU-bound, the target machine
/// has two cores, and it makes "two jobs never write the same output at once" hold without
/// further locking (``OutputTransaction``'s `flock` still guards each folder against other
/// processes). A request equal to one already waiting (same dataset and kind) is not queued
/// twice. On graceful shutdown the current run is abandoned (cancelled; its folder removed,
/// `latest` untouched) and queued runs are dropped.
///
/// Whatever the trigger (watch, schedule, `POST /runs`, retry), a run starts only once its
/// dataset's files have been still for the quiet time (and its ready marker, if configured, is
/// newer than the data): the queue's first such run goes first. After the read, the files are
/// compared with what the run started on and what it read (``ReadCheck``); any change abandons
/// the run unpublished and queues it again. A run that fails is retried with a bounded
/// exponential backoff (``RetryPolicy``). The snapshot of the files of the last completed run
/// (`watch.json`) is saved with it, never before, so a run cut short runs again at the next start.
actor RunCoordinator {
    /// Delays between a failed run and its retries: `base`, doubled after each failure, at most
    /// `cap`; `maxAttempts` runs in all (the first included), then it waits for the next trigger.
    struct RetryPolicy: Sendable {
        var base: Duration = .seconds(10)
        var cap: Duration = .seconds(600)
        var maxAttempts = 8

        /// The delay after the `failures`-th failure (1-based).
        func delay(afterFailure failures: Int) -> Duration {
            var delay = base
            for _ in 1..<max(failures, 1) {
                delay = delay * 2
                if delay >= cap { return cap }
            }
            return min(delay, cap)
        }
    }

    private struct RetryState {
        var kind: ServiceConfiguration.JobKind
        var dataset: String
        var attempts: Int
        var nextAt: Date?
        var reason: String?
        var task: Task<Void, Never>?
    }

    struct Request: Sendable {
        var dataset: String
        var kind: ServiceConfiguration.JobKind
        /// `watch`, `schedule`, `missed`, `api`.
        var trigger: String
        var job: String?
        /// When a scheduled job fired (a board summary covers the month before).
        var firedAt: Date?
    }

    private struct Queued: Sendable {
        let runID: String
        let request: Request
        let queuedAt: Date
    }

    private(set) var configuration: ServiceConfiguration
    private var configurationLoadedAt = Date()
    private var queue: [Queued] = []
    private var running: ServiceStatus.Run?
    private var recent: [ServiceStatus.Run] = []
    private var validations: [String: ServiceStatus.Validation] = [:]
    private var lastSuccess: [String: Date] = [:]
    private var jobTimes: [String: (next: Date?, last: Date?)] = [:]
    private var ready = false
    private var recentDropped = 0
    /// Per dataset: the snapshot seen last and since when it has been the same.
    private var stillness: [String: (snapshot: FolderSnapshot, since: ContinuousClock.Instant)] = [:]
    /// Queued run id to what it waits for (`quiet`, `ready_marker`).
    private var waitingFor: [String: String] = [:]
    private var retries: [String: RetryState] = [:]
    let retryPolicy: RetryPolicy
    /// How often the queue looks again at datasets that are not quiet yet.
    let quietPoll: Duration
    private let startedAt = Date()
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let executor = RunQueueExecutor()
    let metrics: ServiceMetrics
    let store: StateStore
    let logger: Logger

    init(
        configuration: ServiceConfiguration, metrics: ServiceMetrics, store: StateStore, logger: Logger,
        retryPolicy: RetryPolicy = RetryPolicy(), quietPoll: Duration = .milliseconds(200)
    ) {
        self.configuration = configuration
        self.retryPolicy = retryPolicy
        self.quietPoll = quietPoll
        self.metrics = metrics
        self.store = store
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func update(_ configuration: ServiceConfiguration) {
        self.configuration = configuration
        configurationLoadedAt = Date()
    }

    func noteSchedule(job: String, next: Date?, last: Date?) {
        jobTimes[job] = (next, last)
    }

    /// The watcher saw a dataset's files still since `since`: a run triggered now need not wait
    /// for the quiet time again.
    func noteStill(dataset: String, _ snapshot: FolderSnapshot, since: ContinuousClock.Instant) {
        if let seen = stillness[dataset], seen.snapshot == snapshot, seen.since <= since { return }
        stillness[dataset] = (snapshot, since)
    }

    /// Queues a run and returns its id (the id of the equal request already waiting, if any).
    ///
    /// - Throws: ``ServiceError`` `unknownDataset`.
    func submit(_ request: Request) throws(ServiceError) -> String {
        guard configuration.dataset(named: request.dataset) != nil else {
            throw ServiceError(.unknownDataset, "no dataset named '\(request.dataset)' in the configuration")
        }
        if let waiting = queue.first(where: { $0.request.dataset == request.dataset && $0.request.kind == request.kind }
        ) {
            return waiting.runID
        }
        let runID = RunFolders.newRunID()
        queue.append(Queued(runID: runID, request: request, queuedAt: Date()))
        metrics.queueDepth(queue.count)
        logger.info(
            "run queued",
            metadata: [
                "run.id": "\(runID)", "dataset": "\(request.dataset)", "run.kind": "\(request.kind.rawValue)",
                "run.trigger": "\(request.trigger)", "job": "\(request.job ?? "-")", "queue.depth": "\(queue.count)",
            ])
        wake.yield()
        return runID
    }

    /// Runs queued runs until graceful shutdown.
    func runLoop() async {
        for dataset in configuration.datasets {
            let removed = RunFolders(root: dataset.outputFolder).prune(keep: configuration.keepRuns)
            if removed > 0 {
                logger.info(
                    "old or incomplete run folders removed",
                    metadata: ["dataset": "\(dataset.name)", "runs.removed": "\(removed)"])
            }
        }
        ready = true
        for await _ in wakeups.cancelOnGracefulShutdown() {
            while !Task.isShuttingDownGracefully, !queue.isEmpty {
                guard let (index, snapshot) = nextStartable() else {
                    await FolderWatcher.sleep(until: .now + quietPoll)
                    continue
                }
                let next = queue.remove(at: index)
                waitingFor[next.runID] = nil
                metrics.queueDepth(queue.count)
                await execute(next, snapshot: snapshot)
            }
        }
        ready = false
        for state in retries.values { state.task?.cancel() }
        if !queue.isEmpty {
            logger.notice("queued runs dropped at shutdown", metadata: ["runs.dropped": "\(queue.count)"])
            queue.removeAll()
        }
    }

    /// The first queued run whose dataset is ready (quiet, ready marker), with the snapshot of the
    /// files it starts on; `nil` if none is (each waiting run notes what it waits for).
    private func nextStartable() -> (Int, FolderSnapshot)? {
        let now = ContinuousClock.now
        var seen: [String: ReadCheck.Readiness] = [:]
        for (index, item) in queue.enumerated() {
            guard let dataset = configuration.dataset(named: item.request.dataset) else {
                return (index, FolderSnapshot(files: [], folderExists: false))  // execute drops it
            }
            let readiness = seen[dataset.name] ?? readiness(of: dataset, at: now)
            seen[dataset.name] = readiness
            switch readiness {
            case .ready(let snapshot): return (index, snapshot)
            case .waiting(let reason): waitingFor[item.runID] = reason
            }
        }
        return nil
    }

    private func readiness(of dataset: ServiceConfiguration.Dataset, at now: ContinuousClock.Instant)
        -> ReadCheck.Readiness
    {
        let current = FolderSnapshot.take(dataset.dataFolder)
        if stillness[dataset.name]?.snapshot != current { stillness[dataset.name] = (current, now) }
        let since = stillness[dataset.name]?.since ?? now
        return ReadCheck.readiness(
            current, stillFor: now - since, quiet: .milliseconds(Int64(configuration.quietSeconds * 1000)),
            marker: dataset.readyMarker,
            markerModified: dataset.readyMarker.flatMap { ReadCheck.markerModified($0, in: dataset.dataFolder) })
    }

    private func execute(_ item: Queued, snapshot: FolderSnapshot) async {
        let request = item.request
        guard let dataset = configuration.dataset(named: request.dataset) else { return }
        let folders = RunFolders(root: dataset.outputFolder)
        let startDate = Date()
        var record = ServiceStatus.Run(
            runID: item.runID, dataset: dataset.name, kind: request.kind.rawValue, trigger: request.trigger,
            job: request.job, outcome: "running", queuedAt: ServiceStatus.iso(item.queuedAt),
            startedAt: ServiceStatus.iso(startDate))
        running = record
        var runLogger = logger
        runLogger[metadataKey: "run.id"] = "\(item.runID)"
        runLogger[metadataKey: "dataset"] = "\(dataset.name)"
        runLogger.info(
            "run started", metadata: ["run.kind": "\(request.kind.rawValue)", "run.trigger": "\(request.trigger)"])

        // The run writes into a new folder each time; its state (pseudonym key, map cache) stays in
        // the dataset's state folder, not inside the run's folder, unless `state.folder` says.
        var runConfiguration = configuration.runConfiguration
        if runConfiguration.state.folder == nil { runConfiguration.state.folder = dataset.stateFolder }
        var runRequest = RunRequest(
            dataFolder: dataset.dataFolder, outputFolder: folders.folder(of: item.runID),
            configuration: runConfiguration, configurationFile: configuration.runConfigurationFile)
        runRequest.previousOutputFolder = folders.previousOutputFolder()
        let pipeline = Pipeline(logger: runLogger)
        let period =
            request.kind == .board
            ? JobWork.Period.previousMonth(of: request.firedAt ?? startDate, in: configuration.timeZone) : nil
        let kind = request.kind
        let clock = ContinuousClock()
        let start = clock.now
        let reportsFolder = dataset.outputFolder + "/reports"
        let work = Task(executorPreference: executor) {
            try await JobWork.perform(
                kind, request: runRequest, period: period, reportsFolder: reportsFolder, pipeline: pipeline)
        }
        let result = await withGracefulShutdownHandler {
            await work.result
        } onGracefulShutdown: {
            work.cancel()
        }
        let seconds = (clock.now - start).seconds
        record.seconds = (seconds * 1000).rounded() / 1000

        // What the run read, compared with the files it started on and with the files now.
        var changed: [String] = []
        if !Task.isShuttingDownGracefully {
            let inputs: [InputFileSummary]
            switch result {
            case .success(.run(let run)): inputs = run.report.files
            case .success(.report(let report, _)): inputs = report.report.files
            case .failure(let error as IngestError): inputs = error.report?.files ?? []
            case .failure: inputs = []
            }
            let folder = dataset.dataFolder
            changed = ReadCheck.changes(
                before: snapshot, after: FolderSnapshot.take(folder), inputs: inputs,
                hash: { ReadCheck.sha256(ofFileAt: folder + "/" + $0) })
        }

        switch result {
        case _ where !changed.isEmpty:
            record.outcome = "requeued"
            record.reason =
                "data changed while it was read (\(changed.joined(separator: ", "))): nothing published; "
                + "queued again after the quiet period"
            folders.remove(item.runID)
        case .success(.report(let report, let folder)) where !Task.isShuttingDownGracefully:
            // A report (the board summary) is written into the run's folder, then moved into place
            // under reports/; `latest` stays.
            await writeValidation(report.report, dataset: dataset)
            record.warnings = report.report.warningCount
            record.errors = 0
            do throws(ServiceError) {
                try JobWork.publish(
                    folders.folder(of: item.runID), as: dataset.outputFolder + "/" + folder, runID: item.runID)
                record.outcome = "succeeded"
                record.output = folder
                runLogger.info("report written", metadata: ["report.folder": "\(folder)"])
            } catch {
                record.outcome = "failed"
                record.reason = error.description
                folders.remove(item.runID)
            }
            keepValidation(report.report, runID: item.runID, dataset: dataset)
        case .success(.run(let run)) where !Task.isShuttingDownGracefully:
            // The report is written first; then, with no suspension point in between (so /status
            // and `latest` agree), `latest` is switched and the record kept.
            await writeValidation(run.report, dataset: dataset)
            record.entities = run.manifest.counts.entities
            record.links = run.manifest.counts.links
            record.warnings = run.report.warningCount
            record.errors = 0
            do throws(ServiceError) {
                try folders.switchLatest(to: item.runID)
                record.outcome = "succeeded"
                record.output = "runs/" + item.runID
                lastSuccess[dataset.name] = Date()
                metrics.succeeded(
                    dataset: dataset.name, entities: run.manifest.counts.entities, links: run.manifest.counts.links,
                    stages: run.manifest.stages.map { ($0.name, $0.seconds) }, at: Date().timeIntervalSince1970)
                let removed = folders.prune(keep: configuration.keepRuns)
                runLogger.info("latest switched", metadata: ["runs.removed": "\(removed)"])
                var stages: Logger.Metadata = [:]
                for stage in run.manifest.stages {
                    stages["stage.\(stage.name).seconds"] = "\((stage.seconds * 1000).rounded() / 1000)"
                }
                runLogger.info("run stages", metadata: stages)
            } catch {
                record.outcome = "failed"
                record.reason = error.description
                folders.remove(item.runID)
            }
            keepValidation(run.report, runID: item.runID, dataset: dataset)
        case .success:
            record.outcome = "abandoned"
            folders.remove(item.runID)
        case .failure(let error as IngestError) where error.code == .dataRejected:
            record.outcome = "rejected"
            record.reason = ServiceStatus.redactQuoted(error.description)
            folders.remove(item.runID)
            if let report = error.report {
                record.errors = report.errors.count
                record.warnings = report.warningCount
                await writeValidation(report, dataset: dataset)
                keepValidation(report, runID: item.runID, dataset: dataset)
            }
        case .failure(let error):
            record.outcome = error is CancellationError || Task.isShuttingDownGracefully ? "abandoned" : "failed"
            if record.outcome == "failed" { record.reason = ServiceStatus.redactQuoted("\(error)") }
            folders.remove(item.runID)
        }
        switch record.outcome {
        case "requeued":
            stillness[dataset.name] = nil  // the quiet time counts again from now
            _ = try? submit(request)
        case "succeeded", "rejected":
            // A completed run: a retry of this dataset and kind is no longer wanted.
            let key = Self.retryKey(dataset.name, kind)
            retries[key]?.task?.cancel()
            retries[key] = nil
        case "failed":
            scheduleRetry(request, reason: record.reason)
        default:
            break
        }
        running = nil
        recent.insert(record, at: 0)
        if recent.count > 50 {
            recentDropped += recent.count - 50
            recent.removeLast(recent.count - 50)
        }
        metrics.runFinished(dataset: dataset.name, kind: kind.rawValue, outcome: record.outcome, seconds: seconds)
        var metadata: Logger.Metadata = [
            "run.outcome": "\(record.outcome)", "run.seconds": "\(record.seconds ?? 0)",
            "entities": "\(record.entities ?? 0)", "links": "\(record.links ?? 0)",
            "warnings": "\(record.warnings ?? 0)", "errors": "\(record.errors ?? 0)",
        ]
        if let reason = record.reason { metadata["reason"] = "\(reason)" }
        if record.outcome == "succeeded" || record.outcome == "abandoned" || record.outcome == "requeued" {
            runLogger.notice("run finished", metadata: metadata)
        } else {
            runLogger.error("run finished", metadata: metadata)
        }

        if record.outcome == "succeeded" || record.outcome == "rejected", kind != .board {
            // A completed run: its files are the watcher's "last run" from now on.
            await store.write(snapshot, "watch.json", in: dataset.stateFolder)
        }
    }

    private static func retryKey(_ dataset: String, _ kind: ServiceConfiguration.JobKind) -> String {
        dataset + "\u{0}" + kind.rawValue
    }

    /// Queues a failed run again after its backoff, unless it has failed `maxAttempts` times.
    private func scheduleRetry(_ request: Request, reason: String?) {
        let key = Self.retryKey(request.dataset, request.kind)
        var state =
            retries[key] ?? RetryState(kind: request.kind, dataset: request.dataset, attempts: 0, nextAt: nil)
        state.attempts += 1
        state.reason = reason
        state.task?.cancel()
        state.task = nil
        guard state.attempts < retryPolicy.maxAttempts else {
            state.nextAt = nil
            retries[key] = state
            logger.error(
                "run failed too often; not retried until the next change, job or POST /runs",
                metadata: [
                    "dataset": "\(request.dataset)", "run.kind": "\(request.kind.rawValue)",
                    "run.attempts": "\(state.attempts)",
                ])
            return
        }
        let delay = retryPolicy.delay(afterFailure: state.attempts)
        state.nextAt = Date().addingTimeInterval(delay.seconds)
        var retry = request
        retry.trigger = "retry"
        state.task = Task {
            await FolderWatcher.sleep(until: .now + delay)
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { return }
            await self.retryDue(key, retry)
        }
        retries[key] = state
        logger.notice(
            "run will be retried",
            metadata: [
                "dataset": "\(request.dataset)", "run.kind": "\(request.kind.rawValue)",
                "run.attempts": "\(state.attempts)", "retry.seconds": "\(delay.seconds)",
            ])
    }

    private func retryDue(_ key: String, _ request: Request) async {
        guard retries[key]?.nextAt != nil else { return }
        retries[key]?.nextAt = nil
        retries[key]?.task = nil
        metrics.retried(dataset: request.dataset)
        _ = try? submit(request)
    }

    /// Keeps a run's validation report in `/status` (redacted) and in the metrics (counts).
    private func keepValidation(_ report: ValidationReport, runID: String, dataset: ServiceConfiguration.Dataset) {
        let all = report.errors.count + report.warningCount
        let problems = (report.errors + report.warnings).prefix(50).map(ServiceStatus.redacted)
        validations[dataset.name] = ServiceStatus.Validation(
            runID: runID, errors: report.errors.count, warnings: report.warningCount, problems: Array(problems),
            problemsMore: all - problems.count)
        metrics.validation(dataset: dataset.name, errors: report.errors.count, warnings: report.warningCount)
    }

    /// Writes a run's validation report, in full, to the state folder (owner-only files).
    private func writeValidation(_ report: ValidationReport, dataset: ServiceConfiguration.Dataset) async {
        let text = (report.errors + report.warnings).map { $0.description + "\n" }.joined()
        do {
            let json = try ReportEncoding.compactJSON(report)
            try await store.write(
                files: [("validation.json", json), ("validation.txt", Array(text.utf8))], in: dataset.stateFolder)
        } catch {
            logger.error(
                "validation report not written", metadata: ["dataset": "\(dataset.name)", "error": "\(error)"])
        }
    }

    var isReady: Bool { ready }

    func status() -> ServiceStatus {
        let queued = queue.map {
            ServiceStatus.Run(
                runID: $0.runID, dataset: $0.request.dataset, kind: $0.request.kind.rawValue,
                trigger: $0.request.trigger, job: $0.request.job, outcome: "queued",
                waitingFor: waitingFor[$0.runID], queuedAt: ServiceStatus.iso($0.queuedAt))
        }
        return ServiceStatus(
            version: Pipeline.toolVersion, startedAt: ServiceStatus.iso(startedAt),
            configurationLoadedAt: ServiceStatus.iso(configurationLoadedAt),
            timezone: configuration.timeZone.identifier, ready: ready, running: running, queue: queued,
            recentRuns: recent, recentRunsMore: recentDropped,
            datasets: configuration.datasets.map { dataset in
                ServiceStatus.Dataset(
                    name: dataset.name, watch: dataset.watch,
                    latestRun: RunFolders(root: dataset.outputFolder).latestRunID(),
                    lastSuccessAt: lastSuccess[dataset.name].map(ServiceStatus.iso),
                    validation: validations[dataset.name],
                    retries: retries.values.filter { $0.dataset == dataset.name }.map {
                        ServiceStatus.Retry(
                            kind: $0.kind.rawValue, attempts: $0.attempts, maxAttempts: retryPolicy.maxAttempts,
                            nextAt: $0.nextAt.map(ServiceStatus.iso), reason: $0.reason)
                    }.sorted { $0.kind < $1.kind })
            },
            jobs: configuration.jobs.map {
                ServiceStatus.Job(
                    name: $0.name, cron: $0.schedule.expression, kind: $0.kind.rawValue, dataset: $0.dataset,
                    nextRun: jobTimes[$0.name]?.next.map(ServiceStatus.iso),
                    lastRun: jobTimes[$0.name]?.last.map(ServiceStatus.iso))
            })
    }
}
