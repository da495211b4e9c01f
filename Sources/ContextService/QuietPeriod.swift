/// When a watched folder's files have been still long enough to read: a pure state machine fed
/// snapshots and instants (so tests drive it with a fake clock), returning what to do next.
///
/// A run starts only once the snapshot has stayed the same for `quiet` since it last changed,
/// and only if it differs from the snapshot of the last run started, so a file being copied in
/// is never read half-way and an unchanged folder is never run twice.
struct QuietPeriod<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    enum Action: Equatable {
        /// Nothing changed since the last run: wait for the next change.
        case idle
        /// Changed, but not yet still for long enough: look again at this instant.
        case wait(until: Instant)
        /// Still for long enough: run on these files.
        case run(FolderSnapshot)
    }

    let quiet: Duration
    /// The snapshot of the last run started (`nil`: none yet, so the first still snapshot runs).
    private(set) var lastRun: FolderSnapshot?
    private var seen: FolderSnapshot?
    private var changedAt: Instant?

    init(quiet: Duration, lastRun: FolderSnapshot?) {
        self.quiet = quiet
        self.lastRun = lastRun
    }

    mutating func observe(_ snapshot: FolderSnapshot, at now: Instant) -> Action {
        if snapshot != seen {
            seen = snapshot
            changedAt = now
        }
        guard snapshot != lastRun else { return .idle }
        let changed = changedAt ?? now
        let due = changed.advanced(by: quiet)
        guard now >= due else { return .wait(until: due) }
        lastRun = snapshot
        return .run(snapshot)
    }
}
