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

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// Parses the data-file spelling; exact and case-sensitive, as the contract lists it.
    public init?(name: String) {
        guard let value = Self.byName[name] else { return nil }
        self = value
    }
}
