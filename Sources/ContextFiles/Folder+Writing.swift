#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Folder {
    /// Starts writing the file `name` durably: bytes go to a new temporary file in this folder
    /// (`O_EXCL | O_NOFOLLOW`, mode `0600`) until ``NewFile/commit()`` renames it into place.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    public func newFile(_ name: String) throws(FileError) -> NewFile {
        guard System.isComponent(name) else { throw unsafe(name) }
        let temporary = ".\(name).tmp-\(System.processID)-\(System.tag())"
        let fd = System.openAt(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw System.failure("cannot be created", path + "/" + temporary) }
        // The umask can only narrow 0600; make it exact all the same.
        _ = fchmod(fd, 0o600)
        return NewFile(folder: self, name: name, temporary: temporary, descriptor: fd)
    }

    /// Replaces (or creates) the file `name` with `bytes`, durably and atomically: a reader sees
    /// the old file or the whole new one, and once this returns the new one survives a crash.
    ///
    /// Temporary file in the same folder, every byte written, `fsync`, `rename` into place,
    /// `fsync` of the folder.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed` (the temporary file is removed).
    /// - Complexity: O(`bytes.count`) plus two `fsync` calls.
    public func write(_ name: String, _ bytes: [UInt8]) throws(FileError) {
        let file = try newFile(name)
        try file.write(bytes)
        try file.commit()
    }

    /// Creates the file `name` with `bytes` unless it exists (then it is left alone and the
    /// result is `false`): written and `fsync`ed under a temporary name, then hard-linked into
    /// place, which never replaces. Two processes racing get one winner; the loser reads the
    /// winner's file.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    public func writeIfAbsent(_ name: String, _ bytes: [UInt8]) throws(FileError) -> Bool {
        let file = try newFile(name)
        try file.write(bytes)
        return try file.commitIfAbsent()
    }

    /// Creates the new file `name` with `bytes` directly (`O_EXCL`, `0600`) and `fsync`s it; for
    /// folders nobody reads yet (a generation being built). An existing file is an error.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    public func create(_ name: String, _ bytes: [UInt8]) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        let shown = path + "/" + name
        let fd = System.openAt(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw System.failure("cannot be created", shown) }
        defer { System.close(fd) }
        _ = fchmod(fd, 0o600)
        guard bytes.withUnsafeBytes({ System.writeAll(fd, $0) }) else {
            throw System.failure("cannot be written", shown)
        }
        guard fsync(fd) == 0 else { throw System.failure("cannot be flushed to storage", shown) }
    }

    /// Renames `name` to `newName` within this folder (atomic; replaces a file at `newName`).
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    public func rename(_ name: String, to newName: String) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        guard System.isComponent(newName) else { throw unsafe(newName) }
        guard renameat(descriptor, name, descriptor, newName) == 0 else {
            throw System.failure("cannot be renamed to '\(newName)'", path + "/" + name)
        }
    }

    /// Moves `name` from this folder to `newName` in `destination` (same file system; atomic;
    /// replaces a file, or an empty folder, at `newName`).
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    public func move(_ name: String, to newName: String, in destination: Folder) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        guard System.isComponent(newName) else { throw destination.unsafe(newName) }
        guard renameat(descriptor, name, destination.descriptor, newName) == 0 else {
            throw System.failure("cannot be moved to '\(destination.path)/\(newName)'", path + "/" + name)
        }
    }

    /// Makes `name` in this folder a hard link to `sourceName` in `source` (same file system).
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed` (`EEXIST` when `name` exists).
    public func link(_ name: String, to sourceName: String, in source: Folder) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        guard System.isComponent(sourceName) else { throw source.unsafe(sourceName) }
        guard linkat(source.descriptor, sourceName, descriptor, name, 0) == 0 else {
            throw System.failure("cannot be linked", path + "/" + name)
        }
    }

    /// Points the symbolic link `name` at `target`, atomically: a new link under a temporary name,
    /// renamed over the old one, then the folder `fsync`ed. Whatever kills the process, `name` is
    /// the old link or the new one. This is the single commit point of a generation switch.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`; a folder in `name`'s place is not replaced.
    public func switchLink(_ name: String, to target: String) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        let temporary = ".\(name).link-\(System.processID)-\(System.tag())"
        guard symlinkat(target, descriptor, temporary) == 0 else {
            throw System.failure("cannot create a link", path + "/" + temporary)
        }
        guard renameat(descriptor, temporary, descriptor, name) == 0 else {
            let error = System.failure("cannot be switched", path + "/" + name)
            _ = unlinkat(descriptor, temporary, 0)
            throw error
        }
        sync()
    }

    /// Removes the file or link `name`; a missing one is not an error.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    public func remove(_ name: String) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        guard unlinkat(descriptor, name, 0) == 0 || System.errorNumber == ENOENT else {
            throw System.failure("cannot be removed", path + "/" + name)
        }
    }

    /// Removes `name` and, if it is a folder, everything in it; links are removed, never followed.
    /// A missing `name` is not an error.
    ///
    /// - Throws: ``FileError`` `unsafeName` or `failed`.
    /// - Complexity: O(entries in the tree).
    public func removeTree(_ name: String) throws(FileError) {
        guard System.isComponent(name) else { throw unsafe(name) }
        guard let info = System.status(in: descriptor, name) else { return }
        if System.isDirectory(info) {
            let inner = try folder(name)
            for entry in try inner.entries() { try inner.removeTree(entry.name) }
            guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 || System.errorNumber == ENOENT else {
                throw System.failure("cannot be removed", path + "/" + name)
            }
        } else {
            try remove(name)
        }
    }

    /// Takes an exclusive lock on the file `name` (created `0600` if missing), without waiting.
    ///
    /// - Throws: ``FileError`` `busy` when another process holds it, else `failed`.
    public func lock(_ name: String) throws(FileError) -> FileLock {
        guard System.isComponent(name) else { throw unsafe(name) }
        let shown = path + "/" + name
        let fd = System.openAt(descriptor, name, O_RDWR | O_CREAT | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw System.failure("cannot be created", shown) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = System.errorNumber
            System.close(fd)
            if code == EWOULDBLOCK {
                throw FileError(.busy, path: shown, reason: "is locked by another process", systemError: code)
            }
            throw System.failure("cannot be locked", shown, code: code)
        }
        return FileLock(descriptor: fd)
    }
}

/// An exclusive `flock` held until the value goes (or the process ends, however it ends).
public final class FileLock: Sendable {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { System.close(descriptor) }
}

/// A file being written under a temporary name in its folder (see ``Folder/newFile(_:)``).
///
/// Nothing is visible under the final name until ``commit()``. If the value goes without a
/// commit (an error, an early return), the temporary file is removed. Not `Sendable`: one writer.
public final class NewFile {
    /// The folder the file goes into.
    public let folder: Folder
    /// The final name.
    public let name: String
    private let temporary: String
    private var descriptor: Int32
    private var done = false

    init(folder: Folder, name: String, temporary: String, descriptor: Int32) {
        self.folder = folder
        self.name = name
        self.temporary = temporary
        self.descriptor = descriptor
    }

    deinit { abandon() }

    private var shown: String { folder.path + "/" + name }

    /// Appends bytes, retrying after interruptions and short writes.
    ///
    /// - Throws: ``FileError`` `failed` (e.g. no space left).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        guard descriptor >= 0 else { throw FileError(.failed, path: shown, reason: "is already closed") }
        guard System.writeAll(descriptor, bytes) else { throw System.failure("cannot be written", shown) }
    }

    /// Appends bytes.
    ///
    /// - Throws: ``FileError`` `failed`.
    public func write(_ bytes: [UInt8]) throws(FileError) {
        guard descriptor >= 0 else { throw FileError(.failed, path: shown, reason: "is already closed") }
        guard bytes.withUnsafeBytes({ System.writeAll(descriptor, $0) }) else {
            throw System.failure("cannot be written", shown)
        }
    }

    private func flushAndClose() throws(FileError) {
        guard descriptor >= 0 else { throw FileError(.failed, path: shown, reason: "is already closed") }
        let synced = fsync(descriptor) == 0
        let code = System.errorNumber
        let closed = close(descriptor) == 0
        descriptor = -1
        guard synced else { throw System.failure("cannot be flushed to storage", shown, code: code) }
        guard closed else { throw System.failure("cannot be closed", shown) }
    }

    /// `fsync`s the file, renames it over `name`, and `fsync`s the folder.
    ///
    /// - Throws: ``FileError`` `failed`; the temporary file is then removed.
    public func commit() throws(FileError) {
        try flushAndClose()
        guard renameat(folder.descriptor, temporary, folder.descriptor, name) == 0 else {
            throw System.failure("cannot be moved into place", shown)
        }
        done = true
        folder.sync()
    }

    /// `fsync`s the file and links it in as `name` unless something is there already; `true`
    /// when this file was put in place.
    ///
    /// - Throws: ``FileError`` `failed`; the temporary file is removed in every case.
    public func commitIfAbsent() throws(FileError) -> Bool {
        try flushAndClose()
        defer { abandon() }
        if linkat(folder.descriptor, temporary, folder.descriptor, name, 0) != 0 {
            guard System.errorNumber == EEXIST else { throw System.failure("cannot be created", shown) }
            return false
        }
        folder.sync()
        return true
    }

    /// Closes (if open) and removes the temporary file; errors are ignored (a failure path).
    public func abandon() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
        if !done { _ = unlinkat(folder.descriptor, temporary, 0) }
        done = true
    }
}

/// Standard error, written whole (retrying short writes); for the command line's diagnostics
/// and the service's log lines.
public enum StandardError {
    /// Writes `text` to file descriptor 2; a failure (closed stream) is ignored.
    public static func write(_ text: String) {
        write(Array(text.utf8))
    }

    /// Writes `bytes` to file descriptor 2; a failure (closed stream) is ignored.
    public static func write(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { System.writeAll(2, $0) }
    }
}
