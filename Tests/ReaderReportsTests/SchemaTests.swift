import ContextTestSupport
import Foundation
import Testing

@Suite("JSON Schemas against real outputs", .serialized)
struct SchemaTests {
    static let schemaFolder = SampleReports.root + "/Sources/ContextReports/Schemas"

    private func validator(_ name: String) throws -> JSONSchemaValidator {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.schemaFolder)/\(name).schema.json")))
        return try JSONSchemaValidator(schema: bytes)
    }

    @Test(arguments: ["network", "manifest", "schools", "board", "disruption"])
    func everyJSONOutputOfTheSampleMatchesItsSchema(_ name: String) async throws {
        let sample = try await SampleReports.shared.value
        let document = try JSONValue.parse(sample.files["\(name).json"] ?? [])
        let errors = try validator(name).validate(document)
        #expect(errors.isEmpty, "\(name).json: \(errors.prefix(5))")
    }

    @Test func everyShippedSchemaIsDraft2020_12() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.schemaFolder).filter {
            $0.hasSuffix(".schema.json")
        }
        #expect(
            Set(names) == [
                "network.schema.json", "manifest.schema.json", "schools.schema.json", "board.schema.json",
                "disruption.schema.json",
            ])
        for name in names {
            let schema = try JSONValue.parse(
                [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.schemaFolder + "/" + name))))
            guard case .object(let members) = schema else {
                Issue.record("\(name) is not an object")
                continue
            }
            #expect(members["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        }
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() async throws {
        let sample = try await SampleReports.shared.value
        let board = try validator("board")
        guard case .object(var document) = try JSONValue.parse(sample.files["board.json"] ?? []) else {
            Issue.record("board.json is not an object")
            return
        }
        document["marking"] = .string("OFFICIAL-SENSITIVE")
        document["children_open"] = .object(["value": .number(3)])  // no 'suppressed'
        document["leaked_ids"] = .array([.string("Y-1")])
        document.removeValue(forKey: "suppression")
        let errors = board.validate(.object(document))
        #expect(errors.contains("$.marking: not the required constant"))
        #expect(errors.contains("$.children_open: missing required 'suppressed'"))
        #expect(errors.contains("$.leaked_ids: not allowed here"))
        #expect(errors.contains("$: missing required 'suppression'"))
        #expect(throws: JSONSchemaValidator.UnsupportedKeyword.self) {
            try JSONSchemaValidator(schema: Array(#"{"type": "object", "oneOf": []}"#.utf8))
        }
    }
}
