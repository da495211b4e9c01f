import ContextIngest
import ContextModel
import ContextPipeline
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
actor RunCoordinator {
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
    private let startedAt = Date()
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let executor = RunQueueExecutor()
    let metrics: ServiceMetrics
    let store: StateStore
    let logger: Logger

    init(configuration: ServiceConfiguration, metrics: ServiceMetrics, store: StateStore, logger: Logger) {
        self.configuration = configuration
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
                let next = queue.removeFirst()
                metrics.queueDepth(queue.count)
                await execute(next)
            }
        }
        ready = false
        if !queue.isEmpty {
            logger.notice("queued runs dropped at shutdown", metadata: ["runs.dropped": "\(queue.count)"])
            queue.removeAll()
        }
    }

    private func execute(_ item: Queued) async {
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
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        record.seconds = (seconds * 1000).rounded() / 1000

        switch result {
        case .success(.report(let report, let folder)):
            // A report (the board summary) is written in place by the pipeline; `latest` stays.
            await writeValidation(report.report, dataset: dataset)
            record.outcome = "succeeded"
            record.output = folder
            record.warnings = report.report.warnings.count
            record.errors = 0
            folders.remove(item.runID)
            runLogger.info("report written", metadata: ["report.folder": "\(folder)"])
            keepValidation(report.report, runID: item.runID, dataset: dataset)
        case .success(.run(let run)) where !Task.isShuttingDownGracefully:
            // The report is written first; then, with no suspension point in between (so /status
            // and `latest` agree), `latest` is switched and the record kept.
            await writeValidation(run.report, dataset: dataset)
            record.entities = run.manifest.counts.entities
            record.links = run.manifest.counts.links
            record.warnings = run.report.warnings.count
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
                record.warnings = report.warnings.count
                await writeValidation(report, dataset: dataset)
                keepValidation(report, runID: item.runID, dataset: dataset)
            }
        case .failure(let error):
            record.outcome = error is CancellationError || Task.isShuttingDownGracefully ? "abandoned" : "failed"
            if record.outcome == "failed" { record.reason = ServiceStatus.redactQuoted("\(error)") }
            folders.remove(item.runID)
        }
        running = nil
        recent.insert(record, at: 0)
        if recent.count > 50 { recent.removeLast(recent.count - 50) }
        metrics.runFinished(dataset: dataset.name, kind: kind.rawValue, outcome: record.outcome, seconds: seconds)
        var metadata: Logger.Metadata = [
            "run.outcome": "\(record.outcome)", "run.seconds": "\(record.seconds ?? 0)",
            "entities": "\(record.entities ?? 0)", "links": "\(record.links ?? 0)",
            "warnings": "\(record.warnings ?? 0)", "errors": "\(record.errors ?? 0)",
        ]
        if let reason = record.reason { metadata["reason"] = "\(reason)" }
        if record.outcome == "succeeded" || record.outcome == "abandoned" {
            runLogger.notice("run finished", metadata: metadata)
        } else {
            runLogger.error("run finished", metadata: metadata)
        }
    }

    /// Keeps a run's validation report in `/status` (redacted) and in the metrics (counts).
    private func keepValidation(_ report: ValidationReport, runID: String, dataset: ServiceConfiguration.Dataset) {
        let problems = (report.errors + report.warnings).prefix(50).map(ServiceStatus.redacted)
        validations[dataset.name] = ServiceStatus.Validation(
            runID: runID, errors: report.errors.count, warnings: report.warnings.count, problems: Array(problems))
        metrics.validation(dataset: dataset.name, errors: report.errors.count, warnings: report.warnings.count)
    }

    /// Writes a run's validation report, in full, to the state folder (owner-only files).
    private func writeValidation(_ report: ValidationReport, dataset: ServiceConfiguration.Dataset) async {
        let text = (report.errors + report.warnings).map { $0.description + "\n" }.joined()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            let json = [UInt8](try encoder.encode(report))
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
                queuedAt: ServiceStatus.iso($0.queuedAt))
        }
        return ServiceStatus(
            version: Pipeline.toolVersion, startedAt: ServiceStatus.iso(startedAt),
            configurationLoadedAt: ServiceStatus.iso(configurationLoadedAt),
            timezone: configuration.timeZone.identifier, ready: ready, running: running, queue: queued,
            recentRuns: recent,
            datasets: configuration.datasets.map {
                ServiceStatus.Dataset(
                    name: $0.name, watch: $0.watch, latestRun: RunFolders(root: $0.outputFolder).latestRunID(),
                    lastSuccessAt: lastSuccess[$0.name].map(ServiceStatus.iso), validation: validations[$0.name])
            },
            jobs: configuration.jobs.map {
                ServiceStatus.Job(
                    name: $0.name, cron: $0.schedule.expression, kind: $0.kind.rawValue, dataset: $0.dataset,
                    nextRun: jobTimes[$0.name]?.next.map(ServiceStatus.iso),
                    lastRun: jobTimes[$0.name]?.last.map(ServiceStatus.iso))
            })
    }
}
