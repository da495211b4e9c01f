/// A value that must never reach a log or an aggregated output by accident.
///
/// Its `description` is redacted, so string interpolation into a log message prints
/// `<redacted>`; the value itself is read through ``revealed`` where a reader may see it
/// (an analyst's map), which makes every such place easy to find.
public struct Redacted<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let revealed: Value
    public init(_ value: Value) { self.revealed = value }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}

extension Redacted: Equatable where Value: Equatable {}
extension Redacted: Hashable where Value: Hashable {}

/// Columns kept as free attributes of the rows of one file: the unknown extra columns.
///
/// Unknown columns may hold anything, personal data included, so they are treated as personal.
public struct FreeAttributes: Sendable {
    /// Column names as written in the header (trimmed).
    public internal(set) var names: [String] = []
    /// `values[row][column]`, `nil` when empty; only filled when there are extra columns.
    public internal(set) var values: [[String?]] = []
    public init() {}
    public init(names: [String], values: [[String?]]) {
        self.names = names
        self.values = values
    }
}

/// The personal data of a dataset, kept apart from ``ContextGraph`` so that the analysis never
/// receives it: labels, dates of birth, event and action notes, and the free columns.
///
/// Only the analyst's network maps read it. Every value is ``Redacted``.
public struct PersonalData: Sendable {
    /// Display names by entity index.
    public let labels: [Redacted<String>?]
    /// Dates of birth by entity index (``Day/noneRaw`` when not given).
    public let datesOfBirth: Redacted<[Int32]>
    public let eventNotes: [Redacted<String>?]
    public let actionNotes: [Redacted<String>?]
    public let entityAttributes: Redacted<FreeAttributes>
    public let linkAttributes: Redacted<FreeAttributes>

    public init(
        labels: [Redacted<String>?], datesOfBirth: [Int32], eventNotes: [Redacted<String>?],
        actionNotes: [Redacted<String>?], entityAttributes: FreeAttributes, linkAttributes: FreeAttributes
    ) {
        self.labels = labels
        self.datesOfBirth = Redacted(datesOfBirth)
        self.eventNotes = eventNotes
        self.actionNotes = actionNotes
        self.entityAttributes = Redacted(entityAttributes)
        self.linkAttributes = Redacted(linkAttributes)
    }
}
