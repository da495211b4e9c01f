import Dispatch
import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Watches one dataset folder and calls `onStill` each time its files have changed and then stayed
/// unchanged for the quiet time (see ``QuietPeriod``).
///
/// On Linux it waits on inotify (through Glibc: no package in the offline set wraps it), so an
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
        let events = mode == .poll ? nil : InotifyEvents(folder: folder)
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

/// inotify events on one folder, delivered as an `AsyncStream` of "something changed" (events
/// are merged: the watcher takes a fresh snapshot anyway).
///
/// `@unchecked Sendable`: its state is immutable after `init`; the dispatch source is only
/// cancelled (`stop`), which Dispatch documents as thread-safe, and the descriptor is read only
/// on the source's queue and closed in its cancel handler.
final class InotifyEvents: @unchecked Sendable {
    let stream: AsyncStream<Void>
    private let descriptor: Int32
    private let folder: String
    private let source: any DispatchSourceRead

    init?(folder: String) {
        #if os(Linux)
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            descriptor = fd
            self.folder = folder
            let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            self.stream = stream
            let source = DispatchSource.makeReadSource(
                fileDescriptor: fd, queue: DispatchQueue(label: "contextd.watch"))
            source.setEventHandler {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
                continuation.yield()
            }
            source.setCancelHandler {
                continuation.finish()
                close(fd)
            }
            self.source = source
            source.resume()
            guard ensureWatch() else {
                source.cancel()
                return nil
            }
        #else
            return nil
        #endif
    }

    /// (Re)adds the watch on the folder; `inotify_add_watch` on a folder already watched is a no-op,
    /// and a folder replaced since gets a new watch. `false` if the folder cannot be watched.
    @discardableResult
    func ensureWatch() -> Bool {
        #if os(Linux)
            let mask =
                IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                | IN_DELETE_SELF | IN_MOVE_SELF
            return inotify_add_watch(descriptor, folder, UInt32(mask)) >= 0
        #else
            return false
        #endif
    }

    func stop() { source.cancel() }
}
