import ContextAnalysis
import ContextModel
import ContextTestSupport
import Foundation
import Logging
import Testing

@testable import ContextPipeline

@Suite("Maps in runs and contextd map") struct MapPipelineTests {
    private func configuration() -> RunConfiguration {
        var configuration = RunConfiguration(asOf: Day(iso: "2024-09-30"))
        configuration.analysis.clusters.minimumClusterSize = 2
        return configuration
    }

    private func request(_ data: String, _ out: String, _ subject: MapRequest.Subject, pseudonymise: Bool = false)
        -> MapRequest
    {
        MapRequest(
            dataFolder: data, outputFolder: out, configuration: configuration(), subjects: [subject],
            pseudonymise: pseudonymise)
    }

    @Test func runWritesOverviewAndClusterMapsInBothVariants() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let result = try await Pipeline(logger: Logger(label: "test")).run(
                RunRequest(dataFolder: data, outputFolder: out, configuration: configuration(), configurationFile: nil))
            let maps = result.outputs.filter { $0.hasPrefix("maps/") }.sorted()
            // The overview (svg, dot) and one svg per cluster, each in both variants.
            let clusters = maps.filter { $0.hasPrefix("maps/clusters/") }.count
            #expect(clusters == 3)
            #expect(maps.count == 2 * (2 + clusters))
            #expect(maps.filter { $0.hasPrefix("maps/pseudonymised/") }.count == 2 + clusters)
            #expect(
                maps.allSatisfy {
                    $0.wholeMatch(of: /maps\/(pseudonymised\/)?(overview\.(svg|dot)|clusters\/K-[0-9a-f]{12}\.svg)/)
                        != nil
                })
            for path in maps where path.hasPrefix("maps/pseudonymised/") {
                // SVG writes "-" as "&#45;".
                let text = try String(contentsOfFile: out + "/" + path, encoding: .utf8)
                    .replacingOccurrences(of: "&#45;", with: "-")
                for marker in TinyDataset.personalMarkers { #expect(!text.contains(marker), "\(path): \(marker)") }
                // Ids as whole tokens (SVG path data such as "72C-1.5" is geometry, not an id).
                let tokens = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-") })
                for id in ["C-1", "C-2", "C-3", "X-1", "P-1", "L-1"] {
                    #expect(!tokens.contains(Substring(id)), "\(path)")
                }
            }
            let identified = try String(contentsOfFile: out + "/maps/overview.svg", encoding: .utf8)
            #expect(identified.contains("Secret&#45;Label&#45;Amelia"))
            let key = out + "/.contextd-state/pseudonym.key"
            #expect((try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int) == 0o600)
            let keyText = try String(contentsOfFile: key, encoding: .utf8).trimmingCharacters(in: .newlines)
            for path in result.outputs {
                let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/" + path)), as: UTF8.self)
                #expect(!text.contains(keyText), "\(path)")
            }
        }
    }

    @Test func unchangedMapsAreReusedAndAChangedClusterIsRedrawn() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let pipeline = Pipeline(logger: Logger(label: "test"))
            let cold = try await pipeline.drawMaps(request(data, out, .all))
            let clusters = cold.paths.filter { $0.hasPrefix("maps/clusters/") }.count
            #expect(clusters == 3)
            #expect(cold.rendered.rendered == 1 + clusters && cold.rendered.reused == 0)
            let first = try snapshot(of: out + "/maps")
            let warm = try await pipeline.drawMaps(request(data, out, .all))
            #expect(warm.rendered.rendered == 0 && warm.rendered.reused == 1 + clusters)
            #expect(try snapshot(of: out + "/maps") == first)
            // One link's weight changes inside the smaller cluster {C-3, P-2}: the overview and
            // that cluster's map are redrawn; the other cluster's map is reused.
            let changed = TinyDataset.links.replacingOccurrences(
                of: "C-3,P-2,sibling,5,", with: "C-3,P-2,sibling,2,")
            try Data(changed.utf8).write(to: URL(fileURLWithPath: data + "/links.csv"))
            let after = try await pipeline.drawMaps(request(data, out, .all))
            #expect(after.rendered.rendered == 2 && after.rendered.reused == clusters - 1, "\(after.rendered)")
            // contextd map only adds to the cache (a run prunes it): the two redrawn maps' old
            // entries are still there, and a child's map keeps the cluster maps reusable.
            let cache = try FileManager.default.contentsOfDirectory(atPath: out + "/.contextd-state/map-cache")
            #expect(cache.count == 2 + clusters + 3)
            _ = try await pipeline.drawMaps(request(data, out, .child("C-1")))
            let again = try await pipeline.drawMaps(request(data, out, .all))
            #expect(again.rendered.rendered == 0)
            // A run prunes: afterwards the cache holds exactly the run's map files.
            let run = try await pipeline.run(
                RunRequest(dataFolder: data, outputFolder: out, configuration: configuration(), configurationFile: nil))
            let runMaps = run.outputs.filter { $0.hasPrefix("maps/") }.count
            let pruned = try FileManager.default.contentsOfDirectory(atPath: out + "/.contextd-state/map-cache")
            #expect(pruned.count == runMaps)
        }
    }

    @Test func childMapFileNamesAreKeyedTokensNeverIds() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let pipeline = Pipeline(logger: Logger(label: "test"))
            let child = try await pipeline.drawMaps(request(data, out, .child("C-1")))
            #expect(child.paths.count == 1)
            let path = try #require(child.paths.first)
            #expect(path.wholeMatch(of: /maps\/child-[0-9A-Z]{12}\.svg/) != nil)
            let svg = try String(contentsOfFile: out + "/" + path, encoding: .utf8)
            #expect(svg.contains("Secret&#45;Label&#45;Amelia") && svg.contains("OFFICIAL&#45;SENSITIVE"))
            let shared = try await pipeline.drawMaps(request(data, out, .child("C-1"), pseudonymise: true))
            let sharedPath = try #require(shared.paths.first)
            #expect(sharedPath == path.replacingOccurrences(of: "maps/", with: "maps/pseudonymised/"))
            let sharedSVG = try String(contentsOfFile: out + "/" + sharedPath, encoding: .utf8)
                .replacingOccurrences(of: "&#45;", with: "-")
            for marker in TinyDataset.personalMarkers { #expect(!sharedSVG.contains(marker)) }
            #expect(!Set(sharedSVG.split { !($0.isLetter || $0.isNumber || $0 == "-") }).contains("C-1"))
            #expect(sharedSVG.contains("CHILD-"))
            let place = try await pipeline.drawMaps(request(data, out, .context("L-1")))
            #expect(place.paths.first?.hasPrefix("maps/context-") == true)
        }
    }

    @Test func hostileIdsNeverBecomePaths() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let hostile = "../../C-1/..\\x"
            for file in ["entities.csv", "links.csv", "events.csv"] {
                let path = data + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                    .replacingOccurrences(of: "C-1,", with: "\"\(hostile)\",")
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
            let result = try await Pipeline(logger: Logger(label: "test")).drawMaps(request(data, out, .child(hostile)))
            let path = try #require(result.paths.first)
            #expect(path.wholeMatch(of: /maps\/child-[0-9A-Z]{12}\.svg/) != nil)
            #expect(FileManager.default.fileExists(atPath: out + "/" + path))
            #expect(!FileManager.default.fileExists(atPath: scratch + "/C-1"))
        }
    }

    @Test func unknownOrWrongKindSubjectsAreRefused() async throws {
        try await withTemporaryDirectory { scratch in
            let data = scratch + "/data", out = scratch + "/out"
            try TinyDataset.write(to: data)
            let pipeline = Pipeline(logger: Logger(label: "test"))
            for (subject, message) in [
                (MapRequest.Subject.child("NOPE"), "--child: no entity with that id in the data"),
                (.child("L-1"), "--child: the entity is a location; expected one of: child, peer, perpetrator"),
                (.context("C-1"), "--context: the entity is a child; expected one of: location, school, group"),
                (.cluster("K-000000000000"), "--cluster: no concern cluster 'K-000000000000' as of 2024-09-30"),
            ] {
                do {
                    _ = try await pipeline.drawMaps(request(data, out, subject))
                    Issue.record("expected \(subject) to be refused")
                } catch let error as PipelineError {
                    #expect(error.code == .subjectUnknown)
                    #expect(error.message.hasPrefix(message))
                }
            }
            #expect(!FileManager.default.fileExists(atPath: out + "/maps"))
        }
    }
}
