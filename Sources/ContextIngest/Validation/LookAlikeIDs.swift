internal import Foundation

/// Finds ids that are different (ids are compared by their exact Unicode scalars) but that a
/// person would read as the same: equal after Unicode normalisation, equal ignoring case, or
/// equal once look-alike letters from other scripts are mapped to Latin ones (`C-001` written
/// with a Cyrillic `С`). Each is worth a warning: one of them is probably a typing slip that
/// splits one person in two.
///
/// Every id is reduced to a *skeleton* and the first id seen with each skeleton is remembered, so
/// a load costs one hash look-up per entity (O(n)), never a comparison of every pair. The
/// skeleton: canonical decomposition (NFD), then each scalar through ``confusables``, then lower
/// case; and because the table is keyed by `String`, which compares by canonical equivalence,
/// any normalisation difference left over still meets.
///
/// The confusable table is written by hand: the full Unicode table (UTS #39, `confusables.txt`)
/// and a library that applies it are not available to this offline build, and ids in this data
/// are short Latin codes, so the letters that matter are the few Cyrillic and Greek capitals and
/// small letters drawn like Latin ones, plus the full-width ASCII forms. Digits and Latin letters
/// that resemble each other (`0`/`O`, `1`/`l`/`I`) are left out on purpose: real id schemes use
/// both in distinct ids, and warning on them would bury the real slips.
struct LookAlikeIDs {
    /// How two different ids look alike.
    enum Likeness: CustomStringConvertible {
        case normalisation, letterCase, confusable

        var description: String {
            switch self {
            case .normalisation: "the same text after Unicode normalisation"
            case .letterCase: "the same ignoring case"
            case .confusable: "the same once look-alike letters from other scripts are read as Latin ones"
            }
        }
    }

    private var firstBySkeleton: [String: (id: String, line: Int)] = [:]

    /// Remembers `id` (defined on `line`); returns the earlier id it looks like, if any.
    ///
    /// - Precondition: `id` is not exactly an id already inserted (duplicates are errors).
    /// - Complexity: O(length of the id), expected.
    mutating func insert(_ id: String, line: Int) -> (id: String, line: Int, likeness: Likeness)? {
        let key = Self.skeleton(id)
        guard let earlier = firstBySkeleton[key] else {
            firstBySkeleton[key] = (id, line)
            return nil
        }
        let likeness: Likeness =
            if earlier.id == id {  // `String` equality is canonical equivalence
                .normalisation
            } else if earlier.id.lowercased() == id.lowercased() {
                .letterCase
            } else {
                .confusable
            }
        return (earlier.id, earlier.line, likeness)
    }

    /// The id reduced as described above; ASCII ids (nearly all) take a short way.
    static func skeleton(_ id: String) -> String {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return id.lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in id.decomposedStringWithCanonicalMapping.unicodeScalars {
            scalars.append(confusables[scalar] ?? fullWidth(scalar) ?? scalar)
        }
        return String(scalars).lowercased()
    }

    /// Full-width ASCII (U+FF01 to U+FF5E) to ASCII.
    private static func fullWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0xFF01...0xFF5E).contains(scalar.value) else { return nil }
        return Unicode.Scalar(scalar.value - 0xFEE0)
    }

    /// Cyrillic and Greek letters drawn like Latin ones, to those Latin letters (case kept).
    static let confusables: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Cyrillic capitals and small letters.
            ("АВЕКМНОРСТХУЅІЈ", "ABEKMHOPCTXYSIJ"),
            ("аеорсухѕіјһԁԛԝӏ", "aeopcyxsijhdqwl"),
            // Greek capitals and small letters.
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"),
            ("οναριυχ", "ovapiux"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (a, b) in zip(from.unicodeScalars, to.unicodeScalars) { table[a] = b }
        }
        return table
    }()
}
