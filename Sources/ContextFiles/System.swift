#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls everything else is built on, with `EINTR` retried.
enum System {
    static var errorNumber: Int32 { errno }

    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// A ``FileError`` for the current `errno`: ENOENT becomes `notFound`, ELOOP `symbolicLink`,
    /// ENOTDIR `notAFolder`, EACCES/EPERM `permissions`, anything else `failed`.
    static func failure(_ what: String, _ path: String, code: Int32 = errno) -> FileError {
        let kind: FileError.Code =
            switch code {
            case ENOENT: .notFound
            case ELOOP: .symbolicLink
            case ENOTDIR: .notAFolder
            case EACCES, EPERM: .permissions
            case EWOULDBLOCK: .busy
            default: .failed
            }
        let reason =
            switch code {
            case ELOOP: "is a symbolic link; refused, not followed"
            default: "\(what) (\(text(code)))"
            }
        return FileError(kind, path: path, reason: reason, systemError: code)
    }

    static func openAt(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: UInt32 = 0) -> Int32 {
        while true {
            let fd = openat(folder, name, flags | O_CLOEXEC, mode_t(mode))
            if fd >= 0 || errno != EINTR { return fd }
        }
    }

    static func status(_ fd: Int32) -> stat? {
        var info = stat()
        return fstat(fd, &info) == 0 ? info : nil
    }

    static func status(in folder: Int32, _ name: String) -> stat? {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    static func close(_ fd: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(fd)
        #else
            _ = Darwin.close(fd)
        #endif
    }

    /// Writes every byte, retrying after interruptions and short writes; `false` with `errno` set
    /// on failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let count = write(fd, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    /// Reads up to `count` bytes into `buffer` from `offset` on, until end of file; the number
    /// read, or `nil` with `errno` set.
    static func readAll(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = read(fd, base + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    static func kindText(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a pipe"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a plain file"
        }
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
    static func isLink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }

    /// A short random hexadecimal tag for temporary names (not security-relevant: every temporary
    /// file is created with `O_EXCL`).
    static func tag() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    static var processID: Int32 { getpid() }

    /// Whether `name` is one safe path component: not empty, not `.` or `..`, no `/` or NUL.
    static func isComponent(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// The components of a relative path made of safe components, or `nil`.
    static func components(_ relative: String) -> [String]? {
        guard !relative.hasPrefix("/") else { return nil }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return parts.allSatisfy(isComponent) ? parts : nil
    }
}
