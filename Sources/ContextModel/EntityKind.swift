/// What an entity in a dataset is (the `kind` column of `entities.csv`).
///
/// `child` is a young person open to the MACE (a subject of concern); `peer` is any other young
/// person in their world; `perpetrator` is a person suspected of causing harm, adult or young.
public enum EntityKind: UInt8, Codable, DataName {
    case child
    case peer
    case perpetrator
    case location
    case school
    case group

    /// The spelling used in the data files.
    public var name: String {
        switch self {
        case .child: "child"
        case .peer: "peer"
        case .perpetrator: "perpetrator"
        case .location: "location"
        case .school: "school"
        case .group: "group"
        }
    }

    /// Whether the entity is a person (child, peer or perpetrator) rather than a context.
    public var isPerson: Bool { self == .child || self == .peer || self == .perpetrator }

    /// Whether the entity is a young person (a child open to the MACE or a peer).
    public var isYoungPerson: Bool { self == .child || self == .peer }

    public static let byName = nameIndex()
}

extension EntityKind {
    /// Encoded as its data-file spelling, so configurations and reports read as the data does.
    public func encode(to encoder: any Encoder) throws { try NameCoding.encode(name, to: encoder) }

    public init(from decoder: any Decoder) throws {
        self = try NameCoding.decode(from: decoder, EntityKind.init(name:))
    }
}
