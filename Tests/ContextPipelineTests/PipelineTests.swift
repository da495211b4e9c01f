import ContextAnalysis
import ContextIngest
import ContextModel
import ContextTestSupport
import Foundation
import InMemoryLogging
import Logging
import Testing

@testable import ContextPipeline

@Suite("Pipeline runs")
struct PipelineTests {
    private func request(data: String, out: String, _ edit: (inout RunConfiguration) -> Void = { _ in }) -> RunRequest {
        var configuration = RunConfiguration(asOf: Day(iso: "2024-09-30"))
        configuration.analysis.clusters.minimumClusterSize = 2
        edit(&configuration)
        return RunRequest(dataFolder: data, outputFolder: out, configuration: configuration, configurationFile: nil)
    }

    private func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func runWritesNetworkAndManifestWithOwnerOnlyPermissions() async throws {
        try await withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let out = scratch + "/out"
            let result = try await Pipeline(logger: Logger(label: "test")).run(
                request(data: scratch + "/data", out: out))
            #expect(result.outputs.last == "manifest.json")
            let network = try json(out + "/network.json")
            let clusters = try #require(network["clusters"] as? [[String: Any]])
            let memberLists = clusters.compactMap { $0["members"] as? [String] }
            // Children and the perpetrator are clustered; the school and the peer two hops away
            // (P-9) are in no cluster; the E-graded link does not join C-3 to X-1.
            for id in ["C-1", "C-2", "C-3", "X-1"] { #expect(memberLists.contains { $0.contains(id) }, "\(id)") }
            #expect(!memberLists.joined().contains("S-1") && !memberLists.joined().contains("P-9"))
            #expect(!memberLists.contains { $0.contains("C-3") && $0.contains("X-1") })
            #expect(
                clusters.first { ($0["members"] as? [String])?.contains("C-1") == true }?["highest_risk_level"] as? Int
                    == 4)
            let contexts = try #require(network["contexts"] as? [[String: Any]])
            #expect(contexts.first?["id"] as? String == "L-1")
            #expect(contexts.first?["hotspot"] as? Bool == true)
            #expect((network["summary"] as? [String: Any])?["suspected_false_links_excluded"] as? Int == 1)
            let changes = try #require(network["changes"] as? [String: Any])
            #expect(changes["has_previous"] as? Bool == false)
            #expect(
                (changes["clusters"] as? [String: Any])?["new"] as? [String]
                    == clusters.compactMap { $0["id"] as? String }.sorted())
            let children = try #require(network["children"] as? [[String: Any]])
            #expect(Set(children.compactMap { $0["id"] as? String }) == ["C-1", "C-2", "C-3"])
            #expect(
                (children.first { $0["id"] as? String == "C-1" }?["reasons"] as? [String])?.first
                    == "child C-1 <- perpetrator X-1 (level 4; exploits, graded 1B, 10 days old)")

            let manifest = try json(out + "/manifest.json")
            #expect(manifest["as_of"] as? String == "2024-09-30")
            let inputs = try #require(manifest["inputs"] as? [[String: Any]])
            #expect(inputs.map { $0["name"] as? String } == ["entities.csv", "links.csv", "events.csv"])
            #expect(inputs.map { $0["rows"] as? Int } == [10, 11, 2])
            let stages = try #require(manifest["stages"] as? [[String: Any]])
            let stageNames = stages.compactMap { $0["name"] as? String }
            for name in [
                "load", "load.read", "load.fingerprint", "load.validate", "load.freeze", "analyse.strength",
                "analyse.neighbourhood", "analyse.clusters", "render", "report",
            ] {
                #expect(stageNames.contains(name), "\(name)")
            }
            // Every listed output exists with the recorded hash.
            for output in try #require(manifest["outputs"] as? [[String: Any]]) {
                let path = try #require(output["path"] as? String)
                let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/" + path))
                #expect(InputFingerprint.sha256Hex(Array(bytes)) == output["sha256"] as? String)
            }
            for (relative, _) in try snapshot(of: out) where !relative.hasSuffix(".lock") {
                let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + relative)
                #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(relative)")
            }
            let folderMode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(folderMode == 0o700)
        }
    }

    @Test func rejectedDataLeavesEarlierOutputsByteIdentical() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let pipeline = Pipeline(logger: Logger(label: "test"))
            _ = try await pipeline.run(request(data: data, out: out))
            let before = try snapshot(of: out)
            try Data((TinyDataset.links + "C-1,NOPE,associate,,,,,\n").utf8).write(
                to: URL(fileURLWithPath: data + "/links.csv"))
            await #expect(throws: IngestError.self) { try await pipeline.run(request(data: data, out: out)) }
            #expect(try snapshot(of: out) == before)
        }
    }

    @Test func outputFailureLeavesEarlierOutputsAndNoStaging() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let pipeline = Pipeline(logger: Logger(label: "test"))
            _ = try await pipeline.run(
                request(data: data, out: out) {
                    $0.overview.enabled = false
                    $0.maps.clusters = false
                    $0.maps.pseudonymised = false
                })
            let before = try snapshot(of: out)
            // A file where the maps folder must go: staging succeeds, moving into place cannot.
            try Data("in the way".utf8).write(to: URL(fileURLWithPath: out + "/maps"))
            let expectedAfter = before.merging(["maps": Data("in the way".utf8)]) { $1 }
            do {
                _ = try await pipeline.run(request(data: data, out: out))
                Issue.record("expected the run to fail")
            } catch let error as PipelineError {
                #expect(error.code == .outputNotCreatable)
            }
            let after = try snapshot(of: out)
            // The failed run made the pseudonymisation key (state, not output) but stored no map
            // in the cache: the cache is written only after a commit.
            #expect(Set(after.keys) == Set(expectedAfter.keys).union([".contextd-state/pseudonym.key"]))
            // Nor did it record scores in the history (the first run made both files).
            #expect(after[".contextd-state/history.sqlite"] == before[".contextd-state/history.sqlite"])
            #expect(after["network.json"] == before["network.json"])
            #expect(after["manifest.json"] == before["manifest.json"])
            #expect(!after.keys.contains { $0.contains("staging") })
        }
    }

    @Test func secondRunKeepsClusterIdsAndReportsThemContinued() async throws {
        try await withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let pipeline = Pipeline(logger: Logger(label: "test"))
            let out = scratch + "/out"
            _ = try await pipeline.run(request(data: scratch + "/data", out: out))
            let firstIDs = try #require(try json(out + "/network.json")["clusters"] as? [[String: Any]]).compactMap {
                $0["id"] as? String
            }
            // A new peer joins C-1's circle: the cluster is substantially the same group.
            try Data((TinyDataset.entities + "P-5,peer,Secret-Label-New,,,North Ward,,,\n").utf8)
                .write(to: URL(fileURLWithPath: scratch + "/data/entities.csv"))
            try Data((TinyDataset.links + "C-1,P-5,associate,3,2024-09-01,2024-09-20,education,2B\n").utf8)
                .write(to: URL(fileURLWithPath: scratch + "/data/links.csv"))
            _ = try await pipeline.run(request(data: scratch + "/data", out: out))
            let second = try json(out + "/network.json")
            let secondIDs = try #require(second["clusters"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            #expect(Set(secondIDs) == Set(firstIDs))
            let changes = try #require(second["changes"] as? [String: Any])
            #expect(changes["has_previous"] as? Bool == true)
            let clusterChanges = try #require(changes["clusters"] as? [String: Any])
            #expect((clusterChanges["new"] as? [String])?.isEmpty == true)
            #expect((clusterChanges["continued"] as? [[String: Any]])?.count == firstIDs.count)
            #expect((changes["new_children"] as? [String])?.isEmpty == true)
        }
    }

    /// No children, no perpetrators, no links: every stage still runs and the reports say "none".
    @Test func datasetWithNothingOfConcernStillRuns() async throws {
        try await withTemporaryDirectory { scratch in
            try FileManager.default.createDirectory(atPath: scratch + "/data", withIntermediateDirectories: true)
            try Data("id,kind\nP-1,peer\nL-1,location\n".utf8).write(
                to: URL(fileURLWithPath: scratch + "/data/entities.csv"))
            try Data("source,target,kind\n".utf8).write(to: URL(fileURLWithPath: scratch + "/data/links.csv"))
            _ = try await Pipeline(logger: Logger(label: "test")).run(
                request(data: scratch + "/data", out: scratch + "/out"))
            let network = try json(scratch + "/out/network.json")
            #expect((network["clusters"] as? [Any])?.isEmpty == true)
            #expect((network["summary"] as? [String: Any])?["modularity"] == nil)
        }
    }

    @Test func logsCarryCountsNeverIdsLabelsOrNotes() async throws {
        try await withTemporaryDirectory { scratch in
            try TinyDataset.write(to: scratch + "/data")
            let handler = InMemoryLogHandler()
            var logger = Logger(label: "contextd.pipeline") { _ in handler }
            logger.logLevel = .trace
            _ = try await Pipeline(logger: logger).run(request(data: scratch + "/data", out: scratch + "/out"))
            #expect(!handler.entries.isEmpty)
            let ids = ["C-1", "C-2", "C-3", "P-1", "P-2", "P-9", "X-1", "L-1", "S-1", "G-1"]
            for entry in handler.entries {
                let text = "\(entry.message) \(entry.metadata)"
                for secret in TinyDataset.personalMarkers + ids {
                    #expect(!text.contains(secret), "log entry leaks '\(secret)': \(text)")
                }
            }
        }
    }
}

@Suite("Output transaction recovery")
struct OutputTransactionRecoveryTests {
    @Test func aCommitInterruptedWhileMovingFilesIsFinishedByTheNextCommit() throws {
        try withTemporaryDirectory { out in
            var first = OutputTransaction(folder: out)
            first.add("a.txt", Array("old a".utf8))
            first.add("manifest.json", Array("old manifest".utf8))
            try first.commit(last: "manifest.json")
            // A run killed after its commit point: b.txt already in place, a.txt and the manifest not.
            let pending = out + "/" + OutputTransaction.commitPrefix + "99999"
            try FileManager.default.createDirectory(atPath: pending, withIntermediateDirectories: false)
            try Data("new a".utf8).write(to: URL(fileURLWithPath: pending + "/a.txt"))
            try Data("new manifest".utf8).write(to: URL(fileURLWithPath: pending + "/manifest.json"))
            try Data("a.txt\nb.txt\nmanifest.json".utf8).write(to: URL(fileURLWithPath: pending + "/.order"))
            try Data("new b".utf8).write(to: URL(fileURLWithPath: out + "/b.txt"))
            // A run killed before its commit point: only staging, to be discarded.
            let staging = out + "/.contextd-staging-99998"
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data("never".utf8).write(to: URL(fileURLWithPath: staging + "/a.txt"))

            var next = OutputTransaction(folder: out)
            next.add("c.txt", Array("c".utf8))
            try next.commit()
            let files = try snapshot(of: out)
            #expect(files["a.txt"] == Data("new a".utf8))
            #expect(files["b.txt"] == Data("new b".utf8))
            #expect(files["manifest.json"] == Data("new manifest".utf8))
            #expect(files["c.txt"] == Data("c".utf8))
            #expect(files.keys.sorted() == [".contextd.lock", "a.txt", "b.txt", "c.txt", "manifest.json"])
        }
    }
}
