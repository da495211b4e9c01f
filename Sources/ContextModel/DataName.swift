/// A closed list of values spelled as the data files spell them (`online_contact`,
/// `licensed_premises`): entity, link, event and action kinds, location categories, agencies.
///
/// Each type says how each case is spelled (``name``, the data contract) and keeps one index of
/// the spellings (``byName``, built once by ``nameIndex()``); parsing, `description` and the list
/// of names come from here. Parsing is exact and case-sensitive, as the contract lists values.
public protocol DataName: CaseIterable, Sendable, Hashable, CustomStringConvertible where AllCases == [Self] {
    /// The spelling used in the data files.
    var name: String { get }
    /// Every case by its spelling.
    static var byName: [String: Self] { get }
}

extension DataName {
    public var description: String { name }

    /// Parses the data-file spelling; `nil` for anything else.
    public init?(name: String) {
        guard let value = Self.byName[name] else { return nil }
        self = value
    }

    /// Every spelling, in the contract's order.
    public static var names: [String] { allCases.map(\.name) }

    /// The index of spellings that a conforming type stores once in ``byName``.
    public static func nameIndex() -> [String: Self] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
    }
}
