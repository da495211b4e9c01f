#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a run's outputs so that a reader never sees a half-written file and a failed run
/// leaves the earlier outputs byte-identical.
///
/// Every file is first written into a staging folder inside the output folder (same file system,
/// so `rename(2)` is atomic), created `0600` with `O_EXCL`, and `fsync`ed, with a list of the
/// order in which the files go into place (the manifest last). The staging folder is then renamed
/// to `.contextd-commit-PID`: that rename is the commit point. Only then are the files renamed
/// into place, the folders `fsync`ed, and the commit folder removed. Anything failing before the
/// commit point removes the staging folder and leaves the output folder as it was.
///
/// Several renames cannot be one atomic step, so a run killed while moving files into place
/// leaves a commit folder behind: the next commit in that folder first finishes it (roll forward,
/// under the lock), and staging folders of runs killed earlier are removed (roll back). So after
/// any crash the folder holds the previous outputs, or the new ones, or the new ones partly
/// still in the commit folder, which the next run completes; never a set it cannot complete.
/// (`Tests/Hardening/kill_test.py` checks this by killing runs at random moments.)
///
/// Folders are created `0700`. A lock (`flock`) on `.contextd.lock` keeps two runs from writing
/// the same folder at once.
///
/// Names are relative paths made by the program (`maps/overview.svg`), never from data; they are
/// checked anyway: no `..`, no absolute path, no empty component.
public struct OutputTransaction {
    public let folder: String
    private var files: [(path: String, bytes: [UInt8])] = []

    public init(folder: String) {
        self.folder = folder
    }

    /// Adds a file to the transaction.
    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        files.append((path, bytes))
    }

    /// The files added so far, in order.
    public var staged: [(path: String, bytes: [UInt8])] { files }

    /// Writes everything; the file named `last` (the manifest) is renamed into place last.
    ///
    /// - Throws: ``PipelineError`` (`outputNotCreatable`, `outputBusy`).
    public func commit(last: String? = nil) throws(PipelineError) {
        for file in files where !Self.isSafeRelativePath(file.path) {
            throw PipelineError(.outputNotCreatable, "refusing unsafe output name '\(file.path)'")
        }
        try Self.makeFolders(folder)
        let lockFD = open(folder + "/.contextd.lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard lockFD >= 0 else { throw Self.failure("cannot create the lock file in", folder) }
        defer { close(lockFD) }
        guard flock(lockFD, LOCK_EX | LOCK_NB) == 0 else {
            throw PipelineError(.outputBusy, "output folder '\(folder)' is in use by another contextd run")
        }
        // Under the lock: finish commits that a killed run left half done, then remove the
        // staging folders of runs killed before their commit point.
        for name in Self.entries(of: folder).sorted() where name.hasPrefix(Self.commitPrefix) {
            try Self.rollForward(folder + "/" + name, into: folder)
        }
        for name in Self.entries(of: folder) where name.hasPrefix(".contextd-staging-") {
            Self.removeTree(folder + "/" + name)
        }
        let staging = folder + "/.contextd-staging-\(getpid())"
        let committed = folder + "/" + Self.commitPrefix + "\(getpid())"
        guard mkdir(staging, 0o700) == 0 else { throw Self.failure("cannot create a staging folder in", folder) }
        do throws(PipelineError) {
            for file in files { try Self.writeDurably(staging + "/" + file.path, file.bytes) }
            var order = files.map(\.path).filter { $0 != last }
            if let last, files.contains(where: { $0.path == last }) { order.append(last) }
            try Self.writeDurably(staging + "/" + Self.orderFile, Array(order.joined(separator: "\n").utf8))
            Self.syncFolder(staging)
            // Every destination folder must exist before the commit point, so that moving into
            // place cannot fail for want of one (a file in the way fails the run here, unchanged).
            for path in order { try Self.makeFolders(Self.parent(of: folder + "/" + path)) }
            guard rename(staging, committed) == 0 else { throw Self.failure("cannot commit outputs in", folder) }
        } catch {
            Self.removeTree(staging)
            throw error
        }
        Self.syncFolder(folder)
        try Self.rollForward(committed, into: folder)
    }

    static let commitPrefix = ".contextd-commit-"
    private static let orderFile = ".order"

    /// Moves a committed folder's files into place in the recorded order (those already moved are
    /// skipped), syncs the folders, and removes the commit folder.
    private static func rollForward(_ committed: String, into folder: String) throws(PipelineError) {
        let order = readSmallFile(committed + "/" + orderFile).map {
            String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        var touched = Set<String>()
        for path in order ?? [] where isSafeRelativePath(path) {
            var info = stat()
            guard lstat(committed + "/" + path, &info) == 0 else { continue }
            let destination = folder + "/" + path
            let parent = parent(of: destination)
            try makeFolders(parent)
            guard rename(committed + "/" + path, destination) == 0 else {
                throw failure("cannot move output into place:", destination)
            }
            touched.insert(parent)
        }
        for directory in touched { syncFolder(directory) }
        removeTree(committed)
        syncFolder(folder)
    }

    private static func readSmallFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0")
        }
    }

    private static func failure(_ what: String, _ path: String) -> PipelineError {
        PipelineError(.outputNotCreatable, "\(what) '\(path)' (\(String(cString: strerror(errno))))")
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// `mkdir -p` with mode 0700 for each folder created.
    private static func makeFolders(_ path: String) throws(PipelineError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw PipelineError(.outputNotCreatable, "output path '\(path)' exists and is not a folder")
            }
            return
        }
        let parentPath = parent(of: path)
        if parentPath != path && !parentPath.isEmpty && parentPath != "." { try makeFolders(parentPath) }
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw failure("cannot create folder", path) }
    }

    private static func writeDurably(_ path: String, _ bytes: [UInt8]) throws(PipelineError) {
        try makeFolders(parent(of: path))
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw failure("cannot create", path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw failure("cannot flush", path) }
    }

    private static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func entries(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a staging tree (files and folders the transaction made; no links are followed).
    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(of: path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
