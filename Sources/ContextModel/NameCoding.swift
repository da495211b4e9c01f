/// Codable by data-file spelling (`"online_contact"`, not a raw number), shared by the kinds.
enum NameCoding {
    static func encode(_ name: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    static func decode<T>(from decoder: any Decoder, _ parse: (String) -> T?) throws -> T {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let value = parse(name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown value '\(name)'")
        }
        return value
    }
}
