import ContextFiles
import Foundation
import Logging

/// Writes a set of outputs into a folder as one *generation*: a reader of the folder sees either
/// the whole previous set or the whole new one, whatever happens (a kill at any moment, a
/// failure, any exit status), and nothing a complete set did not produce survives its commit.
///
/// The layout of an output folder `OUT`:
///
/// ```
/// OUT/.contextd-runs/<generation>/   every file of one commit (folders 0700, files 0600)
/// OUT/current -> .contextd-runs/<generation>       the one commit point
/// OUT/manifest.json -> current/manifest.json       one link per top-level output name,
/// OUT/maps -> current/maps                         so the documented paths keep working
/// OUT/.contextd.lock, OUT/.contextd-state/         not outputs; left where they are
/// ```
///
/// A commit, under an exclusive `flock` on `.contextd.lock` (a second run is refused with
/// `outputBusy`):
///
/// 1. writes every file into a new generation folder (`O_EXCL`, `0600`, each `fsync`ed, then
///    every folder of the generation `fsync`ed); nothing outside `.contextd-runs` has changed;
/// 2. makes sure each top-level name is a link this program made (`NAME -> current/NAME`,
///    checked with `readlink`), creating missing ones; anything else in the way (a file, a
///    folder, a link elsewhere, as left by an older version or planted) is refused with a clear
///    message and never followed or replaced. A new link into `current/` shows nothing until the
///    switch, so this step changes no set a reader sees;
/// 3. switches `current` to the new generation: a new link renamed over the old one, then the
///    folder `fsync`ed. This rename is the commit point;
/// 4. removes top-level links whose name the new generation does not have, and every other
///    generation (the previous one and any left by killed runs), so stale outputs (the map of
///    a cluster that dissolved, of a child erased from the data) do not survive.
///
/// A commit with `last` (a run's complete set, the manifest last) is the whole generation. A
/// commit without it (`contextd map`, `contextd report`) adds to the current set: the new
/// generation first takes every file of the current one as a hard link (files are never written
/// in place, so sharing them is safe), then the new files over them.
///
/// The service's per-run folders and `latest` link use the same switch
/// (``ContextFiles/Folder/switchLink(_:to:)``). Folders are walked from descriptors without
/// following links (see ``ContextFiles/Folder``): a link planted inside the folder (`OUT/maps ->
/// /elsewhere` before a first run, or `.contextd-runs -> /elsewhere`) is refused, not followed.
/// An output folder readable by others is tightened to `0700` (logged) or, when that is not
/// allowed, refused.
///
/// Names are relative paths made by the program (`maps/overview.svg`), never from data; they
/// are checked anyway: no `..`, no absolute path, no empty component.
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

    /// The folder holding the generations, inside the output folder.
    static let generationsFolder = ".contextd-runs"
    /// The link that is the commit point.
    static let currentLink = "current"
    static let lockFile = ".contextd.lock"

    /// Writes everything as a new generation and switches to it.
    ///
    /// With `last` (the manifest) the files are the whole new set; without it they are added to
    /// the current set (see the type's documentation).
    ///
    /// - Throws: ``PipelineError`` `outputBusy` (another run holds the folder) or
    ///   `outputNotCreatable` (naming the path); the folder's visible set is then unchanged.
    public func commit(last: String? = nil) throws(PipelineError) {
        var byPath: [String: [UInt8]] = [:]
        for file in files {
            guard Self.isSafeRelativePath(file.path), !file.path.hasPrefix(".") else {
                throw PipelineError(.outputNotCreatable, "refusing unsafe output name '\(file.path)'")
            }
            byPath[file.path] = file.bytes
        }
        let out: Folder
        let lock: FileLock
        do throws(FileError) {
            let created = try Folder.create(folder)
            if let notice = created.notice { Self.logger.notice("\(notice)") }
            out = created.folder
            lock = try out.lock(Self.lockFile)
        } catch {
            if error.code == .busy {
                throw PipelineError(.outputBusy, "output folder '\(folder)' is in use by another contextd run")
            }
            throw PipelineError(.outputNotCreatable, "cannot write outputs: \(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        do throws(FileError) {
            try commit(byPath, complete: last != nil, in: out)
        } catch {
            throw PipelineError(.outputNotCreatable, "cannot write outputs: \(error)")
        }
    }

    private func commit(_ byPath: [String: [UInt8]], complete: Bool, in out: Folder) throws(FileError) {
        let previous = try Self.currentGeneration(in: out)
        let generations = try out.folder(Self.generationsFolder, create: true)
        let name = Self.newGenerationName()
        try generations.removeTree(name)
        let generation = try generations.folder(name, create: true)
        do throws(FileError) {
            var folders: [String: Folder] = ["": generation]
            func parent(of path: String) throws(FileError) -> (Folder, String) {
                guard let slash = path.lastIndex(of: "/") else { return (generation, path) }
                let directory = String(path[..<slash])
                if let known = folders[directory] { return (known, String(path[path.index(after: slash)...])) }
                let made = try generation.folder(directory, create: true)
                folders[directory] = made
                return (made, String(path[path.index(after: slash)...]))
            }
            for path in byPath.keys.sorted() {
                let (target, file) = try parent(of: path)
                try target.create(file, byPath[path] ?? [])
            }
            if !complete, let previous, let old = try? generations.folder(previous) {
                for path in try Self.files(in: old) where byPath[path] == nil {
                    let (target, file) = try parent(of: path)
                    let (source, sourceName) = try Self.split(path, in: old)
                    try target.link(file, to: sourceName, in: source)
                }
            }
            for made in folders.values { made.sync() }
            generations.sync()
            let topNames = Set(try generation.entries().map(\.name))
            for top in topNames.sorted() { try Self.ensureOutputLink(top, in: out) }
            try out.switchLink(Self.currentLink, to: Self.generationsFolder + "/" + name)
            // Committed. What follows only tidies; a failure there leaves a complete set.
            for entry in try out.entries() where entry.kind == .symbolicLink && !topNames.contains(entry.name) {
                if out.linkTarget(entry.name) == Self.currentLink + "/" + entry.name { try? out.remove(entry.name) }
            }
        } catch {
            try? generations.removeTree(name)
            throw error
        }
        for entry in (try? generations.entries()) ?? [] where entry.name != name {
            try? generations.removeTree(entry.name)
        }
        generations.sync()
        out.sync()
    }

    /// The generation `current` points at, `nil` when there is none yet.
    ///
    /// - Throws: ``FileError`` when something other than this program's link is named `current`.
    static func currentGeneration(in out: Folder) throws(FileError) -> String? {
        guard let entry = out.entry(currentLink) else { return nil }
        let prefix = generationsFolder + "/"
        guard entry.kind == .symbolicLink, let target = out.linkTarget(currentLink), target.hasPrefix(prefix),
            case let name = String(target.dropFirst(prefix.count)), isSafeRelativePath(name), !name.contains("/")
        else {
            throw FileError(
                .symbolicLink, path: out.path + "/" + currentLink,
                reason: "was not made by contextd (expected a link to \(prefix)…); refused, not followed: "
                    + "move it away and run again")
        }
        return name
    }

    /// Makes sure `OUT/name` is this program's link `current/name`.
    static func ensureOutputLink(_ name: String, in out: Folder) throws(FileError) {
        let expected = currentLink + "/" + name
        guard let entry = out.entry(name) else {
            try out.switchLink(name, to: expected)
            return
        }
        guard entry.kind == .symbolicLink, out.linkTarget(name) == expected else {
            let what =
                switch entry.kind {
                case .symbolicLink: "a symbolic link contextd did not make"
                case .folder: "a folder"
                case .file: "a file"
                case .other: "a special file"
                }
            throw FileError(
                .symbolicLink, path: out.path + "/" + name,
                reason: "is \(what); contextd keeps its outputs in \(generationsFolder)/ and links each name "
                    + "to them, so it neither follows nor replaces this (outputs of an earlier contextd version "
                    + "look like this): move it away, or choose another output folder, and run again")
        }
    }

    /// Every file under a generation, as relative paths (links and other kinds are skipped).
    static func files(in folder: Folder, prefix: String = "") throws(FileError) -> [String] {
        var result: [String] = []
        for entry in try folder.entries() {
            switch entry.kind {
            case .file: result.append(prefix + entry.name)
            case .folder:
                result += try files(in: try folder.folder(entry.name), prefix: prefix + entry.name + "/")
            case .symbolicLink, .other: continue
            }
        }
        return result
    }

    private static func split(_ path: String, in root: Folder) throws(FileError) -> (Folder, String) {
        guard let slash = path.lastIndex(of: "/") else { return (root, path) }
        return (try root.folder(String(path[..<slash])), String(path[path.index(after: slash)...]))
    }

    /// UTC time to the millisecond, the process id and a random tag: unique, and in age order.
    static func newGenerationName() -> String {
        let milliseconds = Int64(Date().timeIntervalSince1970 * 1000)
        return "\(milliseconds)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt16.random(in: 0...UInt16.max))"
    }

    private static let logger = Logger(label: "contextd.output")

    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0")
        }
    }
}
