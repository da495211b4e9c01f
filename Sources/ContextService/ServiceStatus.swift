import ContextIngest
import Foundation

/// What `GET /status` returns. Counts, outcomes, durations, run ids, times, and validation
/// problems with their place (file, line, column) and message, any quoted value in the message
/// replaced by `'…'`: nothing that identifies a person (names, labels, dates of birth, notes and
/// entity ids stay in the owner-only files: `validation.txt` in the state folder, the run's
/// outputs).
struct ServiceStatus: Codable, Sendable {
    struct Run: Codable, Sendable {
        var runID: String
        var dataset: String
        var kind: String
        var trigger: String
        var job: String?
        /// `queued`, `running`, `succeeded`, `rejected` (data failed validation), `failed`,
        /// `abandoned` (shutdown during the run).
        var outcome: String
        var queuedAt: String
        var startedAt: String?
        var seconds: Double?
        var entities: Int?
        var links: Int?
        var warnings: Int?
        var errors: Int?
        /// For failed runs: what went wrong (no personal data; quoted values redacted).
        var reason: String?
        /// Where it wrote, relative to the dataset's output folder (`runs/<id>`,
        /// `reports/board-2024-09`).
        var output: String?
    }

    struct Validation: Codable, Sendable {
        /// The run whose report this is.
        var runID: String
        var errors: Int
        var warnings: Int
        /// The first problems, errors first (at most 50).
        var problems: [String]
    }

    struct Dataset: Codable, Sendable {
        var name: String
        var watch: Bool
        /// The run `latest` points at.
        var latestRun: String?
        var lastSuccessAt: String?
        /// The last validation report (of a rejected run if that is the newer, else of the last
        /// successful run's warnings).
        var validation: Validation?
    }

    struct Job: Codable, Sendable {
        var name: String
        var cron: String
        var kind: String
        var dataset: String
        var nextRun: String?
        var lastRun: String?
    }

    var service: String = "contextd"
    var version: String
    var startedAt: String
    var configurationLoadedAt: String
    var timezone: String
    var ready: Bool
    var running: Run?
    var queue: [Run]
    var recentRuns: [Run]
    var datasets: [Dataset]
    var jobs: [Job]

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A diagnostic as `FILE:LINE:COLUMN: SEVERITY: MESSAGE` with quoted values redacted.
    static func redacted(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): "
            + redactQuoted(diagnostic.message)
    }

    /// Replaces every `'…'`-quoted span with `'…'` (messages quote the offending value).
    static func redactQuoted(_ text: String) -> String {
        var result = ""
        var inside = false
        for character in text {
            if character == "'" {
                result += inside ? "…'" : "'"
                inside.toggle()
            } else if !inside {
                result.append(character)
            }
        }
        if inside { result += "…" }
        return result
    }
}
