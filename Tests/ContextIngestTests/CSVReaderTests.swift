import Foundation
import Testing

@testable import ContextIngest

@Suite("CSV reader")
struct CSVReaderTests {
    /// Reads every record's fields as strings, and any problems.
    private func read(_ text: [UInt8]) -> (rows: [[String]], problems: [CSVProblem], lines: [Int]) {
        var rows: [[String]] = []
        var problems: [CSVProblem] = []
        var lines: [Int] = []
        CSVReader.withRecords(in: text) { reader, record in
            rows.append(record.fields.map { reader.string($0) })
            problems.append(contentsOf: record.problems.map(\.problem))
            lines.append(record.line)
        }
        return (rows, problems, lines)
    }

    /// An RFC 4180 writer: quotes a field when it holds a comma, quote, CR or LF, or is empty at the
    /// start of a one-field row (so the row is not a blank line).
    private func write(_ rows: [[String]], lineEnd: String) -> [UInt8] {
        var text = ""
        for row in rows {
            text += row.enumerated().map { index, field in
                let needsQuotes =
                    field.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
                    || (row.count == 1 && field.isEmpty)
                return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
            text += lineEnd
        }
        return Array(text.utf8)
    }

    @Test func byteOrderMarkCRLFAndNoFinalLineEnd() {
        let result = read([0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,4".utf8))
        #expect(result.rows == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.problems.isEmpty)
        #expect(result.lines == [1, 2, 3])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let result = read(Array("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"one\ntwo\",z\nlast,row\n".utf8))
        #expect(result.rows == [["a", "b"], ["x, y", "say \"hi\""], ["one\ntwo", "z"], ["last", "row"]])
        #expect(result.lines == [1, 2, 3, 5])
    }

    @Test func blankLinesAreSkippedAndEmptyFieldsKept() {
        let result = read(Array("a,b\n\n,\n\r\n1,\n".utf8))
        #expect(result.rows == [["a", "b"], ["", ""], ["1", ""]])
        #expect(result.lines == [1, 3, 5])
    }

    @Test func locationCountsUnicodeScalarsNotBytes() {
        let text = Array("é,ü,x\n".utf8)
        text.withUnsafeBufferPointer { buffer in
            let reader = CSVReader(bytes: buffer)
            #expect(reader.location(of: 6, recordStart: 0, recordLine: 1) == (1, 5))
        }
    }

    /// Any table written by a correct CSV writer reads back identically (seeded, 300 tables).
    @Test func writtenTablesReadBackIdentically() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let alphabet: [String] = ["a", "Z", "0", " ", ",", "\"", "\n", "\r\n", "é", "👩🏽‍💻", "\u{202E}", ";", "\\", "\t"]
        for seed in 0..<300 {
            let columns = 1 + next(5)
            let rows = (0..<(1 + next(6))).map { _ in
                (0..<columns).map { _ in (0..<next(8)).map { _ in alphabet[next(alphabet.count)] }.joined() }
            }
            for lineEnd in ["\n", "\r\n"] {
                let result = read(write(rows, lineEnd: lineEnd))
                #expect(result.rows == rows, "seed \(seed)")
                #expect(result.problems.isEmpty, "seed \(seed)")
            }
        }
    }

    @Test func invalidUTF8SequencesAreFound() {
        let cases: [([UInt8], [Int])] = [
            ([0x61, 0xFF, 0x62], [1]),
            ([0xC0, 0x80], [0, 1]),  // overlong NUL
            ([0xED, 0xA0, 0x80], [0, 1, 2]),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], [0, 1, 2, 3]),  // above U+10FFFF
            ([0xE2, 0x82], [0, 1]),  // truncated
            (Array("ok é 👩".utf8), []),
            ([0x61, 0x00, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68], [1]),  // NUL inside an 8-byte block
        ]
        for (bytes, offsets) in cases {
            let found = bytes.withUnsafeBufferPointer { UTF8Scan.invalidOffsets($0, from: 0) }
            #expect(found.map(\.offset) == offsets, "\(bytes)")
        }
    }
}
