import ContextModel
import ContextTestSupport
import Foundation
import Testing

@testable import ContextIngest

/// Reading `links.csv` in two halves at once must give exactly what one pass gives: the same
/// links in the same order, the same merges, and the same diagnostics in the same order.
@Suite("Links read in parallel")
struct ParallelLinksTests {
    private func load(_ folder: String, parallel: Bool, policy: ValidationPolicy) -> (LoadedDataset?, ValidationReport?)
    {
        var loader = DatasetLoader(policy: policy)
        loader.parallelThreshold = parallel ? 0 : Int.max
        do {
            let dataset = try loader.load(folder: folder)
            return (dataset, dataset.report)
        } catch {
            return (nil, error.report)
        }
    }

    private func expectSame(
        _ folder: String, policy: ValidationPolicy, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (one, oneReport) = load(folder, parallel: false, policy: policy)
        let (two, twoReport) = load(folder, parallel: true, policy: policy)
        #expect(oneReport?.diagnostics == twoReport?.diagnostics, sourceLocation: sourceLocation)
        #expect(oneReport?.setAside == twoReport?.setAside, sourceLocation: sourceLocation)
        #expect(oneReport?.files.map(\.rowsUsed) == twoReport?.files.map(\.rowsUsed), sourceLocation: sourceLocation)
        #expect((one == nil) == (two == nil), sourceLocation: sourceLocation)
        if let one, let two {
            #expect(one.graph.links.sources == two.graph.links.sources, sourceLocation: sourceLocation)
            #expect(one.graph.links.targets == two.graph.links.targets, sourceLocation: sourceLocation)
            #expect(one.graph.links.weights == two.graph.links.weights, sourceLocation: sourceLocation)
            #expect(one.graph.links.gradings == two.graph.links.gradings, sourceLocation: sourceLocation)
            #expect(one.graph.links.lastSeen == two.graph.links.lastSeen, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "quoting", "unterminated-quote", "ragged-row", "duplicate-id", "bad-values", "references", "encoding",
        "warnings", "lenient", "quote-misuse",
    ])
    func everyFixtureGivesTheSameResult(name: String) throws {
        let folder = try fixture(name)
        expectSame(folder, policy: .strict)
        expectSame(folder, policy: .lenient)
    }

    /// A larger file with duplicates spread over both halves, quoted line breaks, E grades and
    /// self-links: merges must happen in file order whichever half a row was read in.
    @Test func duplicatesAcrossTheSplitMergeInFileOrder() throws {
        try withTemporaryDirectory { folder in
            try duplicatesAcrossTheSplit(in: folder)
        }
    }

    private func duplicatesAcrossTheSplit(in folder: String) throws {
        var entities = "id,kind,label\n"
        for i in 0..<200 { entities += "P-\(i),peer,\"Name \(i),\nsecond line\"\n" }
        var links = "source,target,kind,weight,grading,note\n"
        for i in 0..<2_000 {
            let a = (i * 7) % 200
            let b = i % 500 == 0 ? a : (i * 13 + 1) % 200
            links += "P-\(a),P-\(b),associate,\(1 + i % 5),\(i % 97 == 0 ? "2E" : "1B"),\"x \"\"\(i)\"\"\"\n"
        }
        try Data(entities.utf8).write(to: URL(fileURLWithPath: folder + "/entities.csv"))
        try Data(links.utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
        expectSame(folder, policy: .strict)
        let (two, report) = load(folder, parallel: true, policy: .strict)
        #expect(two != nil)
        #expect(report?.warnings.contains { $0.message.hasPrefix("duplicate of the link") } == true)
        #expect(report?.warnings.contains { $0.message.hasPrefix("self-link") } == true)
    }
}
