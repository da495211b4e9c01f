import Dispatch
import Synchronization

/// Runs a per-source computation (Brandes' sweeps, closeness searches) over a fixed number of
/// lanes, so that it uses both cores yet gives bit-identical results on every run.
///
/// Sources are dealt round-robin to ``count`` lanes (lane `l` takes sources `l`, `l + count`, …).
/// Each lane runs its sources in order into its own accumulator, and callers combine the lanes'
/// results in lane order, so floating-point sums never depend on thread scheduling, on the
/// machine's core count, or on whether the lanes ran in parallel at all.
///
/// Lane 0 runs on the calling thread; the others on Dispatch's global queue. Cancellation: the
/// calling thread reads `Task.isCancelled` (which only the calling thread can see) between
/// batches and while it waits for the other lanes, and raises a flag the other lanes read between
/// their batches; the run then throws `CancellationError`.
enum SourceLanes {
    /// Number of lanes; fixed (not the core count) so results do not depend on the machine.
    static let count = 2
    /// Sources a lane runs between two cancellation checks.
    static let batchSize = 16

    /// The sources of each lane, in lane order.
    static func split(_ sources: [VertexIndex]) -> [[VertexIndex]] {
        (0..<count).map { lane in stride(from: lane, to: sources.count, by: count).map { sources[$0] } }
    }

    /// Runs `work` once per lane and returns the lanes' results in lane order.
    ///
    /// - Parameters:
    ///   - sources: the sources to deal out.
    ///   - parallel: run the lanes on separate threads; when `false` (small inputs) they run one
    ///     after the other on the calling thread, with identical results.
    ///   - work: runs one lane's sources in order, calling `shouldStop` between batches and
    ///     returning early when it answers `true`.
    /// - Throws: `CancellationError` if the calling task was cancelled.
    static func run<Result: Sendable>(
        _ sources: [VertexIndex], parallel: Bool,
        _ work: @escaping @Sendable (_ laneSources: [VertexIndex], _ shouldStop: () -> Bool) -> Result
    ) throws -> [Result] {
        let lanes = split(sources)
        guard parallel else {
            var results: [Result] = []
            for lane in lanes {
                results.append(work(lane) { Task.isCancelled })
                if Task.isCancelled { throw CancellationError() }
            }
            return results
        }
        let shared = Shared<Result>(laneCount: count)
        let group = DispatchGroup()
        for lane in 1..<count {
            let laneSources = lanes[lane]
            DispatchQueue.global().async(group: group) {
                let result = work(laneSources) { shared.stop.load(ordering: .relaxed) }
                shared.results.withLock { $0[lane] = result }
            }
        }
        let first = work(lanes[0]) {
            if Task.isCancelled { shared.stop.store(true, ordering: .relaxed) }
            return shared.stop.load(ordering: .relaxed)
        }
        while group.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            if Task.isCancelled { shared.stop.store(true, ordering: .relaxed) }
        }
        if Task.isCancelled || shared.stop.load(ordering: .relaxed) { throw CancellationError() }
        let others = shared.results.withLock { $0.dropFirst().compactMap { $0 } }
        return [first] + others
    }

    /// State the lanes share: the stop flag and the other lanes' results.
    private final class Shared<Result: Sendable>: Sendable {
        let stop = Atomic<Bool>(false)
        let results: Mutex<[Result?]>

        init(laneCount: Int) {
            results = Mutex([Result?](repeating: nil, count: laneCount))
        }
    }
}
