#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open folder: every file and subfolder is reached relative to its descriptor, one name at a
/// time, and no symbolic link is followed at any step.
///
/// The path given to ``open(_:)`` or ``create(_:)`` is resolved once, by the system, and may go
/// through symbolic links (it is the user's own choice of folder). From then on, names are
/// resolved relative to the open descriptor with `O_NOFOLLOW`, so what is read or written stays
/// inside the folder by construction: swapping a subfolder for a link between two calls makes
/// the second one fail, it does not follow the link.
///
/// ```swift
/// let data = try Folder.open("/srv/mace/data")
/// let links = try data.openFile("links.csv").read(maxBytes: 1 << 30)
/// ```
///
/// The descriptor is closed when the last reference goes. A `Folder` is immutable and `Sendable`.
public final class Folder: Sendable {
    /// The folder's path as the caller named it (for messages).
    public let path: String
    let descriptor: Int32

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { System.close(descriptor) }

    /// Opens an existing folder.
    ///
    /// - Throws: ``FileError`` `notFound`, `notAFolder`, `permissions` or `failed`.
    public static func open(_ path: String) throws(FileError) -> Folder {
        let fd = System.openAt(AT_FDCWD, path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            let code = System.errorNumber
            if code == ENOTDIR {
                throw FileError(.notAFolder, path: path, reason: "is not a folder", systemError: code)
            }
            throw System.failure(code == ENOENT ? "does not exist" : "cannot be opened", path, code: code)
        }
        return Folder(descriptor: fd, path: path)
    }

    /// Opens a folder, creating it and any missing parents with mode `0700`, and makes sure only
    /// its owner can enter it.
    ///
    /// Existing parents are left as they are. With `tighten` (the default), if the folder itself
    /// exists with group or other permission bits, it is tightened to `0700` and
    /// ``Created/notice`` says so (for the caller to log); if it cannot be tightened (another
    /// user's folder) it is refused. Without it, an existing folder's modes are left alone.
    ///
    /// - Throws: ``FileError`` `notAFolder`, `permissions` (loose modes that cannot be fixed),
    ///   `symbolicLink` (a folder being created was replaced by a link) or `failed`.
    public static func create(_ path: String, tighten: Bool = true) throws(FileError) -> Created {
        let folder = try openOrMake(path)
        guard tighten else { return Created(folder: folder, notice: nil) }
        guard let info = System.status(folder.descriptor) else {
            throw System.failure("cannot be examined", path)
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 else { return Created(folder: folder, notice: nil) }
        let octal = String(mode, radix: 8)
        guard info.st_uid == geteuid(), fchmod(folder.descriptor, 0o700) == 0 else {
            throw FileError(
                .permissions, path: path,
                reason: "has mode 0\(octal) (readable by others) and cannot be made owner-only by this user; "
                    + "run chmod 700 on it, or choose another folder", systemError: System.errorNumber)
        }
        return Created(folder: folder, notice: "folder '\(path)' had mode 0\(octal); tightened to 0700")
    }

    /// A folder opened by ``Folder/create(_:)``, with a notice when its modes were tightened.
    public struct Created: Sendable {
        public let folder: Folder
        /// Set when the folder's modes were tightened; worth a log line.
        public let notice: String?
    }

    private static func openOrMake(_ path: String) throws(FileError) -> Folder {
        let fd = System.openAt(AT_FDCWD, path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { return Folder(descriptor: fd, path: path) }
        let code = System.errorNumber
        guard code == ENOENT else {
            if code == ENOTDIR {
                throw FileError(.notAFolder, path: path, reason: "exists and is not a folder", systemError: code)
            }
            throw System.failure("cannot be opened", path, code: code)
        }
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let parent: Folder
        let name: String
        if let slash = trimmed.lastIndex(of: "/") {
            let parentPath = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
            parent = try openOrMake(parentPath)
            name = String(trimmed[trimmed.index(after: slash)...])
        } else {
            parent = try open(".")
            name = trimmed
        }
        return try parent.folder(name, create: true)
    }

    /// Opens a subfolder, walking `relative` one name at a time without following links;
    /// with `create`, missing folders are made `0700`.
    ///
    /// - Throws: ``FileError`` `symbolicLink` when a link is in the way (it is not followed),
    ///   `notAFolder`, `notFound` (without `create`), `unsafeName` or `failed`.
    /// - Complexity: one `openat` (and with `create`, at most one `mkdirat`) per name.
    public func folder(_ relative: String, create: Bool = false) throws(FileError) -> Folder {
        guard let names = System.components(relative) else { throw unsafe(relative) }
        var current = self
        var walked = path
        for name in names {
            walked += "/" + name
            var fd = System.openAt(current.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
            if fd < 0 && System.errorNumber == ENOENT && create {
                if mkdirat(current.descriptor, name, 0o700) != 0 && System.errorNumber != EEXIST {
                    throw System.failure("cannot be created", walked)
                }
                fd = System.openAt(current.descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
            }
            guard fd >= 0 else { throw refusal(current, name, walked) }
            current = Folder(descriptor: fd, path: walked)
        }
        return current
    }

    /// Turns a failed `openat` of `name` in `folder` into a clear error (a link is named as such).
    func refusal(_ folder: Folder, _ name: String, _ walked: String) -> FileError {
        let code = System.errorNumber
        if let info = System.status(in: folder.descriptor, name) {
            if System.isLink(info) {
                return FileError(
                    .symbolicLink, path: walked, reason: "is a symbolic link; refused, not followed", systemError: code)
            }
            if !System.isDirectory(info) {
                return FileError(
                    .notAFolder, path: walked, reason: "is \(System.kindText(info.st_mode)), not a folder",
                    systemError: code)
            }
        }
        return System.failure(code == ENOENT ? "does not exist" : "cannot be opened", walked, code: code)
    }

    func unsafe(_ name: String) -> FileError {
        FileError(.unsafeName, path: path + "/" + name, reason: "is not a safe relative name; refused")
    }

    /// What kind of thing an entry is (links are reported as links, never followed).
    public enum Kind: Sendable, Hashable {
        case file, folder, symbolicLink, other
    }

    /// One entry of a folder, as `lstat` sees it.
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let kind: Kind
        public let fingerprint: FileFingerprint
        /// The permission bits (`0o777` part of the mode).
        public let permissions: UInt32
    }

    /// The entry `name` (not following a link), or `nil` when there is none.
    public func entry(_ name: String) -> Entry? {
        guard System.isComponent(name), let info = System.status(in: descriptor, name) else { return nil }
        return Self.entry(name, info)
    }

    static func entry(_ name: String, _ info: stat) -> Entry {
        let kind: Kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .file
            case S_IFDIR: .folder
            case S_IFLNK: .symbolicLink
            default: .other
            }
        return Entry(
            name: name, kind: kind, fingerprint: FileFingerprint(info), permissions: UInt32(info.st_mode & 0o777))
    }

    /// The folder's entries (without `.` and `..`) in name order.
    ///
    /// - Throws: ``FileError`` `failed` when the folder cannot be listed.
    /// - Complexity: O(*n* log *n*) for *n* entries, one `fstatat` each.
    public func entries() throws(FileError) -> [Entry] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { System.close(copy) }
            throw System.failure("cannot be listed", path)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var result: [Entry] = []
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != "." && name != "..", let info = System.status(in: descriptor, name) else { continue }
            result.append(Self.entry(name, info))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Flushes the folder's entries (creations, renames, removals) to storage.
    public func sync() {
        _ = fsync(descriptor)
    }
}

/// What identifies a file's content without reading it: size, modification time (to the
/// nanosecond), inode and device. Equal fingerprints taken before and after a read mean the
/// file was not replaced or written meanwhile (as far as the file system's clock can tell).
public struct FileFingerprint: Sendable, Hashable, Codable {
    public let size: Int64
    public let modifiedSeconds: Int64
    public let modifiedNanoseconds: Int64
    public let inode: UInt64
    public let device: UInt64

    public init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        self.init(
            size: Int64(info.st_size), modifiedSeconds: Int64(time.tv_sec), modifiedNanoseconds: Int64(time.tv_nsec),
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }
}
