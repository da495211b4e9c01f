/// `board.json`: the hotspot summary for strategic boards (community safety partnership,
/// safeguarding children partnership, YOT board). Aggregated and pseudonymised, marked
/// OFFICIAL: no child's id, name or date of birth; places named by category, area and a stable
/// pseudonym; every count of children or episodes from 1 to the threshold suppressed, with
/// secondary suppression (``DisclosureControl``).
public struct BoardReport: Codable, Sendable {
    /// A published count: the value, or `suppressed` (then no value).
    public struct Cell: Codable, Sendable, Hashable {
        public let value: Int?
        public let suppressed: Bool

        public init(value: Int?, suppressed: Bool) {
            self.value = suppressed ? nil : value
            self.suppressed = suppressed
        }

        /// A single count with primary suppression only (no totals are published with it).
        public static func single(_ value: Int, threshold: Int) -> Cell {
            Cell(value: value, suppressed: value >= 1 && value <= threshold)
        }
    }

    /// A table with row and column totals, after disclosure control.
    public struct Table: Codable, Sendable {
        public let name: String
        public let title: String
        public let rowHeading: String
        /// Row labels, the last being the total row.
        public let rows: [String]
        /// Column labels, the last being the total column.
        public let columns: [String]
        /// `rows.count × columns.count` cells, totals included.
        public let cells: [[Cell]]
        public let note: String?
    }

    public struct Period: Codable, Sendable {
        public let label: String
        public let start: String
        public let end: String
    }

    public struct Suppression: Codable, Sendable {
        public let threshold: Int
        public let rules: [String]
        /// How many cells were suppressed, in all tables: primary and secondary.
        public let primaryCells: Int
        public let secondaryCells: Int
    }

    public struct Hotspot: Codable, Sendable {
        public let rank: Int
        public let pseudonym: String
        /// Category and area, e.g. `takeaway, Ward X`.
        public let description: String
        public let score: Double
        /// `up`, `down`, `same`, `new`, or `no history`.
        public let trend: String
        public let previousScore: Double?
        public let childrenLinked: Cell
    }

    public struct Cluster: Codable, Sendable {
        public let pseudonym: String
        /// Members (people, places and groups) as a band, e.g. `10-24`.
        public let sizeBand: String
        public let children: Cell
        public let highestLevel: Int?
        public let exploitation: [String]
        /// `grown`, `shrunk`, `same size`, `new`, or `no history`.
        public let trend: String
    }

    public struct TrendPoint: Codable, Sendable {
        public let period: String
        /// Measures by name: `missing_episodes`, `found_missing`, `incidents`, `weapons` from the
        /// dated events; `children_open` from the history (absent when no board was recorded for
        /// the period).
        public let measures: [String: Cell]
    }

    public struct OutcomeGroup: Codable, Sendable {
        public let actionKind: String
        public let actions: Int
        /// Actions by verdict (``OutcomeMeasures/verdicts``).
        public let verdicts: [String: Int]
        public let childrenLinkedBefore: Cell
        public let childrenLinkedAfter: Cell
        public let eventsBefore: Cell
        public let eventsAfter: Cell
    }

    public let schemaVersion: Int
    public let marking: String
    public let period: Period
    public let asOf: String
    public let suppression: Suppression
    public let childrenOpen: Cell
    public let tables: [Table]
    public let hotspots: [Hotspot]
    public let clusters: [Cluster]
    public let trend: [TrendPoint]
    public let outcomes: [OutcomeGroup]
    public let outcomeNote: String
    public let history: String
    public let mapNote: String
    public let notes: [String]

    public static let marking = "OFFICIAL"
    public static let markingLine = "OFFICIAL (aggregated)"
    public static let mapNote =
        "The map shows one node per concern cluster, never a person: a person-level map, even "
        + "pseudonymised, lets a reader who knows the children re-identify them by the shape of their "
        + "links. Counts of children from 1 to the threshold are shown as [c]."
}
