import Dispatch
import Synchronization

/// Maps independent pieces of work over the machine's cores and returns the results in input
/// order, so the output never depends on scheduling.
public enum ParallelMap {
    /// `body(0) ..< body(count)`, run concurrently.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Mutex<[T?]>([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = body(index)
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
