/// What sort of place a location is (`category` column of `entities.csv`).
public enum LocationCategory: UInt8, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
    case park = 1
    case takeaway
    case shop
    case address
    case transport
    case online
    case licensedPremises
    case other

    public var name: String {
        switch self {
        case .park: "park"
        case .takeaway: "takeaway"
        case .shop: "shop"
        case .address: "address"
        case .transport: "transport"
        case .online: "online"
        case .licensedPremises: "licensed_premises"
        case .other: "other"
        }
    }

    public var description: String { name }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// Parses the data-file spelling; exact and case-sensitive, as the contract lists it.
    public init?(name: String) {
        guard let value = Self.byName[name] else { return nil }
        self = value
    }
}
