import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// inotify events on one folder, delivered as an `AsyncStream` of "something changed" (events
/// are merged: the watcher takes a fresh snapshot anyway).
///
/// `@unchecked Sendable`: its state is immutable after `init`; the dispatch source is only
/// cancelled (`stop`), which Dispatch documents as thread-safe, and the descriptor is read only
/// on the source's queue and closed in its cancel handler.
public final class FolderEvents: @unchecked Sendable {
    /// One element per burst of changes; finishes after ``stop()``.
    public let stream: AsyncStream<Void>
    private let descriptor: Int32
    private let folder: String
    private let source: any DispatchSourceRead

    /// Starts watching `folder`; `nil` where inotify cannot be set up (another system, a file
    /// system without it, the limit of watches reached).
    public init?(folder: String) {
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
    public func ensureWatch() -> Bool {
        #if os(Linux)
            let mask =
                IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                | IN_DELETE_SELF | IN_MOVE_SELF
            return inotify_add_watch(descriptor, folder, UInt32(mask)) >= 0
        #else
            return false
        #endif
    }

    /// Stops watching; the stream finishes.
    public func stop() { source.cancel() }
}
