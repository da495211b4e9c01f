import ContextFiles

/// Why the pseudonymisation key could not be used.
public struct PseudonymKeyError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// `true` when the key (or its folder) could not be created or written, as opposed to a key
    /// file that exists but is refused.
    public let isCreationFailure: Bool

    init(path: String, reason: String, isCreationFailure: Bool = false) {
        self.path = path
        self.reason = reason
        self.isCreationFailure = isCreationFailure
    }

    public var description: String { "pseudonymisation key '\(path)': \(reason)" }
}

/// The pseudonymisation key on disk: 64 hexadecimal digits and a newline, in a file only its
/// owner can read.
///
/// On first use the key is made from 32 bytes of the system's cryptographic random generator, written to a
/// temporary file (`0600`, fsynced) and linked into place with `link(2)`, which fails if another
/// process got there first; in that case the other process's key is read and used. A key file
/// that is a symbolic link, not a regular file, readable by group or others, or not exactly a key
/// is refused: contextd never silently replaces a key, since that would change every pseudonym.
public enum PseudonymKeyFile {
    /// Reads the key at `path`, creating it (and its folder, `0700`) if there is none.
    public static func loadOrCreate(at path: String) throws(PseudonymKeyError) -> Pseudonymiser {
        if let key = try readKey(path) { return Pseudonymiser(key: key) }
        try create(path)
        guard let key = try readKey(path) else {
            throw PseudonymKeyError(path: path, reason: "vanished after creation")
        }
        return Pseudonymiser(key: key)
    }

    /// The key bytes, or `nil` when there is no file.
    static func readKey(_ path: String) throws(PseudonymKeyError) -> [UInt8]? {
        let (folderPath, name) = split(path)
        let contents: FileContents
        do {
            let folder = try Folder.open(folderPath)
            contents = try folder.openFile(name).read(maxBytes: 256)
        } catch {
            switch error.code {
            case .notFound: return nil
            case .notAFolder, .permissions:
                throw PseudonymKeyError(
                    path: path, reason: "cannot be opened (\(error.reason))", isCreationFailure: true)
            case .symbolicLink: throw PseudonymKeyError(path: path, reason: "is a symbolic link; refused")
            case .notARegularFile: throw PseudonymKeyError(path: path, reason: "is not a regular file; refused")
            case .tooLarge: throw PseudonymKeyError(path: path, reason: "does not hold a key (64 hexadecimal digits)")
            default: throw PseudonymKeyError(path: path, reason: "cannot be read (\(error.reason))")
            }
        }
        guard contents.permissions & 0o077 == 0 else {
            throw PseudonymKeyError(
                path: path, reason: "can be read by group or others; make it owner-only (chmod 600) and retry")
        }
        var text = contents.bytes[...]
        while let last = text.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { text.removeLast() }
        guard let key = decodeHex(Array(text)), key.count == Pseudonymiser.keyLength else {
            throw PseudonymKeyError(path: path, reason: "does not hold a key (64 hexadecimal digits)")
        }
        return key
    }

    /// Writes a new random key unless a key file appeared meanwhile (then that one stays: a key
    /// is never replaced). Written `0600`, fsynced, linked into place, the folder fsynced.
    static func create(_ path: String) throws(PseudonymKeyError) {
        let (folderPath, name) = split(path)
        let key = Pseudonymiser.randomKey()
        do {
            let folder = try Folder.create(folderPath, tighten: false).folder
            _ = try folder.writeIfAbsent(name, Array((encodeHex(key) + "\n").utf8))
        } catch {
            throw PseudonymKeyError(path: path, reason: "cannot be created (\(error.reason))", isCreationFailure: true)
        }
    }

    /// The folder and the file name of `path` (`.` for a bare name).
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    static func encodeHex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 15)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func decodeHex(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var result: [UInt8] = []
        var index = 0
        while index < text.count {
            guard let high = value(text[index]), let low = value(text[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }
}
