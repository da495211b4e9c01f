#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Folder {
    /// Opens a regular file of the folder for reading.
    ///
    /// `relative` may name a file in a subfolder (`v2/links.csv`); each folder on the way is
    /// opened with `O_NOFOLLOW`, and so is the file (with `O_NONBLOCK`, so a pipe put in a file's
    /// place is refused rather than waited on). The opened descriptor must be a regular file.
    ///
    /// Symbolic links: with `followingLinksInside` (the dataset folder's rule), a link in the
    /// file's own place whose target is a relative path that stays inside this folder is
    /// resolved here, lexically, and the target is walked again from this folder's descriptor
    /// without following any further link; an absolute target, one that climbs out with `..`, a
    /// link to a link, or a link in a subfolder's place is refused. Without it, every link is
    /// refused. Either way the system never follows a link for us, so a link swapped in during
    /// the walk cannot lead outside.
    ///
    /// - Throws: ``FileError`` `notFound`, `symbolicLink`, `linkOutside`, `notAFolder` (for a
    ///   subfolder on the way), `notARegularFile`, `unsafeName`, or `failed`.
    public func openFile(_ relative: String, followingLinksInside: Bool = false) throws(FileError) -> ReadableFile {
        guard var names = System.components(relative), let last = names.popLast() else { throw unsafe(relative) }
        let parent = names.isEmpty ? self : try folder(names.joined(separator: "/"))
        let shown = path + "/" + relative
        let fd = System.openAt(parent.descriptor, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            let code = System.errorNumber
            guard let info = System.status(in: parent.descriptor, last), System.isLink(info) else {
                throw System.failure(code == ENOENT ? "does not exist" : "cannot be opened", shown, code: code)
            }
            guard followingLinksInside, let target = parent.linkTarget(last),
                let resolved = Self.resolve(target, from: names)
            else {
                let reason =
                    followingLinksInside
                    ? "is a symbolic link leading outside the folder; refused, not read"
                    : "is a symbolic link; refused, not followed"
                throw FileError(followingLinksInside ? .linkOutside : .symbolicLink, path: shown, reason: reason)
            }
            return try openFile(resolved, followingLinksInside: false)
        }
        guard let info = System.status(fd) else {
            let code = System.errorNumber
            System.close(fd)
            throw System.failure("cannot be examined", shown, code: code)
        }
        guard System.isRegular(info) else {
            System.close(fd)
            throw FileError(
                .notARegularFile, path: shown,
                reason: "is not a regular file (\(System.kindText(info.st_mode))); refused, not read")
        }
        return ReadableFile(descriptor: fd, path: shown, info: info)
    }

    /// The target of the symbolic link `name`, or `nil` when `name` is not a link.
    public func linkTarget(_ name: String) -> String? {
        guard System.isComponent(name) else { return nil }
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlinkat(descriptor, name, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A link target relative to the link's folder (`base`, as components from this folder),
    /// normalised; `nil` when it is absolute or climbs above this folder.
    static func resolve(_ target: String, from base: [String]) -> String? {
        guard !target.hasPrefix("/"), !target.contains("\0") else { return nil }
        var parts = base
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// Reads a whole file if it is there: ``openFile(_:followingLinksInside:)`` then
    /// ``ReadableFile/read(maxBytes:)``; `nil` when the file does not exist.
    ///
    /// - Throws: as those two.
    public func readIfPresent(_ relative: String, maxBytes: Int = .max) throws(FileError) -> FileContents? {
        do {
            return try openFile(relative).read(maxBytes: maxBytes)
        } catch  where error.code == .notFound {
            return nil
        }
    }
}

/// A regular file opened by ``Folder/openFile(_:followingLinksInside:)``, not yet read.
///
/// Its ``fingerprint`` is taken from the open descriptor, so it describes the very file that
/// will be read. The descriptor is closed when the value goes.
public final class ReadableFile: Sendable {
    /// The file's path (for messages).
    public let path: String
    /// Size, time, inode and device when it was opened.
    public let fingerprint: FileFingerprint
    /// The permission bits (`0o777` part of the mode).
    public let permissions: UInt32
    private let descriptor: Int32

    init(descriptor: Int32, path: String, info: stat) {
        self.descriptor = descriptor
        self.path = path
        self.fingerprint = FileFingerprint(info)
        self.permissions = UInt32(info.st_mode & 0o777)
    }

    deinit { System.close(descriptor) }

    /// Reads the whole file and checks that it did not change while being read.
    ///
    /// The size is checked against `maxBytes` before a byte is read. After the read the file is
    /// examined again: the number of bytes read must equal the size first seen, and size,
    /// modification time, inode and device must be unchanged; otherwise the file was being
    /// written (or shrank) during the read and the bytes are not returned.
    ///
    /// - Throws: ``FileError`` `tooLarge` (nothing read), `changedDuringRead`, or `failed`.
    /// - Complexity: O(size): one allocation and as many `read` calls as the system needs.
    public func read(maxBytes: Int = .max) throws(FileError) -> FileContents {
        guard fingerprint.size <= Int64(maxBytes) else {
            throw FileError(
                .tooLarge, path: path, reason: "\(fingerprint.size) bytes; the limit is \(maxBytes); refused, not read")
        }
        var bytes = [UInt8](repeating: 0, count: Int(fingerprint.size))
        // One byte more than expected is asked for, so that a file that grew is noticed.
        var extra: UInt8 = 0
        let filled = bytes.withUnsafeMutableBytes { System.readAll(descriptor, into: $0) }
        guard let filled else { throw System.failure("cannot be read", path) }
        let more = withUnsafeMutableBytes(of: &extra) { System.readAll(descriptor, into: $0) } ?? 0
        guard let after = System.status(descriptor) else { throw System.failure("cannot be examined", path) }
        let now = FileFingerprint(after)
        guard filled == bytes.count, more == 0, now == fingerprint else {
            let what =
                filled < bytes.count || now.size < fingerprint.size
                ? "shrank"
                : now.inode != fingerprint.inode || now.device != fingerprint.device ? "was replaced" : "changed"
            throw FileError(
                .changedDuringRead, path: path,
                reason: "\(what) while being read (\(fingerprint.size) bytes when opened, \(filled + more) read); "
                    + "not used: write the file elsewhere and move it in when complete")
        }
        return FileContents(bytes: bytes, fingerprint: fingerprint, permissions: permissions)
    }
}

/// A file's bytes and the fingerprint it had while they were read.
public struct FileContents: Sendable {
    public let bytes: [UInt8]
    public let fingerprint: FileFingerprint
    /// The permission bits (`0o777` part of the mode).
    public let permissions: UInt32
}
