import ContextModel
import Testing

@testable import ContextIngest

/// One hostile dataset and exactly what contextd must make of it.
///
/// `diagnostics` is every error and warning, in report order, as printed; it is the same under
/// both policies (validation does not depend on the policy). Strict mode rejects the dataset when
/// any of them is an error and otherwise accepts it with `counts`; lenient mode accepts it with
/// `counts` (entities, links, events, actions) and the rows at `setAside` set aside, or rejects it
/// when `counts` is `nil` (an unusable required file, or a limit exceeded).
struct HostileCase: Sendable, CustomTestStringConvertible {
    let name: String
    let files: [HostileFile]
    var limits = IngestLimits()
    let diagnostics: [String]
    let counts: [Int]?
    var setAside: [String] = []

    var testDescription: String { name }
    var hasErrors: Bool { diagnostics.contains { $0.contains(": error: ") } }
}

struct HostileFile: Sendable {
    let name: String
    let bytes: [UInt8]
}

/// What a load gave: accepted with counts, or rejected; and the report either way.
struct HostileOutcome {
    var counts: [Int]?
    var diagnostics: [String]
    var setAside: [String]
    var code: IngestError.Code?
}

extension HostileCase {
    func load(policy: ValidationPolicy) -> HostileOutcome {
        do {
            let dataset = try DatasetLoader(policy: policy, limits: limits).load(
                files: files.map { (name: $0.name, bytes: $0.bytes) })
            let graph = dataset.graph
            return HostileOutcome(
                counts: [graph.entities.count, graph.links.count, graph.events.count, graph.actions.count],
                diagnostics: dataset.report.diagnostics.map(\.description),
                setAside: dataset.report.setAside.map { "\($0.file):\($0.line)" }, code: nil)
        } catch {
            return HostileOutcome(
                counts: nil, diagnostics: (error.report?.diagnostics ?? []).map(\.description),
                setAside: (error.report?.setAside ?? []).map { "\($0.file):\($0.line)" }, code: error.code)
        }
    }
}

/// Builders for the cases: the usual small world, replaced file by file.
enum Hostile {
    static let entities = """
        id,kind,label,risk_level,dob
        C-1,child,Ann,3,2010-01-01
        P-1,peer,Bo,,
        X-1,perpetrator,Cy,4,
        L-1,location,Park,,
        S-1,school,Hill,,

        """
    static let links = """
        source,target,kind
        X-1,C-1,exploits
        C-1,P-1,associate

        """

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    /// A dataset of the usual entities and links with some files replaced.
    static func files(
        entities: [UInt8] = text(entities), links: [UInt8] = text(links), events: [UInt8]? = nil,
        actions: [UInt8]? = nil
    ) -> [HostileFile] {
        var files = [HostileFile(name: "entities.csv", bytes: entities), HostileFile(name: "links.csv", bytes: links)]
        if let events { files.append(HostileFile(name: "events.csv", bytes: events)) }
        if let actions { files.append(HostileFile(name: "actions.csv", bytes: actions)) }
        return files
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
