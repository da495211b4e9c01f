import ContextReports
import ContextTestSupport
import Foundation
import Testing

@testable import ContextHistory

@Suite("Run history")
struct HistoryStoreTests {
    @Test func aFreshStateFolderHasNoHistoryAndIsOwnerOnly() throws {
        try withTemporaryDirectory { folder in
            let state = folder + "/state"
            let store = try HistoryStore(stateFolder: state)
            let history = try store.read()
            #expect(!history.exists)
            #expect(history == .empty)
            #expect(try store.appliedMigrations() == ["v1: runs and scores"])
            let folderMode = try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int
            let fileMode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
            #expect(folderMode == 0o700)
            #expect(fileMode == 0o600)
        }
    }

    @Test func theLatestRunAndEachPeriodsLatestCountsAreRead() throws {
        try withTemporaryDirectory { folder in
            let store = try HistoryStore(stateFolder: folder)
            try store.record(
                HistoryEntry(
                    kind: "report board", recordedAt: "2024-07-01T00:00:00Z", asOf: "2024-06-30",
                    schools: [.init(school: "S-1", score: 1.5, rank: 1, tier: 2)],
                    contexts: [.init(pseudonym: "PLACE-A", score: 10, rank: 1)],
                    clusters: [.init(cluster: "K-1", size: 9, children: 3)],
                    period: .init(period: "2024-Q2", measures: ["children_open": 70])))
            try store.record(
                HistoryEntry(
                    kind: "run", recordedAt: "2024-10-01T00:00:00Z", asOf: "2024-09-30",
                    schools: [
                        .init(school: "S-1", score: 2.5, rank: 1, tier: 1),
                        .init(school: "S-2", score: 1, rank: 2, tier: 3),
                    ]))
            // A later board for the same period replaces its counts.
            try store.record(
                HistoryEntry(
                    kind: "report board", recordedAt: "2024-10-02T00:00:00Z", asOf: "2024-06-30",
                    period: .init(period: "2024-Q2", measures: ["children_open": 72])))
            // Reopening runs no migration twice and keeps the data.
            let reopened = try HistoryStore(stateFolder: folder)
            let history = try reopened.read()
            #expect(history.exists)
            #expect(history.previous?.recordedAt == "2024-10-02T00:00:00Z")
            #expect(history.periods["2024-Q2"]?.measures == ["children_open": 72])
            #expect(try reopened.appliedMigrations().count == 1)
            #expect(history.recordedRuns == 3)
            // A report on an earlier date is never compared with a later state.
            let earlier = try reopened.read(asOfAtMost: "2024-07-31")
            #expect(earlier.previous?.recordedAt == "2024-10-02T00:00:00Z")  // as of 2024-06-30
            let before = try reopened.read(asOfAtMost: "2024-06-29")
            #expect(before.previous == nil)
            #expect(before.exists)
            #expect(
                before.note(comparingAsOfAtMost: "2024-06-29")
                    == "No run is recorded as of 2024-06-29 or earlier (3 recorded as of later dates): trends start here."
            )
        }
    }

    @Test func anUnwritableStateFolderIsATypedError() throws {
        try withTemporaryDirectory { folder in
            let blocker = folder + "/file"
            #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
            #expect(throws: HistoryError.self) { try HistoryStore(stateFolder: blocker + "/state") }
        }
    }
}
