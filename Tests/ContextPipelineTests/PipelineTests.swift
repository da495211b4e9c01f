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
                // Through the output links, to the file in the current generation.
                let resolved = URL(fileURLWithPath: out + "/" + relative).resolvingSymlinksInPath().path
                let attributes = try FileManager.default.attributesOfItem(atPath: resolved)
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

@Suite("Output generations")
struct OutputGenerationTests {
    private func commit(_ out: String, _ files: [String: String], complete: Bool = true) throws {
        var transaction = OutputTransaction(folder: out)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { transaction.add(path, Array(text.utf8)) }
        if complete { transaction.add("manifest.json", Array("manifest".utf8)) }
        try transaction.commit(last: complete ? "manifest.json" : nil)
    }

    private func text(_ files: [String: Data]) -> [String: String] {
        files.filter { !$0.key.hasPrefix(".contextd") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aCompleteCommitReplacesTheWholeSetAndRemovesWhatItDidNotProduce() throws {
        try withTemporaryDirectory { out in
            try commit(out, ["maps/clusters/K-1.svg": "one", "maps/clusters/K-2.svg": "two", "people.csv": "a"])
            try commit(out, ["maps/clusters/K-1.svg": "one again", "network.json": "n"])
            #expect(
                text(try snapshot(of: out)) == [
                    "maps/clusters/K-1.svg": "one again", "network.json": "n", "manifest.json": "manifest",
                ])
            // One generation is kept on disk; the link of an output no longer produced is gone.
            #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/.contextd-runs").count == 1)
            #expect(!FileManager.default.fileExists(atPath: out + "/people.csv"))
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/people.csv")) == nil)
        }
    }

    @Test func anAddingCommitKeepsTheCurrentSet() throws {
        try withTemporaryDirectory { out in
            try commit(out, ["maps/overview.svg": "overview", "network.json": "n"])
            try commit(out, ["maps/children/C-1.svg": "child", "schools.json": "s"], complete: false)
            #expect(
                text(try snapshot(of: out)) == [
                    "maps/overview.svg": "overview", "maps/children/C-1.svg": "child", "network.json": "n",
                    "schools.json": "s", "manifest.json": "manifest",
                ])
        }
    }

    @Test func aGenerationLeftByAKilledRunIsInvisibleAndRemovedByTheNextCommit() throws {
        try withTemporaryDirectory { out in
            try commit(out, ["network.json": "old"])
            let before = try snapshot(of: out)
            // A run killed while writing its generation (before the switch).
            let partial = out + "/.contextd-runs/1-99999-1"
            try FileManager.default.createDirectory(atPath: partial + "/maps", withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: partial + "/network.json"))
            #expect(try snapshot(of: out) == before)
            try commit(out, ["network.json": "new"])
            #expect(text(try snapshot(of: out)) == ["network.json": "new", "manifest.json": "manifest"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/.contextd-runs").count == 1)
        }
    }

    @Test func aPlantedLinkInsideTheOutputFolderIsRefusedNotFollowed() throws {
        try withTemporaryDirectory { scratch in
            let elsewhere = scratch + "/elsewhere"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            for planted in ["maps", ".contextd-runs", "current"] {
                let out = scratch + "/out-" + planted
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: out + "/" + planted, withDestinationPath: elsewhere)
                do {
                    try commit(out, ["maps/clusters/K-1.svg": "identified"])
                    Issue.record("expected the planted '\(planted)' link to be refused")
                } catch let error as PipelineError {
                    #expect(error.code == .outputNotCreatable)
                    #expect(error.message.contains(planted), "\(error.message)")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
                try FileManager.default.removeItem(atPath: out + "/" + planted)
            }
        }
    }

    @Test func looseOutputFolderModesAreTightened() throws {
        try withTemporaryDirectory { scratch in
            let out = scratch + "/out"
            try FileManager.default.createDirectory(
                atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
            try commit(out, ["network.json": "n"])
            let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
            #expect(mode == 0o700)
        }
    }

    @Test func anOutputNameStartingWithADotOrClimbingOutIsRefused() throws {
        try withTemporaryDirectory { out in
            for name in ["../escape.txt", ".contextd-runs/x", "/abs", "a//b"] {
                #expect(throws: PipelineError.self) { try commit(out, [name: "x"]) }
            }
        }
    }
}

@Suite("Stale outputs")
struct StaleOutputTests {
    private func request(data: String, out: String) -> RunRequest {
        var configuration = RunConfiguration(asOf: Day(iso: "2024-09-30"))
        configuration.analysis.clusters.minimumClusterSize = 2
        return RunRequest(dataFolder: data, outputFolder: out, configuration: configuration, configurationFile: nil)
    }

    /// Issue 12 item 2: the map of a cluster that dissolved, and anything naming a child erased
    /// from the data, do not survive the next successful run.
    @Test func aDissolvedClusterAndAnErasedChildLeaveNoOutputBehind() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let pipeline = Pipeline(logger: Logger(label: "test"))
            _ = try await pipeline.run(request(data: data, out: out))
            let first = try snapshot(of: out)
            let firstMaps = Set(first.keys.filter { $0.hasPrefix("maps/clusters/") })
            #expect(firstMaps.count >= 2, "\(firstMaps)")
            #expect(
                first.contains {
                    !$0.key.hasPrefix(".contextd") && String(decoding: $0.value, as: UTF8.self).contains("C-3")
                })

            // C-3 is erased from the data: the cluster {C-3, P-2} dissolves.
            let entities = TinyDataset.entities.split(separator: "\n").filter { !$0.hasPrefix("C-3,") }
            let links = TinyDataset.links.split(separator: "\n").filter { !$0.contains("C-3") }
            try Data((entities.joined(separator: "\n") + "\n").utf8).write(
                to: URL(fileURLWithPath: data + "/entities.csv"))
            try Data((links.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: data + "/links.csv"))
            _ = try await pipeline.run(request(data: data, out: out))

            let second = try snapshot(of: out)
            let secondMaps = Set(second.keys.filter { $0.hasPrefix("maps/clusters/") })
            #expect(secondMaps.count < firstMaps.count)
            #expect(secondMaps.isSubset(of: firstMaps))
            // Every output is listed in the manifest; nothing else is there.
            let manifestData = try #require(second["manifest.json"])
            let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
            let listed = Set(try #require(manifest["outputs"] as? [[String: Any]]).compactMap { $0["path"] as? String })
            let outputs = Set(second.keys.filter { !$0.hasPrefix(".contextd") })
            #expect(outputs == listed.union(["manifest.json"]))
            // Its label nowhere; its id in no report (SVG path data such as `C-3.2,4` is not an id).
            // (network.json's change report lists the erased child under `closed_children` by
            // design, one run long: that record is taken out before looking.)
            for (path, bytes) in second where !path.hasPrefix(".contextd") {
                var text = String(decoding: bytes, as: UTF8.self)
                if path == "network.json" {
                    text = text.replacing(#/"closed_children"\s*:\s*\[\s*"C-3"\s*\]/#, with: "")
                }
                #expect(!text.contains("Secret-Label-Cara"), "\(path) names the erased child")
                if !path.hasSuffix(".svg") {
                    #expect(!text.contains(#/(?:^|[^\w.-])C-3(?![\w.])/#), "\(path) names the erased child")
                }
            }
        }
    }
}
