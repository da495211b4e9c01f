import ContextIngest
import ContextModel
import ContextSample
import ContextTestSupport
import Foundation
import Testing

struct SampleWorldTests {
    private func read(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in GeneratedSample.files {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return files
    }

    @Test func sameSeedWritesByteIdenticalFiles() throws {
        let world = try SampleWorld(entities: 3_000, seed: 77)
        let a = try withTemporaryDirectory { path in
            let summary = try world.write(to: path)
            return (try read(path), summary)
        }
        let b = try withTemporaryDirectory { path in
            let summary = try SampleWorld(entities: 3_000, seed: 77).write(to: path)
            return (try read(path), summary)
        }
        for name in GeneratedSample.files {
            #expect(a.0[name] != nil)
            #expect(a.0[name] == b.0[name], "\(name) differs between two runs with the same seed")
        }
        var summaryA = a.1
        var summaryB = b.1
        summaryA.directory = ""
        summaryB.directory = ""
        #expect(summaryA == summaryB)
        #expect(summaryA.seed == 77)
    }

    @Test func differentSeedsWriteDifferentFiles() throws {
        let a = try withTemporaryDirectory { path in
            _ = try SampleWorld(entities: 2_000, seed: 1).write(to: path)
            return try read(path)
        }
        let b = try withTemporaryDirectory { path in
            _ = try SampleWorld(entities: 2_000, seed: 2).write(to: path)
            return try read(path)
        }
        #expect(a["entities.csv"] != b["entities.csv"])
        #expect(a["links.csv"] != b["links.csv"])
    }

    @Test(arguments: [Int.min, -1, 0, 1, 19])
    func fewerThanTwentyEntitiesAreRejected(entities: Int) {
        #expect {
            _ = try SampleWorld(entities: entities, seed: 1)
        } throws: { error in
            (error as? SampleError)?.code == .tooFewEntities
        }
    }

    @Test func defaultReferenceDateIsTheLastDayOfSeptember2024() throws {
        #expect(SampleWorld.defaultReferenceDate == Day(year: 2024, month: 9, day: 30))
        let world = try SampleWorld(entities: 20, seed: 0)
        #expect(world.referenceDate == SampleWorld.defaultReferenceDate)
    }

    @Test(arguments: [20, 21, 50, 137, 999])
    func smallWorldsAreSensibleAndLoadStrictly(entities: Int) throws {
        try withTemporaryDirectory { path in
            let summary = try SampleWorld(entities: entities, seed: UInt64(entities)).write(to: path)
            #expect(summary.rows(in: "entities.csv") == entities)
            #expect(summary.wards >= 1)
            #expect(summary.count(of: .school) >= 2)
            #expect(summary.count(of: .child) >= 3)
            #expect(summary.count(of: .peer) >= 1)
            #expect(summary.count(of: .perpetrator) >= 2)
            #expect(summary.count(of: .group) >= 1)
            #expect(summary.locationCategories.count == LocationCategory.allCases.count)
            let dataset = try DatasetLoader().load(folder: path)
            #expect(dataset.report.errors.isEmpty)
            #expect(dataset.graph.entities.count == entities)
            for warning in dataset.report.warnings {
                #expect(warning.message.contains("graded E"), "unexpected warning: \(warning)")
            }
        }
    }

    @Test func folderIsCreatedPrivateAndFilesAreOwnerOnly() throws {
        try withTemporaryDirectory { root in
            let target = root + "/nested/sample"
            _ = try SampleWorld(entities: 100, seed: 3).write(to: target)
            let manager = FileManager.default
            let folderMode = try manager.attributesOfItem(atPath: target)[.posixPermissions] as? Int
            #expect(folderMode == 0o700)
            for name in GeneratedSample.files {
                let mode = try manager.attributesOfItem(atPath: target + "/" + name)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(name)")
            }
            let leftovers = try manager.contentsOfDirectory(atPath: target).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
        }
    }

    @Test func rewritingAFolderReplacesItsFiles() throws {
        try withTemporaryDirectory { root in
            let fresh = root + "/fresh"
            let reused = root + "/reused"
            _ = try SampleWorld(entities: 500, seed: 1).write(to: reused)
            _ = try SampleWorld(entities: 300, seed: 2).write(to: reused)
            _ = try SampleWorld(entities: 300, seed: 2).write(to: fresh)
            #expect(try read(reused) == (try read(fresh)))
        }
    }

    @Test func unwritableDestinationThrowsAnErrorNamingThePath() throws {
        try withTemporaryDirectory { root in
            let blocker = root + "/not-a-folder"
            #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
            for target in [blocker, blocker + "/sample"] {
                #expect {
                    _ = try SampleWorld(entities: 50, seed: 1).write(to: target)
                } throws: { error in
                    guard let error = error as? SampleError else { return false }
                    return error.code == .outputNotWritable && error.description.contains(blocker)
                        && error.path != nil
                }
            }
        }
    }

    @Test func summaryEncodesAsJSON() throws {
        let summary = try GeneratedSample.tenThousand.get().summary
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(summary)
        let decoded = try JSONDecoder().decode(SampleSummary.self, from: data)
        #expect(decoded == summary)
        #expect(String(decoding: data, as: UTF8.self).contains("\"referenceDate\":\"2024-09-30\""))
    }
}
