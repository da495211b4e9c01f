/// What earlier runs produced, as the reports read it: the previous run's scores and the board
/// counts of past periods. Read from the state folder's history database by `ContextHistory`;
/// ``empty`` on a fresh state folder, and every report then says that no history exists yet.
public struct ReportHistory: Sendable, Hashable, Codable {
    /// A school's place in a previous run.
    public struct SchoolScore: Sendable, Hashable, Codable {
        public let school: String
        public let score: Double
        public let rank: Int
        public let tier: Int
        public init(school: String, score: Double, rank: Int, tier: Int) {
            self.school = school
            self.score = score
            self.rank = rank
            self.tier = tier
        }
    }

    /// A context's score in a previous run, keyed by its pseudonym (never its id or label).
    public struct ContextScore: Sendable, Hashable, Codable {
        public let pseudonym: String
        public let score: Double
        public let rank: Int
        public init(pseudonym: String, score: Double, rank: Int) {
            self.pseudonym = pseudonym
            self.score = score
            self.rank = rank
        }
    }

    /// A cluster's size in a previous run.
    public struct ClusterScore: Sendable, Hashable, Codable {
        public let cluster: String
        public let size: Int
        public let children: Int
        public init(cluster: String, size: Int, children: Int) {
            self.cluster = cluster
            self.size = size
            self.children = children
        }
    }

    /// A run that left scores behind.
    public struct Run: Sendable, Hashable, Codable {
        public let id: Int64
        public let recordedAt: String
        public let asOf: String
        public let schools: [SchoolScore]
        public let contexts: [ContextScore]
        public let clusters: [ClusterScore]
        public init(
            id: Int64, recordedAt: String, asOf: String, schools: [SchoolScore], contexts: [ContextScore],
            clusters: [ClusterScore]
        ) {
            self.id = id
            self.recordedAt = recordedAt
            self.asOf = asOf
            self.schools = schools
            self.contexts = contexts
            self.clusters = clusters
        }
    }

    /// The board's headline counts for one past period (unsuppressed; the board suppresses them).
    public struct Period: Sendable, Hashable, Codable {
        public let period: String
        public let measures: [String: Int]
        public init(period: String, measures: [String: Int]) {
            self.period = period
            self.measures = measures
        }
    }

    /// The latest earlier run, `nil` when none.
    public var previous: Run?
    /// The latest recorded counts of each past period, by period label.
    public var periods: [String: Period]
    /// Runs recorded in all, whatever their date (``previous`` may be `nil` when every one is
    /// as of a later date than the report).
    public var recordedRuns: Int

    public init(previous: Run? = nil, periods: [String: Period] = [:], recordedRuns: Int? = nil) {
        self.previous = previous
        self.periods = periods
        self.recordedRuns = recordedRuns ?? (previous == nil ? 0 : 1)
    }

    public static let empty = ReportHistory()

    /// Whether any earlier run left scores behind.
    public var exists: Bool { recordedRuns > 0 || !periods.isEmpty }

    /// What the comparison rests on, in a sentence: the run compared with, that no run is as
    /// early as `date`, or that no history exists yet.
    public func note(comparingAsOfAtMost date: String) -> String {
        if let previous {
            return "Compared with the run recorded at \(previous.recordedAt) (as of \(previous.asOf))."
        }
        if recordedRuns > 0 {
            return "No run is recorded as of \(date) or earlier (\(recordedRuns) recorded as of later dates): "
                + "trends start here."
        }
        return Self.noHistoryNote
    }

    /// The sentence the reports print on a fresh state folder.
    public static let noHistoryNote = "No history exists yet: this is the first run recorded in this state folder."
}
