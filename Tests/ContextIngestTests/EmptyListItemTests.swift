import ContextModel
import Testing

@testable import ContextIngest

/// An empty item in a `;`-separated list (`cse;;cce`, a trailing `;`) is an error at the field
/// (issue 12, item 16), and lenient mode sets the row aside.
@Suite("Empty list items")
struct EmptyListItemTests {
    private static let entities = """
        id,kind,exploitation
        C-1,child,cse;;cce
        C-2,child,cse;
        C-3,child,;cse
        C-4,child,cse; ;cce
        C-5,child,cse; cce
        C-6,child,;

        """

    private func load(_ policy: ValidationPolicy) -> (LoadedDataset?, ValidationReport?) {
        let files = [
            (name: "entities.csv", bytes: Array(Self.entities.utf8)),
            (name: "links.csv", bytes: Array("source,target,kind\nC-5,C-1,sibling\n".utf8)),
        ]
        do {
            let dataset = try DatasetLoader(policy: policy).load(files: files)
            return (dataset, dataset.report)
        } catch {
            return (nil, error.report)
        }
    }

    private static let hint = "separate values with one ';' and none at either end"

    @Test func emptyItemsAreErrorsAtTheField() {
        let (dataset, report) = load(.strict)
        #expect(dataset == nil)
        #expect(
            report?.errors.map(\.description) == [
                "entities.csv:2:11: error: exploitation has an empty item (item 2 of 3); \(Self.hint)",
                "entities.csv:3:11: error: exploitation has an empty item (item 2 of 2); \(Self.hint)",
                "entities.csv:4:11: error: exploitation has an empty item (item 1 of 2); \(Self.hint)",
                "entities.csv:5:11: error: exploitation has an empty item (item 2 of 3); \(Self.hint)",
                "entities.csv:7:11: error: exploitation has an empty item (item 1 of 2); \(Self.hint)",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
            ])
    }

    @Test func lenientSetsTheRowsAside() throws {
        let (loaded, report) = load(.lenient)
        let dataset = try #require(loaded)
        #expect(dataset.graph.entities.ids == ["C-5"])
        #expect(dataset.graph.entities.exploitation == [[.cse, .cce]])
        #expect(
            report?.setAside.map { "\($0.file):\($0.line)" } == [
                "entities.csv:2", "entities.csv:3", "entities.csv:4", "entities.csv:5", "entities.csv:7", "links.csv:2",
            ])
    }
}
