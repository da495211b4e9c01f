import PropertyBased
import Testing

@testable import ContextIngest

/// Any table written by a correct RFC 4180 writer reads back identically: same rows, same
/// fields, no problem reported, whatever the fields hold (commas, quotes, CR, LF, spaces,
/// accents, emoji, bidi controls), with LF or CRLF line ends, a byte order mark or not, a final
/// line end or not, and minimal or full quoting.
@Suite("CSV round trip (property-based)")
struct CSVRoundTripPropertyTests {
    /// Characters that stress the format, and some that do not.
    static let alphabet: [Character] = [
        ",", "\"", "\n", "\r", " ", "\t", "a", "Z", "0", ";", "é", "ß", "\u{1F600}", "\u{202E}", "\u{5D0}", "=", "\\",
    ]
    static let field = Gen<Character?>.element(of: alphabet).map { $0 ?? "a" }.string(of: 0...8)
    static let table = field.array(of: 1...5).array(of: 1...6)

    /// A correct writer: quotes a field holding a separator, quote, CR or LF (doubling quotes),
    /// and the single empty field of a row (which would otherwise be a blank line, which readers
    /// skip); with `quoteAll`, quotes every field.
    static func write(_ table: [[String]], crlf: Bool, bom: Bool, finalLineEnd: Bool, quoteAll: Bool) -> [UInt8] {
        let rows = table.map { row in
            row.map { field -> String in
                let needsQuotes =
                    quoteAll || (row.count == 1 && field.isEmpty)
                    || field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
                guard needsQuotes else { return field }
                return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
                    + "\""
            }.joined(separator: ",")
        }
        let lineEnd = crlf ? "\r\n" : "\n"
        let text = rows.joined(separator: lineEnd) + (finalLineEnd ? lineEnd : "")
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    static func read(_ bytes: [UInt8]) -> (rows: [[String]], problems: Int) {
        var rows: [[String]] = []
        var problems = 0
        CSVReader.withRecords(in: bytes) { reader, record in
            rows.append(record.fields.map { reader.string($0) })
            problems += record.problems.count
        }
        return (rows, problems)
    }

    @Test func anyTableReadsBackIdentically() async {
        await propertyCheck(
            count: 400, input: Self.table, Gen.bool, Gen.bool, Gen.bool, Gen.bool
        ) { table, crlf, bom, finalLineEnd, quoteAll in
            let bytes = Self.write(table, crlf: crlf, bom: bom, finalLineEnd: finalLineEnd, quoteAll: quoteAll)
            let (rows, problems) = Self.read(bytes)
            #expect(problems == 0)
            #expect(rows == table)
        }
    }

    @Test func lineNumbersCountEveryLineEndIncludingThoseInsideQuotes() async {
        await propertyCheck(count: 200, input: Self.table, Gen.bool) { table, crlf in
            let bytes = Self.write(table, crlf: crlf, bom: false, finalLineEnd: true, quoteAll: false)
            var lines: [Int] = []
            CSVReader.withRecords(in: bytes) { _, record in lines.append(record.line) }
            // Record k starts after the line ends of every earlier record, its fields' LFs included.
            var expected: [Int] = []
            var line = 1
            for row in table {
                expected.append(line)
                line += 1 + row.reduce(0) { $0 + $1.unicodeScalars.filter { $0 == "\n" }.count }
            }
            #expect(lines == expected)
        }
    }
}
