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

/// A service made of a closure (the coordinator's loop is an actor method).
struct ClosureService: Service {
    let body: @Sendable () async -> Void

    func run() async throws { await body() }
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
                    let lastRun = await store.read(FolderSnapshot.self, "watch.json", in: dataset.stateFolder)
                    await watcher.run(lastRun: lastRun) { snapshot in
                        await store.write(snapshot, "watch.json", in: dataset.stateFolder)
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
struct ReloadService: Service {
    let path: String
    let hangups: UnixSignalsSequence
    let coordinator: RunCoordinator
    let configurations: AsyncStream<ServiceConfiguration>.Continuation
    let metrics: ServiceMetrics
    let logger: Logger

    func run() async throws {
        for await _ in hangups.cancelOnGracefulShutdown() {
            do {
                let configuration = try ServiceConfiguration.load(path: path)
                let old = await coordinator.configuration
                if old.status.listen != configuration.status.listen || old.status.port != configuration.status.port
                    || old.status.enabled != configuration.status.enabled
                {
                    logger.notice("status.listen, status.port and status.enabled take effect at the next restart")
                }
                await coordinator.update(configuration)
                configurations.yield(configuration)
                metrics.reload(outcome: "applied")
                logger.notice(
                    "configuration reloaded",
                    metadata: ["datasets": "\(configuration.datasets.count)", "jobs": "\(configuration.jobs.count)"])
            } catch {
                metrics.reload(outcome: "refused")
                logger.error(
                    "configuration refused; the previous one stays in force", metadata: ["reason": "\(error)"])
            }
        }
    }
}
