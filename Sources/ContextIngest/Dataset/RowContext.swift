import ContextModel

/// One row of a data file being validated: field access by contract column, and the row's
/// diagnostics, each placed at the line and column of the field concerned.
struct RowContext {
    let file: String
    let reader: CSVReader
    let record: CSVRecord
    let layout: [Int?]
    let columns: [ColumnSpec]
    let extras: [(name: String, field: Int)]
    private(set) var errors: [Diagnostic] = []
    /// The row's warnings, each with its kind (counted and capped per kind by the sink).
    private(set) var warnings: [(kind: WarningKind, diagnostic: Diagnostic)] = []
    /// The record could not be split into the header's fields; only the reporting of which id it
    /// would have defined is left to do.
    var structureBroken = false

    init(
        file: String, reader: CSVReader, record: CSVRecord, layout: [Int?], columns: [ColumnSpec],
        extras: [(name: String, field: Int)]
    ) {
        self.file = file
        self.reader = reader
        self.record = record
        self.layout = layout
        self.columns = columns
        self.extras = extras
    }

    var failed: Bool { !errors.isEmpty }
    var line: Int { record.line }

    /// Reports structural problems; returns whether the row can be read field by field.
    mutating func checkStructure(expectedFields: Int) -> Bool {
        if record.problems.isEmpty && record.fieldCount == expectedFields { return true }
        var reported = Set<Int>()
        for (problem, offset) in record.problems {
            let key = problemKey(problem)
            guard reported.insert(key).inserted else { continue }
            let at = reader.location(of: offset, recordStart: record.start, recordLine: record.line)
            var message = problem.message
            if problem == .unterminatedQuote {
                let last = reader.location(
                    of: max(record.end - 1, record.start), recordStart: record.start, recordLine: record.line
                ).line
                if last > at.line { message += "; lines \(at.line) to \(last) were read as this one field" }
            }
            errors.append(Diagnostic(file: file, line: at.line, column: at.column, severity: .error, message: message))
        }
        if !errors.isEmpty { return false }
        if record.fieldCount != expectedFields {
            let column: Int
            if record.fieldCount > expectedFields {
                column = location(ofField: expectedFields).column
            } else {
                column = 1
            }
            errors.append(
                Diagnostic(
                    file: file, line: record.line, column: column, severity: .error,
                    message: "row has \(record.fieldCount) fields; the header has \(expectedFields)"))
            return false
        }
        return true
    }

    private func problemKey(_ problem: CSVProblem) -> Int {
        switch problem {
        case .unterminatedQuote: 0
        case .textAfterClosingQuote: 1
        case .quoteInUnquotedField: 2
        case .nulByte: 3
        case .invalidUTF8: 4
        }
    }

    func location(ofField position: Int) -> (line: Int, column: Int) {
        guard position < record.fields.count else { return (record.line, 1) }
        return reader.location(of: record.fields[position].rawStart, recordStart: record.start, recordLine: record.line)
    }

    /// The text of a contract column, `nil` when absent or empty (or beyond the end of a short,
    /// broken row).
    func string(_ column: Int) -> String? {
        guard let position = layout[column], position < record.fields.count else { return nil }
        let field = record.fields[position]
        guard field.end > field.start else { return nil }
        return reader.string(field)
    }

    /// The text of a column for enumerated, numeric and date values: surrounding spaces trimmed.
    func token(_ column: Int) -> String? {
        guard let text = string(column) else { return nil }
        if let first = text.utf8.first, let last = text.utf8.last, first != 0x20, first != 0x09, last != 0x20,
            last != 0x09
        {
            return text
        }
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Values of the unknown extra columns, in header order.
    func extraValues() -> [String?] {
        extras.map { extra in
            let field = record.fields[extra.field]
            return field.end > field.start ? reader.string(field) : nil
        }
    }

    mutating func error(_ column: Int, _ message: String) {
        let at = location(ofField: layout[column] ?? 0)
        errors.append(Diagnostic(file: file, line: at.line, column: at.column, severity: .error, message: message))
    }

    /// An error placed at a field given by its position in the record (not a contract column).
    mutating func error(atField position: Int, _ message: String) {
        let at = location(ofField: position)
        errors.append(Diagnostic(file: file, line: at.line, column: at.column, severity: .error, message: message))
    }

    mutating func warning(_ kind: WarningKind, _ column: Int, _ message: String) {
        let at = location(ofField: layout[column] ?? 0)
        warnings.append(
            (
                kind,
                Diagnostic(
                    file: file, line: at.line, column: at.column, severity: .warning, message: message, kind: kind)
            ))
    }

    /// A required value: reports "missing" when empty.
    mutating func required(_ column: Int) -> String? {
        guard let value = string(column) else {
            error(column, "missing required value in column '\(columns[column].name)'")
            return nil
        }
        return value
    }

    /// Parses an optional date column; reports an error for anything but a real `YYYY-MM-DD`.
    mutating func date(_ column: Int) -> (Int32, ok: Bool) {
        guard let text = token(column) else { return (Day.noneRaw, true) }
        guard let day = Day(iso: text) else {
            let shown = columns[column].personal ? "" : " '\(Quoting.safe(text))'"
            error(
                column,
                "\(columns[column].name) \(shown.isEmpty ? "is" : "value\(shown) is") not a real date in the form YYYY-MM-DD"
            )
            return (Day.noneRaw, false)
        }
        return (day.rawValue, true)
    }

    /// A required date column: reports "missing" when empty and any date that does not exist.
    mutating func requiredDate(_ column: Int) -> Day? {
        guard required(column) != nil else { return nil }
        let (raw, ok) = date(column)
        return ok ? Day(rawValue: raw) : nil
    }

    /// A required enumerated column: reports "missing" when empty and values outside the list.
    mutating func requiredEnumerated<T>(_ column: Int, _ parse: (String) -> T?, allowed: [String]) -> T? {
        guard token(column) != nil else {
            _ = required(column)
            return nil
        }
        return enumerated(column, parse, allowed: allowed)
    }

    /// An optional small whole number in `range`; reports anything else as out of range.
    mutating func smallInteger(_ column: Int, in range: ClosedRange<UInt8>, expected: String) -> UInt8? {
        guard let text = token(column) else { return nil }
        guard let value = UInt8(text), range.contains(value) else {
            error(column, "\(columns[column].name) '\(Quoting.safe(text))' is out of range; expected \(expected)")
            return nil
        }
        return value
    }

    /// Parses an optional enumerated column with the given parser; reports unknown values.
    mutating func enumerated<T>(_ column: Int, _ parse: (String) -> T?, allowed: [String]) -> T? {
        guard let text = token(column) else { return nil }
        guard let value = parse(text) else {
            error(
                column,
                "unknown \(columns[column].name) '\(Quoting.safe(text))'; expected one of: \(allowed.joined(separator: ", "))"
            )
            return nil
        }
        return value
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
