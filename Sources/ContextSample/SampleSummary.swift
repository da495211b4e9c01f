public import ContextModel

/// What ``SampleWorld/write(to:)`` wrote: row counts per file and counts by kind.
///
/// Keys are the data files' spellings (`entities.csv`, `child`, `online_contact`, `park`), so the
/// summary reads the same as the files when encoded as JSON.
public struct SampleSummary: Sendable, Hashable, Codable {
    /// The folder the files were written into.
    public var directory: String
    /// The seed the dataset was generated from.
    public var seed: UInt64
    /// The date the dataset is "as of": ages, event and action dates are relative to it.
    public var referenceDate: Day
    /// Number of wards (distinct `area` values).
    public var wards: Int
    /// Data rows (header excluded) per file name.
    public var rows: [String: Int]
    /// Entity rows per entity kind.
    public var entityKinds: [String: Int]
    /// Location rows per location category.
    public var locationCategories: [String: Int]
    /// Link rows per link kind.
    public var linkKinds: [String: Int]
    /// Links graded E (suspected to be false), which a loader warns about and keeps out of the
    /// analysis.
    public var linksGradedE: Int
    /// Event rows per event kind.
    public var eventKinds: [String: Int]
    /// Action rows per action kind.
    public var actionKinds: [String: Int]

    /// Entity rows of one kind.
    public func count(of kind: EntityKind) -> Int { entityKinds[kind.name, default: 0] }

    /// Link rows of one kind.
    public func count(of kind: LinkKind) -> Int { linkKinds[kind.name, default: 0] }

    /// Rows written to one file (`entities.csv`, `links.csv`, `events.csv`, `actions.csv`).
    public func rows(in file: String) -> Int { rows[file, default: 0] }
}
