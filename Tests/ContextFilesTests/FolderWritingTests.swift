import ContextFiles
import ContextTestSupport
import Foundation
import Testing

@Suite("Writing and folders")
struct FolderWritingTests {
    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func createMakesMissingFoldersOwnerOnly() throws {
        try withTemporaryDirectory { scratch in
            let created = try Folder.create(scratch + "/a/b/c")
            #expect(created.notice == nil)
            for path in ["/a", "/a/b", "/a/b/c"] { #expect(try mode(scratch + path) == 0o700, "\(path)") }
        }
    }

    @Test func looseModesAreTightenedWithANotice() throws {
        try withTemporaryDirectory { scratch in
            try FileManager.default.createDirectory(
                atPath: scratch + "/out", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            let created = try Folder.create(scratch + "/out")
            #expect(created.notice?.contains("0755") == true)
            #expect(try mode(scratch + "/out") == 0o700)
            // Without tightening, a folder's modes are left alone.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch + "/out")
            #expect(try Folder.create(scratch + "/out", tighten: false).notice == nil)
            #expect(try mode(scratch + "/out") == 0o755)
        }
    }

    @Test func aLinkInsideIsRefusedWhenWalkingOrCreating() throws {
        try withTemporaryDirectory { scratch in
            try FileManager.default.createDirectory(atPath: scratch + "/elsewhere", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: scratch + "/out", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: scratch + "/out/maps", withDestinationPath: "../elsewhere")
            let out = try Folder.open(scratch + "/out")
            do throws(FileError) {
                _ = try out.folder("maps/clusters", create: true)
                Issue.record("expected the link to be refused")
            } catch {
                #expect(error.code == .symbolicLink)
                #expect(error.description.contains("maps"))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch + "/elsewhere").isEmpty)
        }
    }

    @Test func writeReplacesAtomicallyWithOwnerOnlyModeAndNoTemporaryLeft() throws {
        try withTemporaryDirectory { scratch in
            let folder = try Folder.open(scratch)
            try folder.write("state.json", Array("one".utf8))
            try folder.write("state.json", Array("two".utf8))
            #expect(try String(contentsOfFile: scratch + "/state.json", encoding: .utf8) == "two")
            #expect(try mode(scratch + "/state.json") == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["state.json"])
        }
    }

    @Test func writeIfAbsentNeverReplaces() throws {
        try withTemporaryDirectory { scratch in
            let folder = try Folder.open(scratch)
            #expect(try folder.writeIfAbsent("key", Array("first".utf8)))
            #expect(try !folder.writeIfAbsent("key", Array("second".utf8)))
            #expect(try String(contentsOfFile: scratch + "/key", encoding: .utf8) == "first")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["key"])
        }
    }

    @Test func anAbandonedNewFileLeavesNothing() throws {
        try withTemporaryDirectory { scratch in
            do {
                let file = try Folder.open(scratch).newFile("partial.csv")
                try file.write(Array("half".utf8))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
        }
    }

    @Test func switchLinkReplacesALinkAtomically() throws {
        try withTemporaryDirectory { scratch in
            let folder = try Folder.open(scratch)
            try folder.switchLink("current", to: "runs/1")
            try folder.switchLink("current", to: "runs/2")
            #expect(folder.linkTarget("current") == "runs/2")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["current"])
        }
    }

    @Test func removeTreeRemovesLinksWithoutFollowingThem() throws {
        try withTemporaryDirectory { scratch in
            try FileManager.default.createDirectory(atPath: scratch + "/keep", withIntermediateDirectories: true)
            try Data("kept".utf8).write(to: URL(fileURLWithPath: scratch + "/keep/file"))
            try FileManager.default.createDirectory(atPath: scratch + "/gone/sub", withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: scratch + "/gone/sub/file"))
            try FileManager.default.createSymbolicLink(atPath: scratch + "/gone/link", withDestinationPath: "../keep")
            try Folder.open(scratch).removeTree("gone")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["keep"])
            #expect(FileManager.default.fileExists(atPath: scratch + "/keep/file"))
        }
    }

    @Test func aSecondLockOnTheSameFileIsBusy() throws {
        try withTemporaryDirectory { scratch in
            let folder = try Folder.open(scratch)
            do {
                let held = try folder.lock(".lock")
                do throws(FileError) {
                    _ = try folder.lock(".lock")
                    Issue.record("expected busy")
                } catch {
                    #expect(error.code == .busy)
                }
                withExtendedLifetime(held) {}
            }
            // Released when the lock value went.
            _ = try folder.lock(".lock")
        }
    }
}
