import ContextFiles

/// Why a sample dataset could not be made.
///
/// A struct with a public ``Code`` (service-lifecycle's `ServiceGroupError` pattern): callers
/// switch on the code to choose an exit status and print ``description``, which names the path
/// and the system's reason.
public struct SampleError: Error, CustomStringConvertible, Sendable, Hashable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Internal: Hashable, Sendable {
            case tooFewEntities, outputNotWritable
        }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// Fewer entities were asked for than ``SampleWorld/minimumEntities``.
        public static let tooFewEntities = Code(.tooFewEntities)
        /// The output folder or one of its files could not be created or written.
        public static let outputNotWritable = Code(.outputNotWritable)

        public var description: String {
            switch value {
            case .tooFewEntities: "too few entities"
            case .outputNotWritable: "output not writable"
            }
        }
    }

    public let code: Code
    /// The folder or file concerned, for I/O failures.
    public let path: String?
    /// A sentence saying what went wrong (and where).
    public let description: String

    static func tooFewEntities(_ count: Int) -> SampleError {
        SampleError(
            code: .tooFewEntities, path: nil,
            description: "a sample needs at least \(SampleWorld.minimumEntities) entities, not \(count)")
    }

    static func notWritable(_ error: FileError, _ action: String) -> SampleError {
        SampleError(code: .outputNotWritable, path: error.path, description: "cannot \(action) \(error)")
    }
}
