/// What sort of place a location is (`category` column of `entities.csv`).
public enum LocationCategory: UInt8, Codable, DataName {
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

    public static let byName = nameIndex()
}
