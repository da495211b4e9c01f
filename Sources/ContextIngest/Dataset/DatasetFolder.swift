#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a dataset folder, opened safely.
///
/// Every file must be a regular file inside the folder. A symbolic link is followed only when it
/// leads to a regular file inside the folder; a link leading outside, a pipe, a device or a folder
/// in a file's place is refused without being read (the check is made on the opened descriptor,
/// so the file cannot be swapped between the check and the read).
struct DatasetFolder {
    /// The folder as the user named it (used in messages).
    let path: String
    /// Its canonical path.
    let realPath: String

    static let requiredFiles = ["entities.csv", "links.csv"]
    static let optionalFiles = ["events.csv", "actions.csv"]

    init(path: String) throws(IngestError) {
        self.path = path
        guard let real = Self.canonical(path) else {
            let reason = errno == ENOENT ? "does not exist" : "cannot be opened (\(Self.errorText(errno)))"
            throw IngestError(.inputMissing, "dataset folder '\(path)' \(reason)")
        }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw IngestError(.inputMissing, "dataset path '\(path)' is not a folder")
        }
        self.realPath = real
    }

    /// Reads a file of the folder; `nil` when an optional file is absent. A file larger than
    /// `maxBytes` is refused before a byte is read.
    func read(_ name: String, required: Bool, maxBytes: Int = .max) throws(IngestError) -> [UInt8]? {
        let filePath = realPath + "/" + name
        var linkInfo = stat()
        if lstat(filePath, &linkInfo) != 0 {
            if errno == ENOENT {
                if !required { return nil }
                throw IngestError(.inputMissing, "required file '\(name)' is missing from dataset folder '\(path)'")
            }
            throw IngestError(.inputUnreadable, "\(name): cannot be read (\(Self.errorText(errno)))")
        }
        var target = filePath
        if (linkInfo.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = Self.canonical(filePath), resolved.hasPrefix(realPath + "/") else {
                throw IngestError(
                    .inputRefused, "\(name): is a symbolic link leading outside the dataset folder; refused, not read")
            }
            target = resolved
        } else if (linkInfo.st_mode & S_IFMT) != S_IFREG {
            throw IngestError(
                .inputRefused, "\(name): is not a regular file (\(Self.kindText(linkInfo.st_mode))); refused, not read")
        }
        let fd = open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw IngestError(.inputUnreadable, "\(name): cannot be opened (\(Self.errorText(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw IngestError(.inputUnreadable, "\(name): cannot be examined (\(Self.errorText(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw IngestError(
                .inputRefused, "\(name): is not a regular file (\(Self.kindText(info.st_mode))); refused, not read")
        }
        guard Int(info.st_size) <= maxBytes else {
            throw Self.tooLarge(name, bytes: Int(info.st_size), limit: maxBytes)
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw IngestError(.inputUnreadable, "\(name): read failed (\(Self.errorText(errno)))")
            }
            if got == 0 { break }  // The file shrank while being read: use what is there.
            filled += got
        }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return bytes
    }

    static func tooLarge(_ name: String, bytes: Int, limit: Int) -> IngestError {
        IngestError(
            .limitExceeded, "\(name): \(bytes) bytes; limits.file_bytes allows \(limit); refused, not read")
    }

    private static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func kindText(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a pipe"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a plain file"
        }
    }
}
