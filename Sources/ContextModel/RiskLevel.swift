/// A MACE risk level for a person or a location, 1 (no concern) to 4 (high concern).
///
/// | level | name | meaning |
/// |---|---|---|
/// | 4 | High concern | credible information that this IS a source of harm; disruption planning |
/// | 3 | Some concern | credible information that it MAY BE a source of harm; monitoring |
/// | 2 | Low concern | mentioned in a child's context; insufficient evidence |
/// | 1 | No concern | no apparent risk; the association is positive or neutral |
///
/// Stored as a raw `UInt8` in ``ContextGraph`` where `0` means "not assessed".
public enum RiskLevel: UInt8, CaseIterable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    case noConcern = 1
    case lowConcern = 2
    case someConcern = 3
    case highConcern = 4

    public var description: String {
        switch self {
        case .noConcern: "no concern"
        case .lowConcern: "low concern"
        case .someConcern: "some concern"
        case .highConcern: "high concern"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
