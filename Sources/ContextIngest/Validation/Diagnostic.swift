/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, Hashable {
    /// The row (or file) cannot be used: strict mode rejects the dataset, lenient mode sets the
    /// row aside.
    case error
    /// Worth knowing; the run goes on.
    case warning
}

/// One problem found in a dataset, with where it is.
///
/// `description` is exactly `FILE:LINE:COLUMN: SEVERITY: MESSAGE`, the form compilers use, so
/// editors and terminals can jump to it. Messages never echo the content of personal-data
/// columns (`label`, `dob`, `notes`, and unknown extra columns).
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's name inside the dataset folder (e.g. `links.csv`).
    public let file: String
    /// 1-based line; the header is line 1.
    public let line: Int
    /// 1-based column, counted in Unicode scalars, of the field the problem is in.
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// A row that lenient mode set aside, and why.
public struct SetAsideRow: Sendable, Hashable, Codable {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}

/// One input file as read: its name, size, SHA-256 and data rows.
public struct InputFileSummary: Sendable, Hashable, Codable {
    public let name: String
    public let bytes: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    public let sha256: String
    /// Data rows read (the header and blank lines not counted).
    public let rows: Int
    /// Rows that went into the graph (merged duplicate links and dropped self-links not counted).
    public var rowsUsed: Int
}

/// Everything validation found in a dataset.
public struct ValidationReport: Sendable, Codable {
    public internal(set) var errors: [Diagnostic] = []
    public internal(set) var warnings: [Diagnostic] = []
    public internal(set) var setAside: [SetAsideRow] = []
    public internal(set) var files: [InputFileSummary] = []

    public init() {}

    /// Errors then warnings, each in file order.
    public var diagnostics: [Diagnostic] { errors + warnings }
}

/// How validation treats rows with errors.
public enum ValidationPolicy: String, Sendable, Codable, Hashable {
    /// Any error rejects the whole dataset; nothing is written. The default.
    case strict
    /// Rows with errors are set aside and listed in the manifest; the run goes on with the rest.
    /// Problems that leave a required file unusable (a missing required column, say) still
    /// reject the dataset.
    case lenient
}
