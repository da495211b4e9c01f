/// A UK police 3x5x2 intelligence grading: source evaluation, intelligence assessment and,
/// optionally, a handling code.
///
/// - source: 1 reliable, 2 untested, 3 not reliable;
/// - intelligence: A known directly, B known indirectly and corroborated, C known indirectly,
///   D not known, E suspected to be false;
/// - handling: P lawful sharing permitted, C sharing with conditions.
///
/// Written in the data as `1A`, `2B`, `3E`, optionally with the handling code (`1AP`).
/// Packed into one byte for storage on each edge of ``ContextGraph`` (`0` = not graded).
public struct Grading: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Intelligence: UInt8, Sendable, Hashable, Codable, CaseIterable {
        case a = 1, b, c, d, e
        public var letter: Character { "ABCDE".map { $0 }[Int(rawValue) - 1] }
    }
    public enum Handling: UInt8, Sendable, Hashable, Codable {
        case p = 1, c
    }

    /// Source evaluation, 1 to 3.
    public let source: UInt8
    public let intelligence: Intelligence
    public let handling: Handling?

    public init(source: UInt8, intelligence: Intelligence, handling: Handling? = nil) {
        precondition((1...3).contains(source), "source evaluation is 1 to 3")
        self.source = source
        self.intelligence = intelligence
        self.handling = handling
    }

    /// Parses `1A`, `2b`, `3EP`; letters case-insensitive. Returns `nil` for anything else.
    public init?(code: String) {
        let utf8 = code.utf8
        guard utf8.count == 2 || utf8.count == 3 else { return nil }
        var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for (position, byte) in zip(0..., utf8) {
            switch position {
            case 0: bytes.0 = byte
            case 1: bytes.1 = byte
            default: bytes.2 = byte
            }
        }
        guard (UInt8(ascii: "1")...UInt8(ascii: "3")).contains(bytes.0) else { return nil }
        let letter = bytes.1 | 0x20  // ASCII lower case
        guard (UInt8(ascii: "a")...UInt8(ascii: "e")).contains(letter),
            let intelligence = Intelligence(rawValue: letter - UInt8(ascii: "a") + 1)
        else { return nil }
        var handling: Handling?
        if utf8.count == 3 {
            switch bytes.2 | 0x20 {
            case UInt8(ascii: "p"): handling = .p
            case UInt8(ascii: "c"): handling = .c
            default: return nil
            }
        }
        self.init(source: bytes.0 - UInt8(ascii: "0"), intelligence: intelligence, handling: handling)
    }

    /// Whether the intelligence is assessed as suspected to be false (E): such links are kept out
    /// of the analysis.
    public var isSuspectedFalse: Bool { intelligence == .e }

    /// Whether the link rests on weak intelligence: assessed C (known indirectly) or D (not known),
    /// or from a source graded 3 (not reliable). The analysis shows every score with and without
    /// such links, and maps draw them faint.
    public var isLowGrade: Bool { intelligence == .c || intelligence == .d || source == 3 }

    /// One byte: bits 0-1 source, bits 2-4 intelligence, bits 5-6 handling. Never 0.
    public var packed: UInt8 {
        source | (intelligence.rawValue << 2) | ((handling?.rawValue ?? 0) << 5)
    }

    /// Unpacks ``packed``; `0` (not graded) gives `nil`.
    public init?(packed: UInt8) {
        guard packed != 0, let intelligence = Intelligence(rawValue: (packed >> 2) & 0x7) else { return nil }
        let source = packed & 0x3
        guard (1...3).contains(source) else { return nil }
        self.init(source: source, intelligence: intelligence, handling: Handling(rawValue: (packed >> 5) & 0x3))
    }

    public var description: String {
        var text = "\(source)\(intelligence.letter)"
        if let handling { text.append(handling == .p ? "P" : "C") }
        return text
    }

    /// Orders gradings from best evidenced to worst: intelligence first (A before E), then source.
    public func isBetterEvidenced(than other: Grading) -> Bool {
        (intelligence.rawValue, source) < (other.intelligence.rawValue, other.source)
    }
}
