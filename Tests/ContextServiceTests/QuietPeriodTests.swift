import Testing

@testable import ContextService

struct QuietPeriodTests {
    static func snapshot(_ size: Int64) -> FolderSnapshot {
        FolderSnapshot(
            files: [.init(name: "entities.csv", size: size, modifiedSeconds: size, modifiedNanoseconds: 0, inode: 1)],
            folderExists: true)
    }

    @Test func runsOnlyAfterTheFilesHaveBeenStillForTheQuietTime() {
        let start = ContinuousClock.now
        var machine = QuietPeriod<ContinuousClock.Instant>(quiet: .seconds(5), lastRun: Self.snapshot(1))
        #expect(machine.observe(Self.snapshot(1), at: start) == .idle)
        // A file being copied in keeps changing: the deadline moves with each change.
        #expect(machine.observe(Self.snapshot(2), at: start + .seconds(1)) == .wait(until: start + .seconds(6)))
        #expect(machine.observe(Self.snapshot(3), at: start + .seconds(4)) == .wait(until: start + .seconds(9)))
        #expect(machine.observe(Self.snapshot(3), at: start + .seconds(8)) == .wait(until: start + .seconds(9)))
        #expect(machine.observe(Self.snapshot(3), at: start + .seconds(9)) == .run(Self.snapshot(3)))
        // Once run, the same files do not run again.
        #expect(machine.observe(Self.snapshot(3), at: start + .seconds(60)) == .idle)
        #expect(machine.lastRun == Self.snapshot(3))
    }

    @Test func changedBackToTheLastRunFilesIsIdle() {
        let start = ContinuousClock.now
        var machine = QuietPeriod<ContinuousClock.Instant>(quiet: .seconds(5), lastRun: Self.snapshot(1))
        #expect(machine.observe(Self.snapshot(2), at: start) == .wait(until: start + .seconds(5)))
        #expect(machine.observe(Self.snapshot(1), at: start + .seconds(1)) == .idle)
    }

    @Test func firstStartWithoutRecordRunsOnceStill() {
        let start = ContinuousClock.now
        var machine = QuietPeriod<ContinuousClock.Instant>(quiet: .zero, lastRun: nil)
        #expect(machine.observe(Self.snapshot(7), at: start) == .run(Self.snapshot(7)))
        #expect(machine.observe(Self.snapshot(7), at: start) == .idle)
    }
}
