import ContextFiles
public import ContextReports
import Foundation
import GRDB

/// Why the history could not be read or written. The message names the file and the step,
/// never a value from the data.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What one run leaves behind for later trends.
public struct HistoryEntry: Sendable, Hashable {
    /// `run`, `report schools` or `report board`.
    public var kind: String
    public var recordedAt: String
    public var asOf: String
    public var schools: [ReportHistory.SchoolScore]
    public var contexts: [ReportHistory.ContextScore]
    public var clusters: [ReportHistory.ClusterScore]
    /// The board's headline counts, for a board run.
    public var period: ReportHistory.Period?

    public init(
        kind: String, recordedAt: String, asOf: String, schools: [ReportHistory.SchoolScore] = [],
        contexts: [ReportHistory.ContextScore] = [], clusters: [ReportHistory.ClusterScore] = [],
        period: ReportHistory.Period? = nil
    ) {
        self.kind = kind
        self.recordedAt = recordedAt
        self.asOf = asOf
        self.schools = schools
        self.contexts = contexts
        self.clusters = clusters
        self.period = period
    }
}

/// The run history: `history.sqlite` in the state folder, through GRDB, with versioned
/// migrations. Each run records the scores it produced (schools, contexts by pseudonym,
/// clusters) and, for a board, its period's headline counts; reports read the latest earlier
/// run and the counts of past periods.
///
/// The folder is created owner-only (0700) and the database file 0600 before SQLite opens it
/// (SQLite gives its journal the database file's permissions).
public struct HistoryStore: Sendable {
    public static let fileName = "history.sqlite"
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating if needed) the history in a state folder and brings its schema up to date.
    ///
    /// - Throws: ``HistoryError`` when the folder or the database cannot be created or migrated.
    public init(stateFolder: String) throws(HistoryError) {
        path = stateFolder + "/" + Self.fileName
        do {
            let folder = try Folder.create(stateFolder).folder
            _ = try folder.writeIfAbsent(Self.fileName, [])
        } catch {
            throw HistoryError("state folder \(stateFolder) or its history database cannot be created: \(error.reason)")
        }
        do {
            queue = try DatabaseQueue(path: path)
            try Self.migrator.migrate(queue)
        } catch {
            throw HistoryError("history database \(path) cannot be opened or migrated: \(Self.describe(error))")
        }
    }

    /// The schema, one migration per version; never edit a shipped migration, add one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and scores") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("recorded_at", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "school_score") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("school", .text).notNull()
                t.column("score", .double).notNull()
                t.column("rank", .integer).notNull()
                t.column("tier", .integer).notNull()
            }
            try db.create(table: "context_score") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("pseudonym", .text).notNull()
                t.column("score", .double).notNull()
                t.column("rank", .integer).notNull()
            }
            try db.create(table: "cluster_score") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("cluster", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("children", .integer).notNull()
            }
            try db.create(table: "period_measure") { t in
                t.column("run_id", .integer).notNull().indexed().references("run", onDelete: .cascade)
                t.column("period", .text).notNull().indexed()
                t.column("measure", .text).notNull()
                t.column("value", .integer).notNull()
            }
        }
        return migrator
    }

    /// The applied migrations, oldest first.
    public func appliedMigrations() throws(HistoryError) -> [String] {
        do {
            return try queue.read { db in try Self.migrator.appliedMigrations(db) }
        } catch {
            throw HistoryError("history database \(path) cannot be read: \(Self.describe(error))")
        }
    }

    /// What earlier runs left: the latest run with its scores, and the latest counts of each period.
    ///
    /// - Parameter asOfAtMost: only runs as of this date (`YYYY-MM-DD`) or earlier are candidates
    ///   for ``ReportHistory/previous``, so that a report on a past period is never compared with
    ///   a later state; `nil` for the latest run whatever its date.
    public func read(asOfAtMost: String? = nil) throws(HistoryError) -> ReportHistory {
        do {
            return try queue.read { db in
                var history = ReportHistory()
                let latest = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, recorded_at, as_of FROM run WHERE ? IS NULL OR as_of <= ?
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [asOfAtMost, asOfAtMost])
                history.recordedRuns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 0
                if let run = latest {
                    let id: Int64 = run["id"]
                    let schools = try Row.fetchAll(
                        db, sql: "SELECT school, score, rank, tier FROM school_score WHERE run_id = ? ORDER BY rank",
                        arguments: [id]
                    ).map {
                        ReportHistory.SchoolScore(
                            school: $0["school"], score: $0["score"], rank: $0["rank"], tier: $0["tier"])
                    }
                    let contexts = try Row.fetchAll(
                        db, sql: "SELECT pseudonym, score, rank FROM context_score WHERE run_id = ? ORDER BY rank",
                        arguments: [id]
                    ).map {
                        ReportHistory.ContextScore(pseudonym: $0["pseudonym"], score: $0["score"], rank: $0["rank"])
                    }
                    let clusters = try Row.fetchAll(
                        db, sql: "SELECT cluster, size, children FROM cluster_score WHERE run_id = ? ORDER BY cluster",
                        arguments: [id]
                    ).map {
                        ReportHistory.ClusterScore(cluster: $0["cluster"], size: $0["size"], children: $0["children"])
                    }
                    history.previous = ReportHistory.Run(
                        id: id, recordedAt: run["recorded_at"], asOf: run["as_of"], schools: schools,
                        contexts: contexts,
                        clusters: clusters)
                }
                // The latest run's counts for each period.
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT period, measure, value FROM period_measure
                        WHERE run_id = (SELECT MAX(run_id) FROM period_measure AS latest WHERE latest.period = period_measure.period)
                        ORDER BY period, measure
                        """)
                var periods: [String: [String: Int]] = [:]
                for row in rows {
                    let period: String = row["period"]
                    periods[period, default: [:]][row["measure"]] = row["value"]
                }
                for (period, measures) in periods {
                    history.periods[period] = ReportHistory.Period(period: period, measures: measures)
                }
                return history
            }
        } catch {
            throw HistoryError("history database \(path) cannot be read: \(Self.describe(error))")
        }
    }

    /// Records one run's scores, in one transaction.
    ///
    /// - Returns: the new run's id.
    @discardableResult
    public func record(_ entry: HistoryEntry) throws(HistoryError) -> Int64 {
        do {
            return try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO run (kind, recorded_at, as_of) VALUES (?, ?, ?)",
                    arguments: [entry.kind, entry.recordedAt, entry.asOf])
                let id = db.lastInsertedRowID
                for school in entry.schools {
                    try db.execute(
                        sql: "INSERT INTO school_score (run_id, school, score, rank, tier) VALUES (?, ?, ?, ?, ?)",
                        arguments: [id, school.school, school.score, school.rank, school.tier])
                }
                for context in entry.contexts {
                    try db.execute(
                        sql: "INSERT INTO context_score (run_id, pseudonym, score, rank) VALUES (?, ?, ?, ?)",
                        arguments: [id, context.pseudonym, context.score, context.rank])
                }
                for cluster in entry.clusters {
                    try db.execute(
                        sql: "INSERT INTO cluster_score (run_id, cluster, size, children) VALUES (?, ?, ?, ?)",
                        arguments: [id, cluster.cluster, cluster.size, cluster.children])
                }
                if let period = entry.period {
                    for (measure, value) in period.measures.sorted(by: { $0.key < $1.key }) {
                        try db.execute(
                            sql: "INSERT INTO period_measure (run_id, period, measure, value) VALUES (?, ?, ?, ?)",
                            arguments: [id, period.period, measure, value])
                    }
                }
                return id
            }
        } catch {
            throw HistoryError("history database \(path) cannot be written: \(Self.describe(error))")
        }
    }

    /// SQLite's result code and message only: GRDB leaves statement arguments (data values) out
    /// of its errors unless asked, and this never asks.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "")"
        }
        return "\(type(of: error))"
    }
}
