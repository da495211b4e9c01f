import Dispatch

/// A task executor on its own serial dispatch queue: runs execute their long synchronous stages
/// (loading, analysis) here, off Swift's cooperative pool, so that on a two-core machine the
/// status API, the watchers, the scheduler and signal handling stay responsive during a run
/// (the GRDB `DispatchQueueActor` idea, as a task executor preference).
final class RunQueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "contextd.runs", qos: .utility)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
