import Foundation

/// How every JSON output is encoded: sorted keys, pretty-printed, one trailing newline.
///
/// Sorted keys make outputs byte-stable for the same input, so that content hashes and diffs
/// between runs mean something. Foundation's encoder escapes every string, so no data value can
/// break out of the JSON.
public enum ReportEncoding {
    /// Version of the JSON schemas of `network.json` and `manifest.json`; bumped on any change
    /// that is not an addition.
    public static let schemaVersion = 1

    /// Encodes a value as the project's JSON.
    public static func json(_ value: some Encodable) throws -> [UInt8] {
        var bytes = [UInt8](try encoder(pretty: true).encode(value))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The same encoding on one line (a status record, statistics for a benchmark), no newline.
    public static func compactJSON(_ value: some Encodable) throws -> [UInt8] {
        [UInt8](try encoder(pretty: false).encode(value))
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// Decodes the project's JSON (snake-case keys).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(bytes))
    }
}
