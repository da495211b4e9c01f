public import ContextModel
import Foundation

/// How strong a link is as evidence of association, as of a date: its weight, the confidence of
/// its grading, and how recently it was seen.
///
/// ```
/// strength = (weight / 5) × confidence(intelligence) × reliability(source) × 2^(−age / half-life)
/// ```
///
/// - `weight` is the link's 1-5 strength from the data (1 when not given);
/// - `confidence` by 3x5x2 intelligence assessment: A known directly 1.0, B known indirectly and
///   corroborated 0.75, C known indirectly 0.5, D not known 0.25; E (suspected false) links are
///   excluded altogether; an ungraded link gets `ungradedConfidence` (0.5, as C);
/// - `reliability` by source evaluation: 1 reliable 1.0, 2 untested 0.8, 3 not reliable 0.5;
///   ungraded 0.8 (as untested);
/// - `age` is the days from `last_seen` (else `first_seen`) to the as-of date, never negative;
///   a link with neither date gets `undatedRecency` (0.5) instead of the decay;
/// - a link first seen after the as-of date did not exist yet: excluded (so `--as-of` reproduces
///   a past state).
///
/// Every factor is in the configuration (`strength:`), and ``LinkStrength`` keeps each one so a
/// link's strength can be printed with its factors (`contextd explain`).
public struct StrengthModel: Sendable, Hashable, Codable {
    public var halfLifeDays: Double
    /// Confidence for intelligence A, B, C, D (E is always excluded).
    public var intelligenceConfidence: [Double]
    public var ungradedConfidence: Double
    /// Reliability for source evaluation 1, 2, 3.
    public var sourceReliability: [Double]
    public var ungradedReliability: Double
    public var undatedRecency: Double

    public init(
        halfLifeDays: Double = 180, intelligenceConfidence: [Double] = [1.0, 0.75, 0.5, 0.25],
        ungradedConfidence: Double = 0.5, sourceReliability: [Double] = [1.0, 0.8, 0.5],
        ungradedReliability: Double = 0.8,
        undatedRecency: Double = 0.5
    ) {
        self.halfLifeDays = halfLifeDays
        self.intelligenceConfidence = intelligenceConfidence
        self.ungradedConfidence = ungradedConfidence
        self.sourceReliability = sourceReliability
        self.ungradedReliability = ungradedReliability
        self.undatedRecency = undatedRecency
    }

    /// The strength of one link with its factors.
    ///
    /// - Complexity: O(1).
    public func strength(of link: Int, in graph: ContextGraph, asOf: Day) -> LinkStrength {
        let links = graph.links
        let grading = links.grading(link)
        let weight = Double(links.weights[link]) / 5
        var confidence = ungradedConfidence, reliability = ungradedReliability
        if let grading {
            if grading.intelligence != .e {
                confidence = intelligenceConfidence[Int(grading.intelligence.rawValue) - 1]
            }
            reliability = sourceReliability[Int(grading.source) - 1]
        }
        let seen = links.lastSeen[link] != Day.noneRaw ? links.lastSeen[link] : links.firstSeen[link]
        var age: Int?
        var recency = undatedRecency
        if seen != Day.noneRaw {
            let days = max(0, Int(asOf.rawValue) - Int(seen))
            age = days
            recency = halfLifeDays > 0 ? Self.decay(days: days, halfLife: halfLifeDays) : 1
        }
        var excluded: LinkStrength.Exclusion?
        if grading?.isSuspectedFalse == true {
            excluded = .gradedE
        } else if links.firstSeen[link] != Day.noneRaw && links.firstSeen[link] > asOf.rawValue {
            excluded = .notYetSeen
        }
        let value = excluded == nil ? weight * confidence * reliability * recency : 0
        return LinkStrength(
            value: value, weightFactor: weight, confidence: confidence, reliability: reliability, recency: recency,
            ageDays: age, grading: grading, excluded: excluded)
    }

    /// Strengths of every link, indexed by link (excluded links are 0).
    ///
    /// - Complexity: O(E).
    public func strengths(in graph: ContextGraph, asOf: Day) -> [Double] {
        (0..<graph.links.count).map { strength(of: $0, in: graph, asOf: asOf).value }
    }

    static func decay(days: Int, halfLife: Double) -> Double {
        pow(0.5, Double(days) / halfLife)
    }
}

/// A link's strength and each factor it is made of.
public struct LinkStrength: Sendable, Hashable, Codable {
    public enum Exclusion: String, Sendable, Hashable, Codable {
        /// Graded E: intelligence suspected to be false.
        case gradedE = "graded E (suspected false)"
        /// First seen after the as-of date.
        case notYetSeen = "first seen after the as-of date"
    }

    /// The product of the factors (0 when excluded).
    public let value: Double
    /// weight / 5.
    public let weightFactor: Double
    public let confidence: Double
    public let reliability: Double
    public let recency: Double
    /// Days from last seen (else first seen) to the as-of date; `nil` when undated.
    public let ageDays: Int?
    public let grading: Grading?
    public let excluded: Exclusion?

    /// Whether the link rests on weak intelligence: assessed C or D, or from a source graded 3.
    public var isLowGrade: Bool { grading?.isLowGrade ?? false }

    /// One line: `0.36 = weight 4/5 × confidence 0.75 (2B) × reliability 0.8 × recency 0.75 (75 days)`.
    public var explanation: String {
        if let excluded { return "0 (excluded: \(excluded.rawValue))" }
        let gradingText = grading.map { " (\($0))" } ?? " (ungraded)"
        let ageText = ageDays.map { " (\($0) days)" } ?? " (undated)"
        return "\(Self.format(value)) = weight \(Int((weightFactor * 5).rounded()))/5 × confidence "
            + "\(Self.format(confidence))\(gradingText) × reliability \(Self.format(reliability)) × recency "
            + "\(Self.format(recency))\(ageText)"
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
