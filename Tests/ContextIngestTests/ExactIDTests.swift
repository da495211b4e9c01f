import ContextModel
import Testing

@testable import ContextIngest

/// Ids are compared by their exact Unicode scalars (issue 12, item 7): two spellings that Swift's
/// `String` would call equal are two entities, links attach to the spelling they name, and ids
/// that only look alike get a warning naming both lines.
@Suite("Exact ids and look-alikes")
struct ExactIDTests {
    private func load(
        _ entities: String, _ links: String, policy: ValidationPolicy = .strict, parallel: Bool = false
    ) throws -> LoadedDataset {
        var loader = DatasetLoader(policy: policy)
        loader.parallelThreshold = parallel ? 0 : Int.max
        return try loader.load(files: [
            (name: "entities.csv", bytes: Array(entities.utf8)), (name: "links.csv", bytes: Array(links.utf8)),
        ])
    }

    /// The (source, target) ids of each link, in link order.
    private func endpoints(_ graph: ContextGraph) -> [[String]] {
        (0..<graph.links.count).map { link in
            [graph.links.sources[link], graph.links.targets[link]].map { graph.id(of: EntityIndex(rawValue: $0)) }
        }
    }

    @Test func precomposedAndDecomposedAreTwoEntities() throws {
        let nfc = "Zo\u{EB}", nfd = "Zoe\u{308}"
        #expect(nfc == nfd, "Swift's String calls them equal; the loader must not")
        for parallel in [false, true] {
            let dataset = try load(
                "id,kind\n\(nfc),child\n\(nfd),child\nP-1,peer\n",
                "source,target,kind\n\(nfd),P-1,associate\n\(nfd),\(nfc),associate\nP-1,\(nfc),sibling\n",
                parallel: parallel)
            let graph = dataset.graph
            #expect(
                graph.entities.ids.map { Array($0.unicodeScalars) }
                    == [nfc, nfd, "P-1"].map { Array($0.unicodeScalars) })
            #expect(graph.index(of: nfc) == EntityIndex(0))
            #expect(graph.index(of: nfd) == EntityIndex(1))
            // The NFD-to-NFC link is a real link, not a self-link, and not a duplicate.
            #expect(graph.links.count == 3)
            #expect(graph.links.sources == [1, 1, 2])
            #expect(graph.links.targets == [2, 0, 0])
            #expect(
                dataset.report.diagnostics.map(\.description) == [
                    "entities.csv:3:1: warning: id '\(nfd)' looks like the id '\(nfc)' on line 2 (the same text after Unicode normalisation); ids are compared exactly, so these are two entities"
                ])
            #expect(dataset.report.warnings.first?.kind == .lookAlikeID)
        }
    }

    @Test func angstromSignAndRingAreTwoIDs() throws {
        let sign = "\u{212B}-1", ring = "\u{C5}-1"
        let dataset = try load(
            "id,kind\nP-1,peer\n\(sign),peer\n\(ring),peer\n",
            "source,target,kind\n\(ring),P-1,associate\n\(sign),\(ring),associate\n")
        let graph = dataset.graph
        #expect(graph.entities.count == 3)
        #expect(graph.index(of: sign) == EntityIndex(1))
        #expect(graph.index(of: ring) == EntityIndex(2))
        #expect(
            endpoints(graph).map { $0.map { Array($0.unicodeScalars) } }
                == [[ring, "P-1"], [sign, ring]].map {
                    $0.map { Array($0.unicodeScalars) }
                })
        #expect(
            dataset.report.warnings.map(\.description) == [
                "entities.csv:4:1: warning: id '\(ring)' looks like the id '\(sign)' on line 3 (the same text after Unicode normalisation); ids are compared exactly, so these are two entities"
            ])
    }

    @Test func cyrillicLetterIsNotTheLatinOne() throws {
        let latin = "Pa-1", cyrillic = "P\u{430}-1"
        let dataset = try load(
            "id,kind\n\(latin),peer\n\(cyrillic),peer\n", "source,target,kind\n\(cyrillic),\(latin),associate\n")
        #expect(dataset.graph.entities.count == 2)
        #expect(dataset.graph.index(of: cyrillic) == EntityIndex(1))
        #expect(dataset.graph.links.sources == [1])
        #expect(
            dataset.report.warnings.map(\.description) == [
                "entities.csv:3:1: warning: id '\(cyrillic)' looks like the id '\(latin)' on line 2 (the same once look-alike letters from other scripts are read as Latin ones); ids are compared exactly, so these are two entities"
            ])
    }

    @Test func idsDifferingInCaseAreTwoEntitiesWithAWarning() throws {
        let dataset = try load(
            "id,kind\nC-001,child\nc-001,child\n", "source,target,kind\nc-001,C-001,sibling\n")
        #expect(dataset.graph.entities.ids == ["C-001", "c-001"])
        #expect(dataset.graph.links.sources == [1])
        #expect(dataset.graph.links.targets == [0])
        #expect(
            dataset.report.diagnostics.map(\.description) == [
                "entities.csv:3:1: warning: id 'c-001' looks like the id 'C-001' on line 2 (the same ignoring case); ids are compared exactly, so these are two entities"
            ])
    }

    @Test func lookAlikeWarningsNameTheFirstOfEachGroupAndThePointedField() throws {
        // Three spellings of one skeleton: each later one is compared with the first, once.
        let dataset = try load(
            "kind,id\npeer,AB-1\npeer,ab-1\npeer,\u{391}\u{392}-1\npeer,XY-1\n", "source,target,kind\n")
        #expect(dataset.report.warnings.map(\.line) == [3, 4])
        #expect(dataset.report.warnings.map(\.column) == [6, 6])
        #expect(dataset.report.warnings.allSatisfy { $0.message.contains("on line 2 ") })
    }

    @Test func aLinkToAnIdThatOnlyLooksLikeAnEntityIsAnError() throws {
        let error = #expect(throws: IngestError.self) {
            _ = try load("id,kind\nC-001,child\n", "source,target,kind\nc-001,C-001,sibling\n")
        }
        #expect(
            error?.report?.errors.map(\.description) == [
                "links.csv:2:1: error: source 'c-001' is not the id of any entity in entities.csv"
            ])
    }

    @Test func skeletonFoldsNormalisationCaseAndScripts() {
        #expect(LookAlikeIDs.skeleton("Zo\u{EB}") == LookAlikeIDs.skeleton("ZOE\u{308}"))
        #expect(LookAlikeIDs.skeleton("\u{212A}-1") == "k-1")
        #expect(LookAlikeIDs.skeleton("\u{421}-001") == "c-001")
        #expect(LookAlikeIDs.skeleton("\u{FF23}-1") == "c-1")
        #expect(LookAlikeIDs.skeleton("O-1") != LookAlikeIDs.skeleton("0-1"))
    }
}
