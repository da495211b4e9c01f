import ContextPipeline
import Foundation
public import Logging
import ServiceLifecycle
import UnixSignals

/// `contextd serve`: one `ServiceGroup` of four services, shut down gracefully on SIGTERM or
/// SIGINT (in reverse order: configuration reloads stop, then the watchers and the scheduler,
/// then the run coordinator, which abandons a run in progress, then the status API), with
/// SIGHUP reloading the configuration.
public struct Daemon: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger

    public init(configuration: ServiceConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until SIGTERM or SIGINT; returns when everything has stopped cleanly.
    public func run() async throws {
        let metrics = ServiceMetrics()
        metrics.prepare(datasets: configuration.datasets.map(\.name))
        let store = StateStore(logger: logger)
        let coordinator = RunCoordinator(configuration: configuration, metrics: metrics, store: store, logger: logger)
        let (configurations, continuation) = AsyncStream.makeStream(
            of: ServiceConfiguration.self, bufferingPolicy: .bufferingNewest(1))
        continuation.yield(configuration)
        // Trapped before any service starts, so a SIGHUP sent once the service says it is ready
        // is never the default "terminate".
        let hangups = await UnixSignalsSequence(trapping: .sighup)

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if configuration.status.enabled {
            services.append(
                .init(
                    service: StatusAPI.application(
                        configuration.status, coordinator: coordinator, metrics: metrics,
                        logger: Logger(label: "contextd.status")),
                    serviceName: "status"))
        }
        services.append(.init(service: ClosureService { await coordinator.runLoop() }, serviceName: "runs"))
        services.append(
            .init(
                service: TriggerService(
                    configurations: configurations, coordinator: coordinator, store: store, logger: logger),
                serviceName: "triggers"))
        services.append(
            .init(
                service: ReloadService(
                    path: configuration.file, hangups: hangups, coordinator: coordinator,
                    configurations: continuation, metrics: metrics, logger: logger),
                serviceName: "reload"))
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice(
            "service starting",
            metadata: [
                "datasets": "\(configuration.datasets.count)", "jobs": "\(configuration.jobs.count)",
                "timezone": "\(configuration.timeZone.identifier)",
            ])
        try await group.run()
        logger.notice("service stopped")
    }
}

/// Runs the watchers and the scheduler for the configuration in force, and starts them afresh
/// with each configuration reloaded.
struct TriggerService: Service {
    let configurations: AsyncStream<ServiceConfiguration>
    let coordinator: RunCoordinator
    let store: StateStore
    let logger: Logger

    func run() async throws {
        var current: Task<Void, Never>?
        for await configuration in configurations.cancelOnGracefulShutdown() {
            current?.cancel()
            await current?.value
            // Task-locals (the graceful shutdown manager among them) are inherited.
            current = Task { await triggers(for: configuration) }
        }
        current?.cancel()
        await current?.value
    }

    private func triggers(for configuration: ServiceConfiguration) async {
        await withTaskGroup(of: Void.self) { group in
            for dataset in configuration.datasets where dataset.watch {
                let watcher = FolderWatcher(
                    dataset: dataset.name, folder: dataset.dataFolder,
                    quiet: .milliseconds(Int64(configuration.quietSeconds * 1000)),
                    mode: configuration.watchMode, pollInterval: .milliseconds(Int64(configuration.pollSeconds * 1000)),
                    logger: logger)
                group.addTask {
                    // The files of the last completed run (written by the coordinator with the run,
                    // never before it: a service stopped during a run runs again on the same files).
                    let lastRun = await store.read(FolderSnapshot.self, "watch.json", in: dataset.stateFolder)
                    let quiet = Duration.milliseconds(Int64(configuration.quietSeconds * 1000))
                    await watcher.run(lastRun: lastRun) { snapshot in
                        await coordinator.noteStill(dataset: dataset.name, snapshot, since: .now - quiet)
                        do {
                            _ = try await coordinator.submit(
                                RunCoordinator.Request(dataset: dataset.name, kind: .run, trigger: "watch"))
                        } catch {
                            logger.error(
                                "run not queued", metadata: ["dataset": "\(dataset.name)", "error": "\(error)"])
                        }
                    }
                }
            }
            if !configuration.jobs.isEmpty {
                let scheduler = JobScheduler(
                    configuration: configuration, coordinator: coordinator, store: store, logger: logger)
                group.addTask { await scheduler.run() }
            }
        }
    }
}

/// Reloads the configuration on SIGHUP. A configuration that cannot be used is refused, with the
/// reason logged (file, line, column, key), and the one in force stays.
///
/// The status listener is not rebound: a configuration that changes `status.enabled`, `listen`,
/// `port`, `token_file` (or the token in it), `port_file` or the connection limits is refused
/// whole, those keys named in the log, so that the socket bound and the access rules checked on it
/// always come from one configuration (issue 12: a reload to loopback without a token had dropped
/// the token check while the old non-loopback listener kept running). Restart to change them.
struct ReloadService: Service {
    let path: String
    let hangups: UnixSignalsSequence
    let coordinator: RunCoordinator
    let configurations: AsyncStream<ServiceConfiguration>.Continuation
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            let old = await coordinator.configuration
            switch Self.decide(old: old, loading: { () throws(ConfigurationError) in try .load(path: path) }) {
            case .apply(let configuration):
                metrics.prepare(datasets: configuration.datasets.map(\.name))
                await coordinator.update(configuration)
                configurations.yield(configuration)
                metrics.reload(outcome: "applied")
                logger.notice(
                    "configuration reloaded",
                    metadata: ["datasets": "\(configuration.datasets.count)", "jobs": "\(configuration.jobs.count)"])
            case .refuse(let reason):
                metrics.reload(outcome: "refused")
                logger.error(
                    "configuration refused; the previous one stays in force", metadata: ["reason": "\(reason)"])
            }
        }
    }

    enum Decision {
        case apply(ServiceConfiguration)
        case refuse(String)
    }

    /// Whether a reloaded configuration is applied: refused if it cannot be read, or if it changes
    /// the status listener or its access rules.
    static func decide(
        old: ServiceConfiguration, loading: () throws(ConfigurationError) -> ServiceConfiguration
    ) -> Decision {
        let configuration: ServiceConfiguration
        do {
            configuration = try loading()
        } catch {
            return .refuse(error.description)
        }
        let changed = old.status.listenerChanges(to: configuration.status)
        guard changed.isEmpty else {
            return .refuse(
                "\(changed.joined(separator: ", ")) changed: the status listener and its token are not changed by a "
                    + "reload (restart contextd to apply them)")
        }
        return .apply(configuration)
    }
}
