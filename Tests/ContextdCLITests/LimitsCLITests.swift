import ContextTestSupport
import Foundation
import Testing

/// Limits (`limits:` in the configuration) stop a run with exit 65, the message naming the file
/// and, where it applies, the line; nothing is written. Rows, columns and file size reject the
/// dataset even when lenient; a field too long is an error of its row (set aside when lenient).
@Suite("contextd limits", .serialized)
struct LimitsCLITests {
    private let cli = ContextdCLITests()

    @Test func eachLimitExits65NamingTheFileAndNothingIsWritten() throws {
        try withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let cases = [
                (
                    "limits:\n  rows_per_file: 5\n",
                    "links.csv:7:1: error: more than 5 data rows; limits.rows_per_file allows 5"
                ),
                (
                    "limits:\n  columns: 4\n",
                    "entities.csv:1:26: error: the header has 9 columns; limits.columns allows 4"
                ),
                (
                    "limits:\n  field_bytes: 12\n",
                    "entities.csv:2:11: error: field is 19 bytes long; limits.field_bytes allows 12"
                ),
                (
                    "limits:\n  file_bytes: 100\n",
                    "contextd: entities.csv: 694 bytes; limits.file_bytes allows 100; refused, not read"
                ),
            ]
            for (config, expected) in cases {
                try Data(config.utf8).write(to: URL(fileURLWithPath: scratch + "/limits.yaml"))
                let outcome = try cli.run(
                    [
                        "run", "--data", scratch + "/data", "--out", scratch + "/out", "--config",
                        scratch + "/limits.yaml",
                    ] + (config.contains("field_bytes") ? [] : ["--lenient"]))
                #expect(outcome.status == 65, "\(config)")
                #expect(outcome.stderr.contains(expected), "\(config): \(outcome.stderr)")
                #expect(!FileManager.default.fileExists(atPath: scratch + "/out"))
                // validate applies the same configured limits.
                let validated = try cli.run(
                    ["validate", "--data", scratch + "/data", "--config", scratch + "/limits.yaml"]
                        + (config.contains("field_bytes") ? [] : ["--lenient"]))
                #expect(validated.status == 65, "validate: \(config)")
                #expect(validated.stderr.contains(expected), "validate: \(config): \(validated.stderr)")
            }
        }
    }
}
