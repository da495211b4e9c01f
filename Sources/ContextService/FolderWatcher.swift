import ContextFiles
import Logging
import ServiceLifecycle

/// Watches one dataset folder and calls `onStill` each time its files have changed and then stayed
/// unchanged for the quiet time (see ``QuietPeriod``).
///
/// On Linux it waits on inotify (``ContextFiles/FolderEvents``), so an
/// idle folder costs no wake-ups; where inotify cannot be set up (another OS, a file system
/// without it, the limit of watches reached) or `watch.mode` is `poll`, it takes a snapshot every
/// `pollSeconds`. Either way the decision rests on snapshots, so a missed or merged event
/// cannot make it read a file half-way.
struct FolderWatcher: Sendable {
    let dataset: String
    let folder: String
    let quiet: Duration
    let mode: ServiceConfiguration.WatchMode
    let pollInterval: Duration
    let logger: Logger

    func run(lastRun: FolderSnapshot?, onStill: @Sendable (FolderSnapshot) async -> Void) async {
        var machine = QuietPeriod<ContinuousClock.Instant>(quiet: quiet, lastRun: lastRun)
        let events = mode == .poll ? nil : FolderEvents(folder: folder)
        if mode == .inotify && events == nil {
            logger.warning("inotify unavailable; polling instead", metadata: ["dataset": "\(dataset)"])
        }
        logger.info(
            "watching dataset folder",
            metadata: ["dataset": "\(dataset)", "watch.mode": "\(events == nil ? "poll" : "inotify")"])
        defer { events?.stop() }
        var changes = events?.stream.cancelOnGracefulShutdown().makeAsyncIterator()
        let clock = ContinuousClock()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let watching = events?.ensureWatch() ?? false
            switch machine.observe(FolderSnapshot.take(folder), at: clock.now) {
            case .run(let snapshot):
                await onStill(snapshot)
            case .wait(let until):
                await Self.sleep(until: until)
            case .idle:
                if watching, changes != nil {
                    // Wakes on the next change, on cancellation (a reload) or on graceful shutdown.
                    _ = await changes?.next()
                } else {
                    await Self.sleep(until: clock.now.advanced(by: pollInterval))
                }
            }
        }
    }

    /// Sleeps until `deadline`, or less if the task is cancelled or the service shuts down.
    static func sleep(until deadline: ContinuousClock.Instant) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(until: deadline, clock: .continuous) }
    }
}
