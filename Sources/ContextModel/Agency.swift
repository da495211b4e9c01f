/// The agency that supplied a link or took an action (`agency` column).
public enum Agency: UInt8, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {
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

    public var description: String { name }

    public init?(name: some StringProtocol) {
        guard let value = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = value
    }
}
