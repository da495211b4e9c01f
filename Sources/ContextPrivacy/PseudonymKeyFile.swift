#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ENOTDIR || errno == EACCES {
                throw PseudonymKeyError(
                    path: path, reason: "cannot be opened (errno \(errno))", isCreationFailure: true)
            }
            if errno == ELOOP { throw PseudonymKeyError(path: path, reason: "is a symbolic link; refused") }
            throw PseudonymKeyError(path: path, reason: "cannot be opened (errno \(errno))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw PseudonymKeyError(path: path, reason: "is not a regular file; refused")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw PseudonymKeyError(
                path: path, reason: "can be read by group or others; make it owner-only (chmod 600) and retry")
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw PseudonymKeyError(path: path, reason: "cannot be read (errno \(errno))") }
        var text = buffer.prefix(count)
        while let last = text.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { text.removeLast() }
        guard let key = decodeHex(Array(text)), key.count == Pseudonymiser.keyLength else {
            throw PseudonymKeyError(path: path, reason: "does not hold a key (64 hexadecimal digits)")
        }
        return key
    }

    static func create(_ path: String) throws(PseudonymKeyError) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty { try makeFolders(folder, for: path) }
        let key = Pseudonymiser.randomKey()
        let text = Array((encodeHex(key) + "\n").utf8)
        let temporary = path + ".tmp-\(getpid())-\(encodeHex(Array(Pseudonymiser.randomKey().prefix(6))))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PseudonymKeyError(path: path, reason: "cannot be created (errno \(errno))", isCreationFailure: true)
        }
        defer { unlink(temporary) }
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == text.count, synced else {
            throw PseudonymKeyError(path: path, reason: "cannot be written (errno \(errno))", isCreationFailure: true)
        }
        // link(2) never replaces: if another process created the key meanwhile, use theirs.
        if link(temporary, path) != 0, errno != EEXIST {
            throw PseudonymKeyError(path: path, reason: "cannot be created (errno \(errno))", isCreationFailure: true)
        }
        if !folder.isEmpty {
            let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folderFD >= 0 {
                fsync(folderFD)
                close(folderFD)
            }
        }
    }

    private static func makeFolders(_ folder: String, for path: String) throws(PseudonymKeyError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw PseudonymKeyError(
                    path: path, reason: "its folder cannot be created (errno \(errno))", isCreationFailure: true)
            }
        }
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
