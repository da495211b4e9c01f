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
    /// What kind of warning this is (`nil` for an error): warnings are counted, and listed up to
    /// ``IngestLimits/warningLocations``, per kind.
    public let kind: WarningKind?

    public init(
        file: String, line: Int, column: Int, severity: Severity, message: String, kind: WarningKind? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.kind = kind
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

/// The kinds of warning, each counted on its own and listed up to a cap.
public enum WarningKind: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// A link graded `E` (suspected to be false): kept, out of the analysis.
    case gradedE = "graded_e"
    /// A link with the same endpoints and kind as an earlier one: merged into it.
    case duplicateLink = "duplicate_link"
    /// A link from an entity to itself: dropped.
    case selfLink = "self_link"
    /// A link whose `last_seen` is before its `first_seen`.
    case lastSeenBeforeFirstSeen = "last_seen_before_first_seen"
    /// A child with no links.
    case childWithoutLinks = "child_without_links"
    /// An id that differs from an earlier one but looks like it (normalisation, case, script).
    case lookAlikeID = "look_alike_id"

    /// The data-file style name, e.g. `duplicate_link`.
    public var name: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// How many warnings of one kind a dataset had, and how many of them are listed with their
/// location in ``ValidationReport/warnings``.
public struct WarningCount: Sendable, Hashable, Codable {
    public let kind: WarningKind
    public internal(set) var count: Int
    public internal(set) var listed: Int

    /// Warnings of this kind counted but not listed.
    public var unlisted: Int { count - listed }
}

/// Everything validation found in a dataset.
///
/// Errors are all listed. Warnings are listed with their location up to
/// ``IngestLimits/warningLocations`` of each kind, in file order, and past that only counted
/// (``warningCounts``), so that millions of duplicate links cost a counter, not a message each.
public struct ValidationReport: Sendable, Codable {
    public internal(set) var errors: [Diagnostic] = []
    /// The warnings listed with their location: at most ``IngestLimits/warningLocations`` of each
    /// kind, in file order. ``warningCount`` is the total.
    public internal(set) var warnings: [Diagnostic] = []
    /// Every kind of warning that occurred, in ``WarningKind`` order, with its count.
    public internal(set) var warningCounts: [WarningCount] = []
    public internal(set) var setAside: [SetAsideRow] = []
    public internal(set) var files: [InputFileSummary] = []

    public init() {}

    /// Errors then the listed warnings, each in file order.
    public var diagnostics: [Diagnostic] { errors + warnings }

    /// All the warnings found, listed or not.
    public var warningCount: Int { warningCounts.reduce(0) { $0 + $1.count } }

    /// The listed warnings as `FILE:LINE:COLUMN: warning: MESSAGE`, then one line for each kind
    /// that had more than were listed (`warning: and N more duplicate_link warnings (…)`).
    public var warningLines: [String] {
        warnings.map(\.description)
            + warningCounts.filter { $0.unlisted > 0 }.map { count in
                "warning: and \(count.unlisted) more \(count.kind.name) warnings (\(count.listed) of "
                    + "\(count.count) listed; limits.warning_locations)"
            }
    }

    /// Counts a warning, and lists it while its kind has fewer than `cap` listed. The message is
    /// only made when the warning is listed.
    mutating func addWarning(
        _ kind: WarningKind, cap: Int, _ diagnostic: @autoclosure () -> Diagnostic
    ) {
        let slot: Int
        if let found = warningCounts.firstIndex(where: { $0.kind == kind }) {
            slot = found
        } else {
            slot = warningCounts.firstIndex(where: { $0.kind > kind }) ?? warningCounts.endIndex
            warningCounts.insert(WarningCount(kind: kind, count: 0, listed: 0), at: slot)
        }
        warningCounts[slot].count += 1
        if warningCounts[slot].listed < cap {
            warningCounts[slot].listed += 1
            warnings.append(diagnostic())
        }
    }
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
