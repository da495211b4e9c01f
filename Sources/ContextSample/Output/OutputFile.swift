#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One output file being written under a temporary name beside its final name, then renamed into
/// place, so that a reader sees either the previous file or the complete new one.
///
/// Created with mode 0600 (`O_EXCL | O_NOFOLLOW`): a sample is fictional, but it has the shape of
/// personal data, and a tool that writes such shapes should not leave them readable by all.
struct OutputFile {
    let finalPath: String
    let temporaryPath: String
    private var descriptor: Int32

    /// Creates `directory/.name.partial-PID`, ready to be written.
    init(directory: String, name: String) throws(SampleError) {
        finalPath = directory + "/" + name
        temporaryPath = directory + "/." + name + ".partial-\(getpid())"
        // A leftover of an earlier, interrupted run of a process with the same id.
        _ = unlink(temporaryPath)
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW
        let opened = open(temporaryPath, flags, mode_t(0o600))
        guard opened >= 0 else { throw .notWritable(temporaryPath, "create", errno: errno) }
        descriptor = opened
        // The umask could only narrow 0600; make it exact all the same.
        guard fchmod(descriptor, mode_t(0o600)) == 0 else {
            let code = errno
            abandon()
            throw .notWritable(temporaryPath, "set the mode of", errno: code)
        }
    }

    /// Writes every byte, retrying after interruptions and short writes.
    func append(_ bytes: UnsafeRawBufferPointer) throws(SampleError) {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .notWritable(finalPath, "write", errno: errno)
            }
            offset += written
        }
    }

    /// Flushes the file to storage and closes it; it stays under its temporary name.
    mutating func finish() throws(SampleError) {
        guard descriptor >= 0 else { return }
        let synced = fsync(descriptor) == 0 || errno == EINVAL
        let syncError = errno
        let closed = close(descriptor) == 0
        let closeError = errno
        descriptor = -1
        guard synced else { throw .notWritable(finalPath, "flush", errno: syncError) }
        guard closed else { throw .notWritable(finalPath, "close", errno: closeError) }
    }

    /// Renames the finished file to its final name, replacing any earlier file.
    func commit() throws(SampleError) {
        guard rename(temporaryPath, finalPath) == 0 else { throw .notWritable(finalPath, "rename into", errno: errno) }
    }

    /// Closes (if open) and removes the temporary file; for failure paths, so errors are ignored.
    mutating func abandon() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
        _ = unlink(temporaryPath)
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Folder operations for the output: create it 0700 if missing, flush its entries after renames.
enum OutputFolder {
    /// Makes sure `path` is a folder, creating it (and missing parents) with mode 0700.
    static func prepare(_ path: String) throws(SampleError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw SampleError.notWritable(path, "write into", errno: ENOTDIR)
            }
            return
        }
        guard errno == ENOENT else { throw .notWritable(path, "inspect", errno: errno) }
        var parent = path
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        if let slash = parent.lastIndex(of: "/") {
            let prefix = String(parent[..<slash])
            if !prefix.isEmpty { try prepare(prefix) }
        }
        guard mkdir(path, mode_t(0o700)) == 0 || errno == EEXIST else {
            throw .notWritable(path, "create the folder", errno: errno)
        }
    }

    /// Flushes the folder's entries (the renames) to storage, where the system supports it.
    static func sync(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}

/// The system's text for an `errno` value.
enum SystemErrorText {
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text) + " (errno \(code))"
    }
}
