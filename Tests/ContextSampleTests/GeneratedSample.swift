import ContextSample
import ContextTestSupport
import Foundation

/// A sample written once, read back with ``CSVTable`` and kept in memory for several tests.
struct GeneratedSample: Sendable {
    let summary: SampleSummary
    let entities: CSVTable
    let links: CSVTable
    let events: CSVTable
    let actions: CSVTable
    /// The raw bytes of each file, by name.
    let bytes: [String: [UInt8]]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let files = ["entities.csv", "links.csv", "events.csv", "actions.csv"]

    /// 10,000 entities, seed 2024: large enough for proportions, small enough for a debug build.
    static let tenThousand: Result<GeneratedSample, Failure> = Result { () throws(Failure) in
        do {
            return try GeneratedSample(entities: 10_000, seed: 2024)
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    init(entities: Int, seed: UInt64) throws {
        let world = try SampleWorld(entities: entities, seed: seed)
        var bytes: [String: [UInt8]] = [:]
        summary = try withTemporaryDirectory { path in
            let summary = try world.write(to: path)
            for name in Self.files {
                bytes[name] = Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
            }
            return summary
        }
        func table(_ name: String) throws -> CSVTable { try CSVTable(bytes: bytes[name] ?? [], name: name) }
        self.entities = try table("entities.csv")
        links = try table("links.csv")
        events = try table("events.csv")
        actions = try table("actions.csv")
        self.bytes = bytes
    }

    /// Kind of each entity id.
    func kindsByID() throws -> [String: String] {
        let ids = try entities.values("id")
        let kinds = try entities.values("kind")
        return Dictionary(zip(ids, kinds), uniquingKeysWith: { first, _ in first })
    }
}
