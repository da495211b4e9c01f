import ContextTestSupport
import Foundation
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

@testable import ContextService

/// The watcher on a real folder, with inotify and with polling: one run per settled change, none
/// while a file is still being written.
@Suite(.serialized)
struct FolderWatcherTests {
    final class Calls: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    static func waitUntil(_ condition: () -> Bool, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test(arguments: [ServiceConfiguration.WatchMode.inotify, .poll])
    func oneRunPerSettledChangeAndNoneWhileAFileIsBeingWritten(_ mode: ServiceConfiguration.WatchMode) async throws {
        try await withTemporaryDirectory { folder in
            let file = folder + "/links.csv"
            try Data("a\n".utf8).write(to: URL(fileURLWithPath: file))
            let calls = Calls()
            let watcher = FolderWatcher(
                dataset: "test", folder: folder, quiet: .seconds(1), mode: mode,
                pollInterval: .milliseconds(50), logger: Logger(label: "test"))
            try await testGracefulShutdown { trigger in
                let task = Task { await watcher.run(lastRun: nil) { _ in calls.add() } }
                // No record of a previous run: the settled folder runs once.
                try await Self.waitUntil { calls.value == 1 }
                // A file written in pieces for a second, 100 ms apart (a tenth of the quiet time, so
                // a loaded machine delaying this task does not make the pieces look settled):
                // nothing runs until it stops changing, then exactly one run.
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
                var lastWrite = ContinuousClock.now
                for piece in 0..<10 {
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data("row \(piece)\n".utf8))
                    lastWrite = ContinuousClock.now
                    try await Task.sleep(for: .milliseconds(100))
                    #expect(calls.value == 1, "ran while the file was still being written")
                }
                try handle.close()
                try await Self.waitUntil { calls.value == 2 }
                #expect(ContinuousClock.now - lastWrite >= .seconds(1))
                // Unchanged: no further run.
                try await Task.sleep(for: .milliseconds(1_500))
                #expect(calls.value == 2)
                // A file replaced by rename (how copy tools finish) is a change too.
                try Data("b\n".utf8).write(to: URL(fileURLWithPath: folder + "/.tmp"))
                #expect(rename(folder + "/.tmp", file) == 0)
                try await Self.waitUntil { calls.value == 3 }
                trigger.triggerGracefulShutdown()
                await task.value
            }
        }
    }
}
