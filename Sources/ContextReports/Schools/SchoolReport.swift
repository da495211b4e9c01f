/// `schools.json`: the school risk indicator, a scheduled feed ranking schools by how exposed
/// their pupils are to exploitation and youth violence, so that school navigators and training
/// go where they are most needed. OFFICIAL-SENSITIVE: counts per school; no child is named, and
/// no child's id or date of birth appears.
///
/// For every school, over the young people (children and peers) with an `attends` link to it
/// ("pupils known"), four components, each a rate:
///
/// | component | count | per |
/// |---|---|---|
/// | `open_to_mace` | pupils open to the MACE, weighted by level (4: 1, 3: 0.75, 2: 0.5, 1: 0.25, not assessed: 0.5) | pupil known |
/// | `exposed` | pupils within two links (not counting `attends`) of a level 3-4 perpetrator or a top hotspot | pupil known |
/// | `events` | missing episodes, weapon events and incidents involving its pupils in the window | pupil known |
/// | `cluster_network` | people in the pupils' peer network (the pupils and the young people linked to them) who are in a concern cluster | person in that network |
///
/// A rate is shrunk towards the borough's (empirical Bayes with a fixed prior strength of
/// ``SchoolSettings/priorPupils`` pupils): `(k + m·p) / (n + m)`, so a school with 3 pupils known
/// and one child open to the MACE is not ranked first by chance. Each shrunk rate is divided by
/// the borough rate (1 = the borough's), and the score is the weighted mean of those ratios: a
/// big school is not riskier for being big, and a score of 2 means twice the borough's exposure.
public struct SchoolReport: Codable, Sendable {
    public static let componentNames = ["open_to_mace", "exposed", "events", "cluster_network"]

    public struct Tier: Codable, Sendable {
        public let tier: Int
        public let name: String
        /// Lowest score in the tier (inclusive); `null` for the lowest tier.
        public let minimumScore: Double?
    }

    public struct Component: Codable, Sendable {
        /// The count (a weighted count for `open_to_mace`).
        public let count: Double
        /// What the count is out of: pupils known, or the size of the peer network.
        public let outOf: Int
        /// The shrunk rate divided by the borough rate (1 = the borough's); `null` when the
        /// borough rate is zero (the component is then left out of every score).
        public let ratio: Double?
    }

    public struct Movement: Codable, Sendable {
        /// `new` (not in the previous run), `up`, `down`, `same`, or `no history`.
        public let direction: String
        public let previousRank: Int?
        public let previousTier: Int?
        public let previousScore: Double?
        /// Places moved up the ranking (negative: down).
        public let places: Int?
    }

    public struct School: Codable, Sendable {
        public let rank: Int?
        public let id: String
        public let name: String?
        public let area: String?
        public let pupilsKnown: Int
        /// Pupils open to the MACE by level: `4`, `3`, `2`, `1`, `not_assessed`.
        public let openToMace: [String: Int]
        public let exposedPupils: Int
        /// Events involving its pupils in the window, by kind.
        public let events: [String: Int]
        public let peerNetwork: Int
        public let peerNetworkInClusters: Int
        public let clusterNetworkShare: Double?
        public let components: [String: Component]
        /// `null` when no pupil is known (nothing to score).
        public let score: Double?
        public let tier: Int?
        public let tierName: String?
        /// Why the score is what it is, in plain words.
        public let drivers: [String]
        public let movement: Movement
    }

    public let schemaVersion: Int
    public let marking: String
    public let asOf: String
    public let windowDays: Int
    public let method: String
    public let priorPupils: Double
    public let tiers: [Tier]
    public let tierReason: String
    /// The borough rate of each component (all schools together).
    public let boroughRates: [String: Double]
    public let history: String
    public let schools: [School]

    static let tierNames = ["highest", "raised", "typical", "lower"]
    static let tierReason =
        "Tiers are set on the score as a multiple of the borough rate, not by quartile: a quartile "
        + "always calls a quarter of schools 'highest' even where all are alike, while a ratio keeps "
        + "its meaning as schools change. Tier 1 (twice the borough rate or more) is where a school "
        + "navigator and staff training should go first; tier 2 (1.25 to 2 times) needs a closer look; "
        + "tier 3 (0.75 to 1.25 times) is within the ordinary spread; tier 4 is below it. With the "
        + "shrinkage towards the borough rate a school with few pupils known needs strong evidence to "
        + "reach tier 1."
}
