/// Why a run could not write its outputs, or failed inside.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable {
        private enum Internal: Hashable, Sendable {
            case outputNotCreatable, outputBusy, renderFailed, keyUnusable, subjectUnknown
        }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// The output folder or a file in it cannot be created or written (sysexits 73).
        public static let outputNotCreatable = Code(.outputNotCreatable)
        /// Another run holds the output folder's lock (sysexits 73).
        public static let outputBusy = Code(.outputBusy)
        /// A map could not be rendered (internal error, sysexits 70).
        public static let renderFailed = Code(.renderFailed)
        /// The pseudonymisation key file is unsafe, broken or cannot be created (sysexits 78).
        public static let keyUnusable = Code(.keyUnusable)
        /// A map's subject (`--child`, `--context`, `--cluster`) is not in the data or is of the
        /// wrong kind (sysexits 65).
        public static let subjectUnknown = Code(.subjectUnknown)
    }

    public let code: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
