import ContextTestSupport
import Foundation
import Testing

@testable import ContextService

struct RunFoldersTests {
    static func makeRun(_ folders: RunFolders, _ id: String, complete: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: folders.folder(of: id), withIntermediateDirectories: true)
        if complete {
            try Data("{}".utf8).write(to: URL(fileURLWithPath: folders.folder(of: id) + "/manifest.json"))
        }
    }

    @Test func latestSwitchesAtomicallyAndPruneKeepsTheNewestAndTheLatest() throws {
        try withTemporaryDirectory { scratch in
            let folders = RunFolders(root: scratch)
            #expect(folders.latestRunID() == nil)
            #expect(folders.previousOutputFolder() == scratch)
            for id in ["20240101T000000Z-0001", "20240102T000000Z-0001", "20240103T000000Z-0001"] {
                try Self.makeRun(folders, id)
            }
            try Self.makeRun(folders, "20240104T000000Z-0001", complete: false)
            try folders.switchLatest(to: "20240102T000000Z-0001")
            #expect(folders.latestRunID() == "20240102T000000Z-0001")
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: scratch + "/latest")
                    == "runs/20240102T000000Z-0001")
            #expect(FileManager.default.fileExists(atPath: scratch + "/latest/manifest.json"))
            // keep 2: the latest and the newest other complete run; the incomplete one goes.
            #expect(folders.prune(keep: 2) == 2)
            let left = try FileManager.default.contentsOfDirectory(atPath: folders.runsFolder).sorted()
            #expect(left == ["20240102T000000Z-0001", "20240103T000000Z-0001"])
            try folders.switchLatest(to: "20240103T000000Z-0001")
            #expect(folders.latestRunID() == "20240103T000000Z-0001")
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
        let early = RunFolders.newRunID(at: Date(timeIntervalSince1970: 1_700_000_000))
        let late = RunFolders.newRunID(at: Date(timeIntervalSince1970: 1_700_000_061))
        #expect(early.hasPrefix("20231114T221320Z-"))
        #expect(early.count == 21 && late.count == 21)
        #expect(early < late)
    }

    @Test func statusRedactsQuotedValues() {
        #expect(
            ServiceStatus.redactQuoted("target 'C-0001' is not the id of any entity in entities.csv")
                == "target '…' is not the id of any entity in entities.csv")
        #expect(ServiceStatus.redactQuoted("unknown kind 'hugs") == "unknown kind '…")
    }
}
