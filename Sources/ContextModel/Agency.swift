/// The agency that supplied a link or took an action (`agency` column).
public enum Agency: UInt8, Codable, DataName {
    case police = 1
    case socialCare
    case education
    case health
    case yot
    case communitySafety
    case housing
    case voluntary

    public var name: String {
        switch self {
        case .police: "police"
        case .socialCare: "social_care"
        case .education: "education"
        case .health: "health"
        case .yot: "yot"
        case .communitySafety: "community_safety"
        case .housing: "housing"
        case .voluntary: "voluntary"
        }
    }

    public static let byName = nameIndex()
}
