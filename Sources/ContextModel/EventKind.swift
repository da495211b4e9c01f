/// What happened in an event (`kind` column of `events.csv`).
public enum EventKind: UInt8, Codable, DataName {
    case missingEpisode
    case foundAt
    case incident
    case arrest
    case stopSearch
    case weapon
    case sighting
    case referral

    public var name: String {
        switch self {
        case .missingEpisode: "missing_episode"
        case .foundAt: "found_at"
        case .incident: "incident"
        case .arrest: "arrest"
        case .stopSearch: "stop_search"
        case .weapon: "weapon"
        case .sighting: "sighting"
        case .referral: "referral"
        }
    }

    public static let byName = nameIndex()
}

/// A disruption or safeguarding action (`kind` column of `actions.csv`).
public enum ActionKind: UInt8, Codable, DataName {
    case licensingVisit
    case closure
    case patrol
    case housingVisit
    case warningNotice
    case arrest
    case platformReport
    case schoolIntervention
    case other

    public var name: String {
        switch self {
        case .licensingVisit: "licensing_visit"
        case .closure: "closure"
        case .patrol: "patrol"
        case .housingVisit: "housing_visit"
        case .warningNotice: "warning_notice"
        case .arrest: "arrest"
        case .platformReport: "platform_report"
        case .schoolIntervention: "school_intervention"
        case .other: "other"
        }
    }

    public static let byName = nameIndex()
}
