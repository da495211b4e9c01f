/// Why a dataset could not be loaded.
///
/// A struct with a public ``Code`` (service-lifecycle's `ServiceGroupError` pattern): callers
/// switch on the code (to choose an exit status, say) and print ``description``, which names the
/// file and never holds personal data.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Internal: Hashable, Sendable {
            case inputMissing, inputRefused, inputUnreadable, dataRejected, limitExceeded
        }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// The dataset folder or a required file does not exist (sysexits 66).
        public static let inputMissing = Code(.inputMissing)
        /// A file is not a regular file inside the folder: a symbolic link leading outside it, a
        /// pipe, a device or a folder (sysexits 66). It was not read.
        public static let inputRefused = Code(.inputRefused)
        /// A file exists but cannot be read (sysexits 66).
        public static let inputUnreadable = Code(.inputUnreadable)
        /// Validation found errors; ``IngestError/report`` lists every one (sysexits 65).
        public static let dataRejected = Code(.dataRejected)
        /// A file, its rows, a field or its columns go beyond ``IngestLimits`` (sysexits 65,
        /// whatever the policy); ``IngestError/report`` has the error, when it is in a file.
        public static let limitExceeded = Code(.limitExceeded)

        public var description: String {
            switch value {
            case .inputMissing: "input missing"
            case .inputRefused: "input refused"
            case .inputUnreadable: "input unreadable"
            case .dataRejected: "data rejected"
            case .limitExceeded: "limit exceeded"
            }
        }
    }

    public let code: Code
    /// A sentence naming the file or folder and what is wrong.
    public let message: String
    /// For ``Code/dataRejected``: every error and warning found.
    public let report: ValidationReport?

    init(_ code: Code, _ message: String, report: ValidationReport? = nil) {
        self.code = code
        self.message = message
        self.report = report
    }

    public var description: String { message }
}
