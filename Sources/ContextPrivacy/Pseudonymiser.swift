public import ContextModel
import Crypto

/// Stable pseudonyms for entities, derived with a keyed hash so that nobody without the key can
/// go from a pseudonym back to an id, or confirm a guessed id.
///
/// A pseudonym is the entity kind's short name and the first 60 bits of
/// HMAC-SHA-256(key, "entity\u{0}" + id), written as 12 characters of Crockford base32
/// (`CHILD-7Q3K9MX2ABCD`). With 60 bits, two of a million entities share a pseudonym with
/// probability about 4 × 10⁻⁷. The same key and id always give the same pseudonym, so a
/// pseudonymised map can be compared with last month's; a new key gives new pseudonyms.
///
/// ``token(domain:value:)`` derives a shorter keyed token for other uses (file names, hotspot
/// references) in its own domain, so a token from one use never equals one from another.
public struct Pseudonymiser: Sendable {
    /// The raw key (kept as bytes: Crypto's `SymmetricKey` is not `Sendable`).
    private let key: [UInt8]

    /// The key length in bytes.
    public static let keyLength = 32

    /// - Precondition: `key` holds ``keyLength`` bytes (checked by ``PseudonymKeyFile``).
    public init(key: [UInt8]) {
        self.key = key
    }

    /// A new random key from the system's cryptographic generator (through swift-crypto).
    static func randomKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// Reads the key file at `keyFile`, creating it on first use (see ``PseudonymKeyFile``).
    public static func loadOrCreate(keyFile: String) throws(PseudonymKeyError) -> Pseudonymiser {
        try PseudonymKeyFile.loadOrCreate(at: keyFile)
    }

    /// The pseudonym of an entity: kind prefix and 12 base32 characters.
    public func pseudonym(forEntity id: String, kind: EntityKind) -> String {
        "\(Self.prefix(for: kind))-\(digest(domain: "entity", value: id, characters: 12))"
    }

    /// The pseudonym of an entity of `graph`, as on pseudonymised maps and in board reports.
    public func pseudonym(for entity: EntityIndex, in graph: ContextGraph) -> String {
        pseudonym(forEntity: graph.id(of: entity), kind: graph.entities.kinds[entity.int])
    }

    /// The pseudonym of a concern cluster, from its stable id: `CLUSTER-` and a keyed token.
    public func pseudonym(forCluster id: String) -> String { "CLUSTER-" + token(domain: "cluster", value: id) }

    /// A keyed token of `characters` base32 characters (at most 52) for `value` in `domain`.
    public func token(domain: String, value: String, characters: Int = 12) -> String {
        digest(domain: domain, value: value, characters: min(max(characters, 1), 52))
    }

    private func digest(domain: String, value: String, characters: Int) -> String {
        var message = Array(domain.utf8)
        message.append(0)
        message.append(contentsOf: value.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return Self.base32(Array(mac), characters: characters)
    }

    /// The short upper-case name used in pseudonyms.
    public static func prefix(for kind: EntityKind) -> String {
        switch kind {
        case .child: "CHILD"
        case .peer: "PEER"
        case .perpetrator: "PERP"
        case .location: "PLACE"
        case .school: "SCHOOL"
        case .group: "GROUP"
        }
    }

    /// Crockford's alphabet: no I, L, O or U, so a pseudonym read aloud is not misheard.
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The first `characters` 5-bit groups of `bytes`, most significant bit first.
    static func base32(_ bytes: [UInt8], characters: Int) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(characters)
        var buffer: UInt32 = 0
        var bits = 0
        var index = 0
        while result.count < characters {
            if bits < 5 {
                guard index < bytes.count else { break }
                buffer = (buffer << 8) | UInt32(bytes[index])
                index += 1
                bits += 8
            }
            bits -= 5
            result.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
