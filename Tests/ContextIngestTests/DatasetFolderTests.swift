import ContextModel
import ContextTestSupport
import Foundation
import Testing

@testable import ContextIngest

/// The dataset's files must be regular files inside the folder; anything else is refused
/// (exit 66) without being read.
@Suite("Dataset folder safety")
struct DatasetFolderTests {
    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private let entities = "id,kind\nC-1,child\nP-1,peer\n"
    private let links = "source,target,kind\nC-1,P-1,associate\n"

    private func expectCode(_ code: IngestError.Code, folder: String, mentioning text: String) {
        do {
            _ = try DatasetLoader().load(folder: folder)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.message.contains(text), "\(error.message)")
        }
    }

    @Test func missingFolderAndMissingRequiredFile() throws {
        expectCode(.inputMissing, folder: "/nonexistent/contextd", mentioning: "does not exist")
        try withTemporaryDirectory { folder in
            try write(entities, to: folder + "/entities.csv")
            expectCode(.inputMissing, folder: folder, mentioning: "required file 'links.csv' is missing")
        }
    }

    @Test func symbolicLinkLeadingOutsideIsRefused() throws {
        try withTemporaryDirectory { outside in
            try write(links, to: outside + "/secret.csv")
            try withTemporaryDirectory { folder in
                try write(entities, to: folder + "/entities.csv")
                try FileManager.default.createSymbolicLink(
                    atPath: folder + "/links.csv", withDestinationPath: outside + "/secret.csv")
                expectCode(.inputRefused, folder: folder, mentioning: "symbolic link leading outside")
            }
        }
    }

    @Test func symbolicLinkInsideTheFolderIsFollowed() throws {
        try withTemporaryDirectory { folder in
            try write(entities, to: folder + "/entities.csv")
            try FileManager.default.createDirectory(atPath: folder + "/v2", withIntermediateDirectories: true)
            try write(links, to: folder + "/v2/links.csv")
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/links.csv", withDestinationPath: "v2/links.csv")
            let dataset = try DatasetLoader().load(folder: folder)
            #expect(dataset.graph.links.count == 1)
        }
    }

    @Test func pipeAndFolderInAFilesPlaceAreRefusedUnread() throws {
        try withTemporaryDirectory { folder in
            try write(entities, to: folder + "/entities.csv")
            #expect(mkfifo(folder + "/links.csv", 0o600) == 0)
            // Opening a FIFO for reading would block without a writer: the refusal proves it was not read.
            expectCode(.inputRefused, folder: folder, mentioning: "not a regular file (a pipe)")
            try FileManager.default.removeItem(atPath: folder + "/links.csv")
            try FileManager.default.createDirectory(atPath: folder + "/links.csv", withIntermediateDirectories: true)
            expectCode(.inputRefused, folder: folder, mentioning: "not a regular file (a folder)")
        }
    }

    @Test func inputsAreFingerprinted() throws {
        try withTemporaryDirectory { folder in
            try write(entities, to: folder + "/entities.csv")
            try write(links, to: folder + "/links.csv")
            let dataset = try DatasetLoader().load(folder: folder)
            // sha256 of "id,kind\nC-1,child\nP-1,peer\n", as printed by `sha256sum`.
            #expect(
                dataset.report.files[0].sha256 == "94246fc1949c89725a88e34fe64bc83e678a598bb707e8af266fe1ed5d1016d0")
            #expect(dataset.report.files[0].sha256.count == 64)
            #expect(dataset.report.files.map(\.name) == ["entities.csv", "links.csv"])
        }
    }
}
