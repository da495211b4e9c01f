import ContextFiles
import ContextTestSupport
import Foundation
import Testing

@Suite("Reading inside a folder")
struct FolderReadingTests {
    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func code(_ body: () throws(FileError) -> Void) -> FileError.Code? {
        do {
            try body()
            return nil
        } catch {
            return error.code
        }
    }

    @Test func readsAFileWithItsFingerprint() throws {
        try withTemporaryDirectory { folder in
            try write("id,kind\n", folder + "/entities.csv")
            let contents = try Folder.open(folder).openFile("entities.csv").read()
            #expect(contents.bytes == Array("id,kind\n".utf8))
            #expect(contents.fingerprint.size == 8)
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/entities.csv")
            #expect(contents.fingerprint.inode == (attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
        }
    }

    @Test func aLinkInASubfolderPlaceIsNeverFollowed() throws {
        try withTemporaryDirectory { outside in
            try write("secret", outside + "/links.csv")
            try withTemporaryDirectory { folder in
                // The race of issue 12 item 9, frozen: the subfolder is a link to outside.
                try FileManager.default.createSymbolicLink(atPath: folder + "/v2", withDestinationPath: outside)
                let data = try Folder.open(folder)
                #expect(code { () throws(FileError) in _ = try data.openFile("v2/links.csv") } == .symbolicLink)
                #expect(
                    code { () throws(FileError) in _ = try data.openFile("v2/links.csv", followingLinksInside: true) }
                        == .symbolicLink)
            }
        }
    }

    @Test func aLinkToAFileInsideIsResolvedOnlyWhenAskedAndOnlyInside() throws {
        try withTemporaryDirectory { outside in
            try write("secret", outside + "/secret.csv")
            try withTemporaryDirectory { folder in
                try FileManager.default.createDirectory(atPath: folder + "/v2", withIntermediateDirectories: true)
                try write("inside", folder + "/v2/links.csv")
                try FileManager.default.createSymbolicLink(
                    atPath: folder + "/links.csv", withDestinationPath: "v2/links.csv")
                try FileManager.default.createSymbolicLink(
                    atPath: folder + "/absolute.csv", withDestinationPath: outside + "/secret.csv")
                try FileManager.default.createSymbolicLink(
                    atPath: folder + "/climbing.csv",
                    withDestinationPath: "../" + URL(fileURLWithPath: outside).lastPathComponent + "/secret.csv")
                try FileManager.default.createSymbolicLink(
                    atPath: folder + "/twice.csv", withDestinationPath: "links.csv")
                let data = try Folder.open(folder)
                #expect(code { () throws(FileError) in _ = try data.openFile("links.csv") } == .symbolicLink)
                #expect(try data.openFile("links.csv", followingLinksInside: true).read().bytes == Array("inside".utf8))
                for name in ["absolute.csv", "climbing.csv"] {
                    #expect(
                        code { () throws(FileError) in _ = try data.openFile(name, followingLinksInside: true) }
                            == .linkOutside, "\(name)")
                }
                #expect(
                    code { () throws(FileError) in _ = try data.openFile("twice.csv", followingLinksInside: true) }
                        == .symbolicLink)
            }
        }
    }

    @Test func aPipeOrAFolderInAFilesPlaceIsRefusedUnread() throws {
        try withTemporaryDirectory { folder in
            #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
            try FileManager.default.createDirectory(atPath: folder + "/dir.csv", withIntermediateDirectories: true)
            let data = try Folder.open(folder)
            #expect(code { () throws(FileError) in _ = try data.openFile("pipe.csv") } == .notARegularFile)
            #expect(code { () throws(FileError) in _ = try data.openFile("dir.csv") } == .notARegularFile)
            #expect(code { () throws(FileError) in _ = try data.openFile("missing.csv") } == .notFound)
            #expect(code { () throws(FileError) in _ = try data.openFile("../x") } == .unsafeName)
        }
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeReading() throws {
        try withTemporaryDirectory { folder in
            try write("0123456789", folder + "/big.csv")
            let file = try Folder.open(folder).openFile("big.csv")
            #expect(code { () throws(FileError) in _ = try file.read(maxBytes: 9) } == .tooLarge)
        }
    }

    /// Issue 12 item 10: a file that shrinks (or grows, or is rewritten) between open and the end
    /// of the read is an error naming it, not a silently short read.
    @Test func aFileThatChangesDuringTheReadIsAnError() throws {
        try withTemporaryDirectory { folder in
            let path = folder + "/links.csv"
            for change in ["shrink", "grow", "rewrite"] {
                try write(String(repeating: "row\n", count: 1000), path)
                let file = try Folder.open(folder).openFile("links.csv")
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                switch change {
                case "shrink": try handle.truncate(atOffset: 100)
                case "grow":
                    try handle.seekToEnd()
                    try handle.write(contentsOf: Data("more\n".utf8))
                default:
                    try handle.write(contentsOf: Data("ROW\n".utf8))
                    // Same size: only the modification time tells (set it apart explicitly).
                    try FileManager.default.setAttributes(
                        [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: path)
                }
                try handle.close()
                do throws(FileError) {
                    _ = try file.read()
                    Issue.record("expected \(change) to be noticed")
                } catch {
                    #expect(error.code == .changedDuringRead, "\(change)")
                    #expect(error.description.contains("links.csv"))
                }
            }
        }
    }
}
