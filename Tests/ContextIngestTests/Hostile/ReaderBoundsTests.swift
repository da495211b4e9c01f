import ContextModel
import ContextTestSupport
import Foundation
import Testing

@testable import ContextIngest

/// What one hostile record may cost: a few problem entries and one field past the header, however
/// many bytes it holds (regressions for memory that grew with the bytes of a record).
@Suite("Reader bounds")
struct ReaderBoundsTests {
    private func records(_ bytes: [UInt8], maxFields: Int = .max) -> [(fields: Int, kept: Int, problems: Int)] {
        var found: [(Int, Int, Int)] = []
        CSVReader.withRecords(in: bytes, maxFields: maxFields) { _, record in
            found.append((record.fieldCount, record.fields.count, record.problems.count))
        }
        return found
    }

    @Test func aFileOfNulBytesCostsOneProblemEntry() {
        // Before: one 16-byte entry per NUL byte, so a 1 GiB file of NULs cost 16 GiB.
        let found = records([UInt8](repeating: 0, count: 4 << 20))
        #expect(found.count == 1)
        #expect(found.first?.problems == 1)
    }

    @Test func aMillionStrayQuotesCostOneProblemEntry() {
        let found = records(Array("a,b\nx".utf8) + [UInt8](repeating: UInt8(ascii: "\""), count: 1_000_000) + [10])
        #expect(found.map(\.problems) == [0, 1])
    }

    @Test func invalidUTF8AndNulAreEachReportedOncePerRecordAtTheFirstOccurrence() {
        var offsets: [[Int]] = []
        CSVReader.withRecords(in: Array("a\u{0}b\u{0},c".utf8) + [0xFF, 0xFF, 10, 0xFE, 10]) { _, record in
            offsets.append(record.problems.map(\.offset))
        }
        #expect(offsets == [[1, 6], [9]])
    }

    @Test func fieldsBeyondTheLimitAreCountedNotKept() {
        let found = records(
            Array("a,b\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000) + [10], maxFields: 3)
        #expect(found.map(\.fields) == [2, 1_000_001])
        #expect(found.map(\.kept) == [2, 3])
    }

    @Test func aFileLargerThanTheLimitIsRefusedUnread() throws {
        try withTemporaryDirectory { folder in
            try Data("id,kind\nC-1,child\nP-1,peer\n".utf8).write(to: URL(fileURLWithPath: folder + "/entities.csv"))
            try Data("source,target,kind\n".utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
            do {
                _ = try DatasetLoader(limits: IngestLimits(fileBytes: 20)).load(folder: folder)
                Issue.record("expected the limit to refuse entities.csv")
            } catch let error as IngestError {
                #expect(error.code == .limitExceeded)
                #expect(error.message == "entities.csv: 27 bytes; limits.file_bytes allows 20; refused, not read")
                #expect(error.report == nil)
            }
            #expect(
                try DatasetLoader(limits: IngestLimits(fileBytes: 27)).load(folder: folder).graph.entities.count == 2)
        }
    }

    @Test func aSymbolicLinkToASystemFileIsRefusedUnread() throws {
        try withTemporaryDirectory { folder in
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/entities.csv", withDestinationPath: "/etc/passwd")
            try Data("source,target,kind\n".utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
            do {
                _ = try DatasetLoader().load(folder: folder)
                Issue.record("expected the link to be refused")
            } catch let error as IngestError {
                #expect(error.code == .inputRefused)
                #expect(
                    error.message
                        == "entities.csv: is a symbolic link leading outside the dataset folder; refused, not read")
            }
        }
    }
}
