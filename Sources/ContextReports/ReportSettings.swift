/// Settings of the reader-specific reports (`reports:` in the configuration), recorded in every
/// manifest.
public struct ReportSettings: Sendable, Hashable, Codable {
    public var schools: SchoolSettings
    public var board: BoardSettings
    public var outcomes: OutcomeSettings
    public var disruption: DisruptionActions

    public init(
        schools: SchoolSettings = SchoolSettings(), board: BoardSettings = BoardSettings(),
        outcomes: OutcomeSettings = OutcomeSettings(), disruption: DisruptionActions = DisruptionActions()
    ) {
        self.schools = schools
        self.board = board
        self.outcomes = outcomes
        self.disruption = disruption
    }
}

/// How the school risk indicator scores and tiers schools (see ``SchoolReport``).
public struct SchoolSettings: Sendable, Hashable, Codable {
    /// Strength of the borough-wide prior, in pupils: a school's rates are pulled towards the
    /// borough's as if it had this many more pupils at the borough rate (empirical-Bayes shrinkage).
    public var priorPupils: Double
    /// Lower bounds of tiers 1, 2 and 3 on the score (1 = the borough rate); below the last, tier 4.
    public var tierThresholds: [Double]
    /// Weight of each component of the score, by name (``SchoolReport/componentNames``).
    public var weights: [String: Double]

    public static let defaultWeights: [String: Double] = [
        "open_to_mace": 0.4, "exposed": 0.3, "events": 0.2, "cluster_network": 0.1,
    ]

    public init(
        priorPupils: Double = 30, tierThresholds: [Double] = [2.0, 1.25, 0.75],
        weights: [String: Double] = SchoolSettings.defaultWeights
    ) {
        self.priorPupils = priorPupils
        self.tierThresholds = tierThresholds
        self.weights = weights
    }
}

/// Statistical disclosure control and content of the board summary (see ``BoardReport``).
public struct BoardSettings: Sendable, Hashable, Codable {
    /// Counts from 1 to this are suppressed (primary suppression), with secondary suppression so
    /// that no suppressed count can be worked out from the totals.
    public var suppressionThreshold: Int
    /// How many earlier periods the trend shows.
    public var previousPeriods: Int
    /// How many hotspots the summary lists.
    public var hotspots: Int

    public init(suppressionThreshold: Int = 5, previousPeriods: Int = 4, hotspots: Int = 10) {
        self.suppressionThreshold = suppressionThreshold
        self.previousPeriods = previousPeriods
        self.hotspots = hotspots
    }
}

/// Windows of the before/after comparison of actions (see ``OutcomeMeasures``).
public struct OutcomeSettings: Sendable, Hashable, Codable {
    /// Days before and after an action that are compared.
    public var windowDays: Int
    /// Fewer observations (linked children plus events, before and after together) than this and
    /// the action is reported as "too little data to judge".
    public var minimumObservations: Int

    public init(windowDays: Int = 42, minimumObservations: Int = 3) {
        self.windowDays = windowDays
        self.minimumObservations = minimumObservations
    }
}

/// Suggested actions by kind of disruption target: a location category (`licensed_premises`,
/// `address`, `park`, …), or `perpetrator`, `peer`, `group`, `school`.
public struct DisruptionActions: Sendable, Hashable, Codable {
    public var actions: [String: [String]]

    /// Every key the mapping may hold.
    public static let targetKinds = [
        "park", "takeaway", "shop", "address", "transport", "online", "licensed_premises", "other", "location",
        "perpetrator", "peer", "group", "school",
    ]

    public static let defaultActions: [String: [String]] = [
        "licensed_premises": ["licensing visit", "licence review if concerns are confirmed"],
        "takeaway": ["licensing visit (late-night refreshment)", "environmental health visit"],
        "shop": ["licensing visit", "trading standards visit"],
        "address": ["housing provider visit", "closure order if the premises are used for exploitation"],
        "park": ["targeted patrols", "guardianship: lighting, CCTV, detached youth work"],
        "transport": ["targeted patrols with the transport police", "staff briefing on signs of exploitation"],
        "online": ["report to the platform", "online safety work with the children linked"],
        "other": ["targeted patrols", "owner or manager briefing"],
        "location": ["targeted patrols"],
        "perpetrator": [
            "police disruption: Child Abduction Warning Notice", "intelligence development",
            "arrest if offences are evidenced",
        ],
        "peer": [
            "safeguarding assessment: a young person drawn in may be a victim too",
            "detached or diversionary youth work",
        ],
        "group": ["Clear, Hold, Build style operation", "gang and group disruption plan"],
        "school": ["school intervention: navigator and staff training", "education safeguarding lead briefing"],
    ]

    public init(actions: [String: [String]] = DisruptionActions.defaultActions) {
        self.actions = actions
    }

    /// The suggested actions for a target kind, falling back to `location` for an unmapped category.
    public func suggestions(for kind: String) -> [String] {
        actions[kind] ?? (Self.locationCategories.contains(kind) ? actions["location"] ?? [] : [])
    }

    static let locationCategories: Set<String> = [
        "park", "takeaway", "shop", "address", "transport", "online", "licensed_premises", "other",
    ]
}
