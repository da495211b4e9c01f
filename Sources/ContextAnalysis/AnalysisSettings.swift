/// Every setting of the analysis, recorded verbatim in each run's manifest.
public struct AnalysisSettings: Sendable, Hashable, Codable {
    public var strength: StrengthModel
    public var neighbourhood: ConcernNeighbourhood
    public var clusters: ConcernRules
    public var contexts: ContextScoring
    public var people: PeopleSettings
    public var notReferred: NotReferredScreen
    public var paths: RiskPaths
    public var disruption: DisruptionSettings

    public init(
        strength: StrengthModel = StrengthModel(), neighbourhood: ConcernNeighbourhood = ConcernNeighbourhood(),
        clusters: ConcernRules = ConcernRules(), contexts: ContextScoring = ContextScoring(),
        people: PeopleSettings = PeopleSettings(), notReferred: NotReferredScreen = NotReferredScreen(),
        paths: RiskPaths = RiskPaths(), disruption: DisruptionSettings = DisruptionSettings()
    ) {
        self.disruption = disruption
        self.people = people
        self.notReferred = notReferred
        self.paths = paths
        self.strength = strength
        self.neighbourhood = neighbourhood
        self.clusters = clusters
        self.contexts = contexts
    }
}
