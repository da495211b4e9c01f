import ContextAnalysis
public import ContextIngest
public import ContextModel
import ContextReports

/// `manifest.json`: what a run read, how, what it found wrong, what it wrote and how long each
/// stage took. Written last, so its presence means the run's outputs are complete.
public struct Manifest: Codable, Sendable {
    public struct Tool: Codable, Sendable {
        public let name: String
        public let version: String
    }

    public struct Counts: Codable, Sendable {
        public let entities: Int
        public let entitiesByKind: [String: Int]
        public let links: Int
        public let linksGradedE: Int
        public let events: Int
        public let actions: Int
    }

    public struct Output: Codable, Sendable {
        public let path: String
        public let bytes: Int
        public let sha256: String
    }

    public let schemaVersion: Int
    public let tool: Tool
    public let marking: String
    public let startedAt: String
    public let asOf: String
    /// The configuration file's path (`nil`: built-in defaults).
    public let configurationFile: String?
    /// Every setting the run used, defaults and command-line overrides included, in the YAML
    /// file's own shape (`contextd config` prints the same keys).
    public let configuration: ConfigValue
    public let inputs: [InputFileSummary]
    public let counts: Counts
    public let warningCount: Int
    /// Every warning, as `FILE:LINE:COLUMN: warning: MESSAGE`.
    public let warnings: [String]
    /// Rows set aside in lenient mode, each with its file, line and reason.
    public let rowsSetAside: [SetAsideRow]
    /// Every other output of the run with its size and SHA-256 (the manifest is not listed).
    public let outputs: [Output]
    public let stages: [StageTimings.Stage]
}
