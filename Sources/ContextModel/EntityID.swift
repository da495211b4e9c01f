/// An entity's external id as a key: compared and hashed by its exact Unicode scalars.
///
/// Swift's `String` compares and hashes by canonical equivalence, so as a dictionary key it would
/// make `Zoë` written precomposed (U+00EB) and decomposed (`e` + U+0308) one id, and U+212B
/// ANGSTROM SIGN the same as U+00C5. The data contract says ids are compared exactly (no case
/// folding, no normalisation), so every table keyed by an id uses this type instead. A string is
/// valid Unicode, so equal UTF-8 bytes means equal scalars and the bytes are compared directly.
///
/// Ordering (`<`) is by UTF-8 bytes, which is the same as by scalar values.
public struct EntityID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id as written in the data.
    public let string: String

    public init(_ string: String) { self.string = string }

    public var description: String { string }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        let a = lhs.string.utf8, b = rhs.string.utf8
        return a.count == b.count && a.elementsEqual(b)
    }

    /// `String`'s own hash: byte-equal ids are `String`-equal, so they hash alike as `==`
    /// requires; canonically equivalent spellings share a hash and are told apart by `==`. The
    /// standard library's hash has fast paths for ASCII and normalised text.
    public func hash(into hasher: inout Hasher) {
        string.hash(into: &hasher)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }
}
