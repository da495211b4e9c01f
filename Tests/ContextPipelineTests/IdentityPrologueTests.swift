import ContextAnalysis
import ContextHistory
import ContextIngest
import ContextModel
import ContextReports
import ContextTestSupport
import Foundation
import Logging
import Testing

@testable import ContextPipeline

/// One prologue for every command: cluster identities are settled before any text is written,
/// and every command records the same id for the same group. Regression tests for the two
/// defects of issue 11: reasons naming clusters of no run, and `report board` recording a group
/// under a second id.
@Suite("Identities settled once, before the analysis writes text", .serialized)
struct IdentityPrologueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    let pipeline = Pipeline(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))

    /// The sample with every tenth link row left out, written to `folder`.
    static func thinnedSample(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["entities.csv", "events.csv", "actions.csv"] {
            try FileManager.default.copyItem(atPath: root + "/Samples/borough/" + name, toPath: folder + "/" + name)
        }
        let links = try String(contentsOfFile: root + "/Samples/borough/links.csv", encoding: .utf8)
        let lines = links.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.enumerated().filter { $0.offset == 0 || $0.offset % 10 != 0 }.map(\.element)
        try kept.joined(separator: "\n").write(toFile: folder + "/links.csv", atomically: true, encoding: .utf8)
    }

    func request(data: String, out: String) throws -> RunRequest {
        RunRequest(
            dataFolder: data, outputFolder: out,
            configuration: try RunConfiguration.load(path: Self.root + "/Config/contextd.yaml"), configurationFile: nil)
    }

    /// Every `K-…` cluster id written in a JSON value.
    static func clusterIDs(in value: Any) -> Set<String> {
        var found = Set<String>()
        func walk(_ value: Any) {
            if let text = value as? String {
                var rest = Substring(text)
                while let start = rest.range(of: "K-") {
                    let tail = rest[start.upperBound...]
                    let hex = tail.prefix { $0.isHexDigit }
                    var id = "K-" + hex
                    let afterHex = tail.dropFirst(hex.count)
                    if afterHex.first == "-", let digit = afterHex.dropFirst().first, digit.isNumber {
                        id += "-" + afterHex.dropFirst().prefix { $0.isNumber }
                    }
                    if hex.count == 12 { found.insert(id) }
                    rest = tail
                }
            } else if let array = value as? [Any] {
                array.forEach(walk)
            } else if let object = value as? [String: Any] {
                for (key, value) in object {
                    walk(key)
                    walk(value)
                }
            }
        }
        walk(value)
        return found
    }

    static func network(_ out: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/network.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Run on the sample, run again on it with every tenth link left out (into the same folder),
    /// then `report board` on the second: one run each, as the defects were reproduced.
    @Test func everyIDIsAClusterOfThatRunAndTheBoardRecordsTheRunsIDs() async throws {
        try await withTemporaryDirectory { scratch in
            let out = scratch + "/out"
            try Self.thinnedSample(into: scratch + "/thinned")
            _ = try await pipeline.run(try request(data: Self.root + "/Samples/borough", out: out))
            let firstIDs = Set(
                try #require(try Self.network(out)["clusters"] as? [[String: Any]]).compactMap { $0["id"] as? String })
            let thinned = try request(data: scratch + "/thinned", out: out)
            _ = try await pipeline.run(thinned)
            var network = try Self.network(out)
            let clusters = try #require(network["clusters"] as? [[String: Any]])
            let ids = Set(clusters.compactMap { $0["id"] as? String })
            let changes = try #require((network["changes"] as? [String: Any])?["clusters"] as? [String: Any])
            network["changes"] = nil
            let named = Self.clusterIDs(in: network)
            #expect(!named.isEmpty, "reasons and flags name clusters on the sample")
            #expect(named.subtracting(ids).isEmpty, "ids named in text but of no cluster: \(named.subtracting(ids))")
            // The change report names current ids as current, previous ids as previous.
            #expect(Set(changes["dissolved"] as? [String] ?? []).isSubset(of: firstIDs))
            #expect(Set(changes["new"] as? [String] ?? []).isSubset(of: ids))
            // Ids carried over from the first run are not the ids the clusters would get afresh:
            // those are what the board used to lose.
            let carried = (changes["continued"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(!carried.isEmpty && Set(carried).isSubset(of: ids.intersection(firstIDs)))

            let quarter = try #require(BoardPeriod("2024-Q3"))
            _ = try await pipeline.report(.board(quarter), request: thinned)
            let latest = try #require(try HistoryStore(stateFolder: out + "/.contextd-state").read().previous)
            #expect(Set(latest.clusters.map(\.cluster)) == ids, "the board recorded the run's ids")

            // Issue 12, item 14: the report wrote into the run's folder, and its manifest says so.
            let manifest = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
                    as? [String: Any])
            let listed = try #require(manifest["outputs"] as? [[String: Any]])
            #expect(Set(listed.compactMap { $0["path"] as? String }).isSuperset(of: ["board.json", "board.html"]))
            for entry in listed {
                let path = try #require(entry["path"] as? String)
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + path)))
                #expect(entry["sha256"] as? String == InputFingerprint.sha256Hex(bytes), "\(path)")
            }
        }
    }
}

/// Issue 12, item 5: once the outputs are committed, a history that cannot be written is
/// reported (a warning; the CLI exits 75), never thrown as if nothing had been written.
@Suite("History after the commit")
struct HistoryAfterCommitTests {
    @Test func aFailureIsReturnedNotThrown() {
        let pipeline = Pipeline(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let problem = pipeline.recordHistoryAfterCommit { () throws(PipelineError) in
            throw PipelineError(.outputNotCreatable, "history.sqlite: disk I/O error")
        }
        #expect(problem == "history.sqlite: disk I/O error")
        #expect(pipeline.recordHistoryAfterCommit { () throws(PipelineError) in } == nil)
    }
}

/// Issue 12, item 12: no link planted inside `--out` is followed, the state folder included.
@Suite("A planted state folder link")
struct PlantedStateLinkTests {
    @Test func aLinkedStateFolderIsRefusedAndNothingIsWrittenThrough() async throws {
        try await withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let out = scratch + "/out"
            let elsewhere = scratch + "/elsewhere"
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: out + "/.contextd-state", withDestinationPath: elsewhere)
            var configuration = RunConfiguration(asOf: Day(iso: "2024-09-30"))
            configuration.analysis.clusters.minimumClusterSize = 2
            let request = RunRequest(
                dataFolder: scratch + "/data", outputFolder: out, configuration: configuration, configurationFile: nil)
            let pipeline = Pipeline(logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            await #expect(throws: PipelineError.self) { _ = try await pipeline.run(request) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        }
    }
}
