import ContextTestSupport
import Foundation
import Testing

@testable import ContextService

struct RunFoldersTests {
    /// A run folder; complete ones get a manifest written `age` seconds ago.
    static func makeRun(_ folders: RunFolders, _ id: String, complete: Bool = true, age: Double = 0) throws {
        try FileManager.default.createDirectory(atPath: folders.folder(of: id), withIntermediateDirectories: true)
        if complete {
            let manifest = folders.folder(of: id) + "/manifest.json"
            try Data("{}".utf8).write(to: URL(fileURLWithPath: manifest))
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: manifest)
        }
    }

    @Test func latestSwitchesAtomicallyAndPruneKeepsTheNewestAndTheLatest() throws {
        try withTemporaryDirectory { scratch in
            let folders = RunFolders(root: scratch)
            #expect(folders.latestRunID() == nil)
            #expect(folders.previousOutputFolder() == scratch)
            // Ages by manifest time, not by name: "...0003" was written last.
            try Self.makeRun(folders, "20240101T000000Z-0001", age: 30)
            try Self.makeRun(folders, "20240101T000000Z-0003", age: 10)
            try Self.makeRun(folders, "20240101T000000Z-0002", age: 20)
            try Self.makeRun(folders, "20240104T000000Z-0001", complete: false)
            try folders.switchLatest(to: "20240101T000000Z-0002")
            #expect(folders.latestRunID() == "20240101T000000Z-0002")
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: scratch + "/latest")
                    == "runs/20240101T000000Z-0002")
            #expect(FileManager.default.fileExists(atPath: scratch + "/latest/manifest.json"))
            // keep 2: the latest and the newest other complete run; the incomplete one goes.
            #expect(folders.prune(keep: 2) == 2)
            let left = try FileManager.default.contentsOfDirectory(atPath: folders.runsFolder).sorted()
            #expect(left == ["20240101T000000Z-0002", "20240101T000000Z-0003"])
            try folders.switchLatest(to: "20240101T000000Z-0003")
            #expect(folders.latestRunID() == "20240101T000000Z-0003")
            // No temporary link left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == ["latest", "runs"])
        }
    }

    @Test func aRunningRunIsNotPruned() throws {
        try withTemporaryDirectory { scratch in
            let folders = RunFolders(root: scratch)
            try Self.makeRun(folders, "20240105T000000Z-0001", complete: false)
            #expect(folders.prune(keep: 1, running: "20240105T000000Z-0001") == 0)
            #expect(FileManager.default.fileExists(atPath: folders.folder(of: "20240105T000000Z-0001")))
        }
    }

    @Test func runIDsSortByTime() {
        let early = RunFolders.newRunID(at: Date(timeIntervalSince1970: 1_700_000_000.042))
        let late = RunFolders.newRunID(at: Date(timeIntervalSince1970: 1_700_000_000.5))
        #expect(early.hasPrefix("20231114T221320.042Z-"))
        #expect(late.hasPrefix("20231114T221320.500Z-"))
        #expect(early.count == 25 && late.count == 25)
        #expect(early < late)
    }

    @Test func statusRedactsQuotedValues() {
        #expect(
            ServiceStatus.redactQuoted("target 'C-0001' is not the id of any entity in entities.csv")
                == "target '…' is not the id of any entity in entities.csv")
        #expect(ServiceStatus.redactQuoted("unknown kind 'hugs") == "unknown kind '…")
    }
}
