/// A column of a data file as the contract defines it.
struct ColumnSpec {
    let name: String
    let required: Bool
    /// Personal data: never echoed in a message.
    let personal: Bool

    init(_ name: String, required: Bool = false, personal: Bool = false) {
        self.name = name
        self.required = required
        self.personal = personal
    }
}

/// Reads one data file: maps its header to the contract's columns, checks each record's shape,
/// and hands well-formed rows to a closure through a ``RowContext``.
///
/// Header names are matched case-insensitively after trimming spaces; column order is free;
/// unknown columns are kept as free attributes.
struct TableReader {
    let file: String
    let columns: [ColumnSpec]
    var limits = IngestLimits()

    /// A file's header, mapped to the contract's columns.
    struct Header {
        /// Contract column -> field position.
        let layout: [Int?]
        let extras: [(name: String, field: Int)]
        let fieldCount: Int
        /// Offset of the first byte after the header record, and that byte's line.
        let end: Int
        let nextLine: Int
    }

    private struct StopReading: Error {}

    /// Reads the header; `nil` (with its errors in `diagnostics`) when the file as a whole is
    /// unusable: empty, a broken header, a duplicate or missing required column.
    func header(_ data: [UInt8], into diagnostics: inout DiagnosticSink) -> Header? {
        var result: Header?
        var seen = false
        do {
            try CSVReader.withRecords(in: data, maxFields: limits.columns + 1) { reader, record in
                seen = true
                if record.fieldCount > limits.columns {
                    let extra = record.fields[limits.columns].rawStart
                    let at = reader.location(of: extra, recordStart: record.start, recordLine: record.line)
                    diagnostics.limit(
                        file, at.line, at.column,
                        "the header has \(record.fieldCount) columns; limits.columns allows \(limits.columns)")
                    throw StopReading()
                }
                if let first = record.problems.first {
                    let at = reader.location(of: first.offset, recordStart: record.start, recordLine: record.line)
                    diagnostics.error(file, at.line, at.column, "in the header: " + first.problem.message)
                    throw StopReading()
                }
                let (layout, extras, usable) = mapHeader(reader: reader, record: record, diagnostics: &diagnostics)
                if usable {
                    let next = reader.location(of: record.end, recordStart: record.start, recordLine: record.line).line
                    result = Header(
                        layout: layout, extras: extras, fieldCount: record.fields.count, end: record.end, nextLine: next
                    )
                }
                throw StopReading()
            }
        } catch {}
        if !seen { diagnostics.error(file, 1, 1, "file is empty; expected a header row naming the columns") }
        return result
    }

    /// Reads the data rows in `range` (which must start at a record), handing each to `body` and
    /// then to `absorb`.
    ///
    /// Reading stops at the first row beyond `limits.rowsPerFile`; a field longer than
    /// `limits.fieldBytes` is an error of its row (which is then not read field by field).
    ///
    /// - Returns: the number of rows read, and the error of the row beyond the limit, if any.
    func rows(
        _ data: [UInt8], header: Header, range: Range<Int>, firstLine: Int, row body: (inout RowContext) -> Void,
        absorb: (RowContext) -> Void
    ) -> (count: Int, overflow: Diagnostic?) {
        var rows = 0
        var overflow: Diagnostic?
        do {
            try CSVReader.withRecords(in: data, range: range, firstLine: firstLine, maxFields: header.fieldCount + 1) {
                reader, record in
                if rows == limits.rowsPerFile {
                    overflow = Diagnostic(
                        file: file, line: record.line, column: 1, severity: .error,
                        message:
                            "more than \(limits.rowsPerFile) data rows; limits.rows_per_file allows \(limits.rowsPerFile)"
                    )
                    throw StopReading()
                }
                rows += 1
                var context = RowContext(
                    file: file, reader: reader, record: record, layout: header.layout, columns: columns,
                    extras: header.extras)
                context.structureBroken = !context.checkStructure(expectedFields: header.fieldCount)
                if !context.structureBroken {
                    for (position, field) in record.fields.enumerated()
                    where field.end - field.start > limits.fieldBytes {
                        context.error(
                            atField: position,
                            "field is \(field.end - field.start) bytes long; limits.field_bytes allows \(limits.fieldBytes)"
                        )
                        context.structureBroken = true
                    }
                }
                body(&context)
                absorb(context)
            }
        } catch {}
        return (rows, overflow)
    }

    /// Reads the table. Returns `false` when the file as a whole is unusable (empty, or a
    /// required column missing): its errors are in `diagnostics`.
    func read(
        _ data: [UInt8], into diagnostics: inout DiagnosticSink,
        row body: (inout RowContext) -> Void
    ) -> (usable: Bool, rows: Int) {
        guard let header = header(data, into: &diagnostics) else { return (false, 0) }
        var sink = diagnostics
        defer { diagnostics = sink }
        let (count, overflow) = rows(
            data, header: header, range: header.end..<data.count, firstLine: header.nextLine, row: body,
            absorb: { sink.absorb($0) })
        if let overflow { sink.limit(overflow) }
        return (overflow == nil, count)
    }

    private func mapHeader(
        reader: CSVReader, record: CSVRecord, diagnostics: inout DiagnosticSink
    ) -> ([Int?], [(name: String, field: Int)], Bool) {
        var layout = [Int?](repeating: nil, count: columns.count)
        var extras: [(name: String, field: Int)] = []
        var seen: [String: Int] = [:]
        var usable = true
        for (position, field) in record.fields.enumerated() {
            let raw = reader.string(field)
            let name = String(raw.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            let key = name.lowercased()
            let at = reader.location(of: field.rawStart, recordStart: record.start, recordLine: record.line)
            if let earlier = seen[key] {
                diagnostics.error(
                    file, at.line, at.column,
                    "duplicate column '\(Quoting.safe(name))' (also column \(earlier + 1) of the header)")
                usable = false
                continue
            }
            seen[key] = position
            if let index = columns.firstIndex(where: { $0.name == key }) {
                layout[index] = position
            } else {
                extras.append((name.isEmpty ? "column_\(position + 1)" : name, position))
            }
        }
        for (index, column) in columns.enumerated() where column.required && layout[index] == nil {
            diagnostics.error(file, record.line, 1, "missing required column '\(column.name)'")
            usable = false
        }
        return (layout, extras, usable)
    }
}

/// Collects diagnostics and set-aside rows across the files of a dataset.
struct DiagnosticSink {
    var report = ValidationReport()
    let policy: ValidationPolicy
    /// Most warnings of each kind listed with their location (``IngestLimits/warningLocations``).
    var warningLocations = IngestLimits().warningLocations
    /// A limit (``IngestLimits``) was exceeded: the dataset is rejected whatever the policy.
    var limitExceeded = false

    /// An error that exceeds a limit.
    mutating func limit(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        limit(Diagnostic(file: file, line: line, column: column, severity: .error, message: message))
    }

    mutating func limit(_ diagnostic: Diagnostic) {
        report.errors.append(diagnostic)
        limitExceeded = true
    }

    mutating func error(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        report.errors.append(Diagnostic(file: file, line: line, column: column, severity: .error, message: message))
    }

    /// Counts a warning and lists it while its kind is under the cap; past the cap the message
    /// is not even made.
    mutating func warning(
        _ kind: WarningKind, _ file: String, _ line: Int, _ column: Int, _ message: @autoclosure () -> String
    ) {
        report.addWarning(
            kind, cap: warningLocations,
            Diagnostic(file: file, line: line, column: column, severity: .warning, message: message(), kind: kind))
    }

    /// Takes a row's diagnostics; a row with errors is listed as set aside.
    mutating func absorb(_ row: RowContext) {
        absorb(file: row.file, line: row.record.line, errors: row.errors, warnings: row.warnings)
    }

    /// Takes one row's diagnostics; a row with errors is listed as set aside.
    mutating func absorb(
        file: String, line: Int, errors: [Diagnostic], warnings: [(kind: WarningKind, diagnostic: Diagnostic)]
    ) {
        for warning in warnings { report.addWarning(warning.kind, cap: warningLocations, warning.diagnostic) }
        if let first = errors.first {
            report.errors.append(contentsOf: errors)
            report.setAside.append(SetAsideRow(file: file, line: line, reason: first.message))
        }
    }
}

/// Quotes values for messages: control characters escaped, long values cut.
enum Quoting {
    static func safe(_ value: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            switch scalar.value {
            case 0..<0x20, 0x7F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
