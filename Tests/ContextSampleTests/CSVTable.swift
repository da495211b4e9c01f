import Foundation

/// A CSV file read by a small, independent RFC 4180 parser (quoted fields, doubled quotes,
/// commas and line breaks inside quotes), so the tests do not trust the writer's own idea of
/// quoting nor the loader under test.
struct CSVTable: Sendable {
    let header: [String]
    let rows: [[String]]

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try self.init(bytes: Array(data), name: path)
    }

    init(bytes: [UInt8], name: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        func finishField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    guard field.isEmpty else { throw Malformed(description: "\(name): quote inside an unquoted field") }
                    inQuotes = true
                case UInt8(ascii: ","):
                    finishField()
                case UInt8(ascii: "\n"):
                    finishField()
                    records.append(record)
                    record = []
                case UInt8(ascii: "\r"):
                    throw Malformed(description: "\(name): the sample should end lines with LF only")
                default:
                    field.append(byte)
                }
            }
            index += 1
        }
        guard !inQuotes else { throw Malformed(description: "\(name): unterminated quote") }
        guard record.isEmpty && field.isEmpty else { throw Malformed(description: "\(name): last line not ended") }
        guard let header = records.first else { throw Malformed(description: "\(name): empty") }
        for (number, row) in records.enumerated() where row.count != header.count {
            throw Malformed(description: "\(name): line \(number + 1) has \(row.count) fields, not \(header.count)")
        }
        self.header = header
        self.rows = Array(records.dropFirst())
    }

    /// The position of a column, by name.
    func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else { throw Malformed(description: "no column \(name)") }
        return index
    }

    /// Every value of a column.
    func values(_ name: String) throws -> [String] {
        let index = try column(name)
        return rows.map { $0[index] }
    }
}
