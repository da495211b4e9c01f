/// A configuration file that cannot be used: the key concerned and what is wrong with it.
///
/// Maps to exit status 78 (sysexits `EX_CONFIG`).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The file the configuration came from.
    public let file: String
    /// Dotted key path (`clusters.minimum_cluster_size`), empty for the document as a whole.
    public let key: String
    public let message: String
    /// Line and column in the file, when known.
    public let line: Int?
    public let column: Int?

    public init(file: String, key: String, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.key = key
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        let subject = key.isEmpty ? "" : "key '\(key)': "
        return "\(place): error: \(subject)\(message)"
    }
}
