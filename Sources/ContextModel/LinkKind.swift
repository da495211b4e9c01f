/// What a link between two entities means (the `kind` column of `links.csv`).
///
/// `exploits` runs from the one causing harm to the young person; `attends` from a person to a
/// school, `frequents` from a person to a location, `member` from a person to a group. The other
/// kinds are undirected.
public enum LinkKind: UInt8, Codable, DataName {
    case associate
    case attends
    case frequents
    case exploits
    case relationship
    case member
    case onlineContact
    case sibling

    /// The spelling used in the data files.
    public var name: String {
        switch self {
        case .associate: "associate"
        case .attends: "attends"
        case .frequents: "frequents"
        case .exploits: "exploits"
        case .relationship: "relationship"
        case .member: "member"
        case .onlineContact: "online_contact"
        case .sibling: "sibling"
        }
    }

    /// Whether source and target play different roles (the link has a direction).
    public var isDirected: Bool {
        switch self {
        case .exploits, .attends, .frequents, .member: true
        case .associate, .relationship, .onlineContact, .sibling: false
        }
    }

    public static let byName = nameIndex()

    /// Checks the shape the contract requires of a link of this kind.
    ///
    /// - Returns: `nil` when the kinds of source and target fit, otherwise a sentence saying what
    ///   was expected (it names kinds only, never ids or labels).
    public func shapeProblem(source: EntityKind, target: EntityKind) -> String? {
        switch self {
        case .attends:
            if !source.isPerson { return "an 'attends' link must start at a person, not a \(source)" }
            if target != .school { return "an 'attends' link must end at a school, not a \(target)" }
        case .frequents:
            if !source.isPerson { return "a 'frequents' link must start at a person, not a \(source)" }
            if target != .location { return "a 'frequents' link must end at a location, not a \(target)" }
        case .member:
            if !source.isPerson { return "a 'member' link must start at a person, not a \(source)" }
            if target != .group { return "a 'member' link must end at a group, not a \(target)" }
        case .exploits:
            if !source.isPerson { return "an 'exploits' link must start at a person, not a \(source)" }
            if !target.isYoungPerson {
                return "an 'exploits' link must end at a child or peer, not a \(target)"
            }
        case .associate, .relationship, .onlineContact, .sibling:
            if !source.isPerson || !target.isPerson {
                return "'\(name)' links must join two people, not a \(source) and a \(target)"
            }
        }
        return nil
    }
}

extension LinkKind {
    /// Encoded as its data-file spelling, so configurations and reports read as the data does.
    public func encode(to encoder: any Encoder) throws { try NameCoding.encode(name, to: encoder) }

    public init(from decoder: any Decoder) throws { self = try NameCoding.decode(from: decoder, LinkKind.init(name:)) }
}
