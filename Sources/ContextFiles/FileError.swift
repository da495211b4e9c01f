/// Why a file operation failed, with the path it was about.
///
/// The ``description`` names the path and says what is wrong in words
/// (`'data/links.csv': is a symbolic link; refused, not followed`); ``systemError`` keeps the
/// `errno` value, when there was one, for callers that tell "missing" from "not allowed".
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Internal: String, Hashable, Sendable {
            case notFound = "not found"
            case notAFolder = "not a folder"
            case notARegularFile = "not a regular file"
            case symbolicLink = "symbolic link"
            case linkOutside = "link outside"
            case tooLarge = "too large"
            case changedDuringRead = "changed during read"
            case permissions = "permissions"
            case busy = "busy"
            case unsafeName = "unsafe name"
            case failed = "failed"
        }
        fileprivate let value: Internal
        fileprivate init(_ value: Internal) { self.value = value }

        /// The file or folder does not exist.
        public static let notFound = Code(.notFound)
        /// A folder was expected and something else is there.
        public static let notAFolder = Code(.notAFolder)
        /// A regular file was expected: a pipe, a device, a socket or a folder is there.
        public static let notARegularFile = Code(.notARegularFile)
        /// A symbolic link is in the way; it was not followed.
        public static let symbolicLink = Code(.symbolicLink)
        /// A symbolic link leads outside the folder it was read in; it was not followed.
        public static let linkOutside = Code(.linkOutside)
        /// The file is larger than the limit given; nothing was read.
        public static let tooLarge = Code(.tooLarge)
        /// The file changed (size, time, inode or device) or shrank while it was being read.
        public static let changedDuringRead = Code(.changedDuringRead)
        /// Modes are looser than required and could not be tightened, or access was denied.
        public static let permissions = Code(.permissions)
        /// A lock is held by another process.
        public static let busy = Code(.busy)
        /// A name is empty, absolute, or has a `.`, `..` or empty component.
        public static let unsafeName = Code(.unsafeName)
        /// Any other system error (see ``FileError/systemError``).
        public static let failed = Code(.failed)

        public var description: String { value.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// The path the failure is about, as the caller named it.
    public let path: String
    /// What is wrong, in words, without the path.
    public let reason: String
    /// The `errno` value behind the failure; 0 when there is none.
    public let systemError: Int32

    public init(_ code: Code, path: String, reason: String, systemError: Int32 = 0) {
        self.code = code
        self.path = path
        self.reason = reason
        self.systemError = systemError
    }

    /// `'PATH': REASON`.
    public var description: String { "'\(path)': \(reason)" }
}
