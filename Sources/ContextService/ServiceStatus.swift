import ContextIngest
import Foundation

/// What `GET /status` returns. Counts, outcomes, durations, run ids, times, and validation
/// problems with their place (file, line, column) and message, the values the message quotes
/// replaced by `'…'` (see ``redactQuoted(_:)``): nothing that identifies a person (names, labels,
/// dates of birth, notes and entity ids stay in the owner-only files: `validation.txt` in the state
/// folder, the run's outputs). Where a list is cut, a `…_more` field counts what was left out.
struct ServiceStatus: Codable, Sendable {
    struct Run: Codable, Sendable {
        var runID: String
        var dataset: String
        var kind: String
        var trigger: String
        var job: String?
        /// `queued`, `running`, `succeeded`, `rejected` (data failed validation), `failed`, `abandoned` (shutdown during
        /// the run), `requeued` (the data changed while it was read: nothing published, queued again).
        var outcome: String
        /// For a queued or waiting run: what it waits for (`quiet`, `ready_marker`).
        var waitingFor: String? = nil
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
        /// How many problems were left out of `problems`.
        var problemsMore: Int = 0
    }

    /// A failed run waiting to be retried (bounded exponential backoff).
    struct Retry: Codable, Sendable {
        var kind: String
        /// Failed attempts so far, the first run included.
        var attempts: Int
        var maxAttempts: Int
        /// When the next attempt is queued; `nil` once `maxAttempts` have failed (it waits for
        /// the next change, job or `POST /runs`).
        var nextAt: String?
        var reason: String?
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
        /// Failed runs of this dataset to be retried.
        var retries: [Retry] = []
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
    /// Older runs left out of `recentRuns` (it keeps the latest 50).
    var recentRunsMore: Int = 0
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

    /// Template text that ContextIngest's messages put after every value they quote, and that
    /// itself holds quotes; kept when it is followed only by plain names (the list of allowed
    /// values), which a quoted value never is (its closing quote would follow).
    static let quotedTemplateTails = ["; expected ';'-separated values from: "]

    /// Replaces the quoted values of a message with one `'…'`: everything from its first `'` to its
    /// last `'`. ContextIngest quotes every value it shows (`'…'`, never escaping a `'` inside), and
    /// puts no value outside quotes, so every value lies between the first and the last quote
    /// whatever it contains (apostrophes, quotes, backslashes, any Unicode); template text between
    /// two values is lost with them, which only hides more. An unterminated quote hides the rest.
    static func redactQuoted(_ text: String) -> String {
        var head = Substring(text)
        var tail = Substring("")
        for literal in quotedTemplateTails {
            guard let range = text.range(of: literal, options: .backwards) else { continue }
            let rest = text[range.upperBound...]
            let plain = rest.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || [" ", ",", "_", "-", "."].contains($0)
            }
            if plain {
                head = text[..<range.lowerBound]
                tail = text[range.lowerBound...]
                break
            }
        }
        guard let first = head.firstIndex(of: "'"), let last = head.lastIndex(of: "'") else { return text }
        if first == last { return head[..<first] + "'…" }
        return head[..<first] + "'…'" + head[head.index(after: last)...] + tail
    }
}
