import ContextModel

/// Short invented free text for the `notes` columns. Some hold commas and one holds quotes, so
/// that the files exercise RFC 4180 quoting.
enum Notes {
    static func event(_ kind: EventKind) -> [String] {
        switch kind {
        case .missingEpisode:
            [
                "Reported missing by carer after not returning from school", "Missing overnight, phone switched off",
                "Left placement at 21:00, not seen since", "Reported missing by parent, last seen near the bus station",
                "Absent from home for two nights",
            ]
        case .foundAt:
            [
                "Found by patrol, cold and hungry", "Returned home by taxi, would not say who paid",
                "Located at a friend's address", "Found in another town, several phones on them",
                "Walked into the police station, tired",
            ]
        case .incident:
            [
                "Fight near the shops, minor injuries", "Assault reported by a member of the public",
                "Anti-social behaviour, group of six", "Criminal damage to a bus shelter",
                "Disturbance reported, group dispersed",
            ]
        case .arrest:
            [
                "Arrested on suspicion of supply", "Arrested, released under investigation",
                "Arrested for possession with intent", "Arrested after a vehicle stop",
            ]
        case .stopSearch:
            [
                "Stop and search, nothing found", "Searched, cash and two phones found",
                "Searched, small amount of cannabis", "Stop and search, said he was \"just waiting\" for a friend",
            ]
        case .weapon:
            [
                "Knife found in bag at the school gate", "Reported carrying a blade, not recovered",
                "Bladed article found during search", "Machete seen in a video shared online",
            ]
        case .sighting:
            [
                "Seen getting into a grey hatchback", "Seen with older males outside the takeaway",
                "Seen at the park late at night", "Observed talking to adults in a parked car",
            ]
        case .referral:
            [
                "Referral from school, concerns about new older friends", "Referral from health, repeat A&E attendance",
                "Referral from police after a missing episode", "Referral via youth worker, with consent",
            ]
        }
    }

    static func action(_ kind: ActionKind) -> [String] {
        switch kind {
        case .licensingVisit:
            ["Licensing visit, staff briefed on signs of exploitation", "Visit, CCTV checked and logged"]
        case .closure: ["Closure order granted for three months", "Premises closure, property secured"]
        case .patrol: ["Evening patrols, weekly for six weeks", "Joint patrol with youth workers"]
        case .housingVisit: ["Housing officer visit, tenancy warning given", "Visit, concerns about visitors at night"]
        case .warningNotice: ["Child Abduction Warning Notice served", "Warning notice served, acknowledged"]
        case .arrest: ["Arrested, charged and remanded", "Arrested, bailed with conditions"]
        case .platformReport: ["Reported to platform, account removed", "Platform report made, awaiting response"]
        case .schoolIntervention:
            ["Assembly and staff training delivered", "School navigator assigned, weekly sessions"]
        case .other: ["Clear, Hold, Build briefing for partners", "Community meeting held, leaflets delivered"]
        }
    }

    /// The agency that usually takes an action of this kind.
    static func agency(for kind: ActionKind) -> Agency {
        switch kind {
        case .licensingVisit: .communitySafety
        case .closure, .warningNotice, .arrest, .platformReport, .patrol: .police
        case .housingVisit: .housing
        case .schoolIntervention: .education
        case .other: .communitySafety
        }
    }
}
