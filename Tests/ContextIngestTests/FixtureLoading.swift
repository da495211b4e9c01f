import Foundation
import Testing

@testable import ContextIngest

/// The path of a committed fixture folder.
func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return url.appendingPathComponent(name).path
}

/// Loads a fixture, returning the report whether the dataset was accepted or rejected.
func loadFixture(_ name: String, policy: ValidationPolicy = .strict) throws -> (ValidationReport, LoadedDataset?) {
    do {
        let dataset = try DatasetLoader(policy: policy).load(folder: try fixture(name))
        return (dataset.report, dataset)
    } catch let error as IngestError {
        let report = try #require(error.report, "expected a validation report, got: \(error)")
        return (report, nil)
    }
}
