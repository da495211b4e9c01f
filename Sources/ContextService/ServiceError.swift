/// Why the service could not do something it was asked to.
public struct ServiceError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Internal: Hashable, Sendable { case outputNotCreatable, unknownDataset, statusUnavailable }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// A run folder, the `latest` link or a state file cannot be written (sysexits 73).
        public static let outputNotCreatable = Code(.outputNotCreatable)
        /// A request named a dataset the configuration does not have.
        public static let unknownDataset = Code(.unknownDataset)
        /// The status API could not listen (sysexits 70).
        public static let statusUnavailable = Code(.statusUnavailable)

        public var description: String {
            switch value {
            case .outputNotCreatable: "output not creatable"
            case .unknownDataset: "unknown dataset"
            case .statusUnavailable: "status API unavailable"
            }
        }
    }

    public let code: Code
    public let message: String
    public let file: String
    public let line: Int

    init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { message }
}
