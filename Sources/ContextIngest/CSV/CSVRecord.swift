/// Where one field of a record lies in the file's bytes.
struct CSVField {
    /// First byte of the value (after the opening quote for a quoted field).
    var start: Int
    /// One past the last byte of the value (before the closing quote).
    var end: Int
    var quoted: Bool
    /// Whether the value holds doubled quotes that must be undone.
    var escaped: Bool
    /// First byte of the field as written (the opening quote for a quoted field): its column.
    var rawStart: Int
}

/// A structural problem found while reading a record.
enum CSVProblem: Equatable {
    case unterminatedQuote
    case textAfterClosingQuote
    case quoteInUnquotedField
    case nulByte
    case invalidUTF8

    var message: String {
        switch self {
        case .unterminatedQuote: "unterminated quoted field (no closing quote before the end of the file)"
        case .textAfterClosingQuote: "text after the closing quote of a quoted field"
        case .quoteInUnquotedField: "quote character inside an unquoted field (quote the field and double the quote)"
        case .nulByte: "NUL byte in the file"
        case .invalidUTF8: "invalid UTF-8 (files must be UTF-8 encoded)"
        }
    }
}

/// One record of a CSV file, as field positions; reused from one record to the next.
struct CSVRecord {
    /// Line on which the record starts (1-based).
    var line = 0
    /// Byte offset of the record's first byte, and one past its last (line end included).
    var start = 0
    var end = 0
    /// The fields, at most ``fieldLimit`` of them; those beyond are only counted.
    var fields: [CSVField] = []
    /// How many fields are kept: a row of a million commas must not cost a million field
    /// positions (40 MB) when the header has eight columns; one past the header is enough to
    /// report the row's real field count and where its extra fields start.
    var fieldLimit = Int.max
    /// Fields beyond ``fieldLimit``, counted but not kept.
    private(set) var uncountedFields = 0
    /// Structural problems with the byte offset where each occurs: the first of each kind only
    /// (that is all a diagnostic reports), so that a field of a million stray quotes or a file of
    /// NUL bytes costs a few entries, not one per byte.
    var problems: [(problem: CSVProblem, offset: Int)] = []

    /// Every field of the record, kept or only counted.
    var fieldCount: Int { fields.count + uncountedFields }

    mutating func reset(line: Int, start: Int) {
        self.line = line
        self.start = start
        fields.removeAll(keepingCapacity: true)
        uncountedFields = 0
        problems.removeAll(keepingCapacity: true)
    }

    mutating func append(_ field: CSVField) {
        if fields.count < fieldLimit {
            fields.append(field)
        } else {
            uncountedFields += 1
        }
    }

    mutating func problem(_ problem: CSVProblem, at offset: Int) {
        if problems.contains(where: { $0.problem == problem }) { return }
        problems.append((problem, offset))
    }
}

/// Finds NUL bytes and invalid UTF-8 sequences.
enum UTF8Scan {
    /// Offsets of every NUL byte and of the first byte of every invalid UTF-8 sequence, in order;
    /// with `firstOfEachKind`, only the first NUL and the first invalid sequence (a record needs
    /// no more, and a file of NUL bytes must not cost an entry per byte).
    ///
    /// - Complexity: O(n); ASCII is checked eight bytes at a time.
    static func invalidOffsets(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil, firstOfEachKind: Bool = false
    ) -> [(offset: Int, problem: CSVProblem)] {
        var found: [(offset: Int, problem: CSVProblem)] = []
        guard let base = bytes.baseAddress else { return found }
        var i = start
        let n = min(end ?? bytes.count, bytes.count)
        while i < n {
            // Fast path: eight ASCII bytes with no NUL.
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let hasHigh = word & 0x8080_8080_8080_8080
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if hasHigh == 0 && hasZero == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = bytes[i]
            if firstOfEachKind && found.count == 2 { break }
            if b0 == 0 {
                if !firstOfEachKind || !found.contains(where: { $0.problem == .nulByte }) {
                    found.append((i, .nulByte))
                }
                i += 1
                continue
            }
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: length = 0
            }
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length {
                    let byte = bytes[i + k]
                    let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                    if byte < lo || byte > hi {
                        valid = false
                        break
                    }
                }
            }
            if valid {
                i += length
            } else {
                if !firstOfEachKind || !found.contains(where: { $0.problem == .invalidUTF8 }) {
                    found.append((i, .invalidUTF8))
                }
                i += 1
            }
        }
        return found
    }
}
