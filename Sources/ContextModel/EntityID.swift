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
        let fast = lhs.string.utf8.withContiguousStorageIfAvailable { a in
            rhs.string.utf8.withContiguousStorageIfAvailable { b in a.count == b.count && a.elementsEqual(b) }
        }
        switch fast {
        case .some(.some(let equal)): return equal
        default: return lhs.string.utf8.elementsEqual(rhs.string.utf8)
        }
    }

    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashed == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
        // A terminator, as `String` itself does, so that concatenated keys hash apart.
        hasher.combine(0xFF as UInt8)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }
}
