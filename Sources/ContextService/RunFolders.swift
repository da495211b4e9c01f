import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A dataset's output folder as the service keeps it: each run writes a complete set into
/// `runs/<run id>/` (through ``OutputTransaction``, the manifest last), and only then is the
/// `latest` link switched to it, atomically (a new link renamed over the old). Readers that open
/// `latest/...` see either the old set or the new, never a mixture. Run ids start with the UTC
/// time, so name order is age order.
struct RunFolders: Sendable {
    let root: String

    var runsFolder: String { root + "/runs" }
    var latestLink: String { root + "/latest" }

    func folder(of runID: String) -> String { runsFolder + "/" + runID }

    /// The run id `latest` points at, if it points at a complete run.
    func latestRunID() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(latestLink, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard target.hasPrefix("runs/") else { return nil }
        let runID = String(target.dropFirst("runs/".count))
        return isComplete(runID) ? runID : nil
    }

    /// The folder whose `network.json` a new run compares itself with: the latest run, else the
    /// output folder itself (outputs of an earlier `contextd run --out` into the same folder).
    func previousOutputFolder() -> String {
        latestRunID().map(folder(of:)) ?? root
    }

    func isComplete(_ runID: String) -> Bool {
        FileManager.default.fileExists(atPath: folder(of: runID) + "/manifest.json")
    }

    /// Points `latest` at a run: a new link beside it, renamed over the old (atomic), then the
    /// folder synced.
    func switchLatest(to runID: String) throws(ServiceError) {
        let temporary = root + "/.latest-\(getpid())"
        unlink(temporary)
        guard symlink("runs/" + runID, temporary) == 0 else {
            throw ServiceError(.outputNotCreatable, "cannot create a link in '\(root)' (\(Self.lastError()))")
        }
        guard rename(temporary, latestLink) == 0 else {
            let reason = Self.lastError()
            unlink(temporary)
            throw ServiceError(.outputNotCreatable, "cannot switch '\(latestLink)' (\(reason))")
        }
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Removes incomplete run folders (no manifest: a run killed while writing, or abandoned)
    /// other than `running`, and complete ones beyond the newest `keep`; never the latest.
    /// Returns how many folders were removed.
    @discardableResult
    func prune(keep: Int, running: String? = nil) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: runsFolder) else { return 0 }
        let latest = latestRunID()
        var complete: [(name: String, written: Date)] = []
        var removed = 0
        for name in names where name != running && name != latest && !name.hasPrefix(".") {
            if isComplete(name) {
                let attributes = try? FileManager.default.attributesOfItem(atPath: folder(of: name) + "/manifest.json")
                complete.append((name, attributes?[.modificationDate] as? Date ?? .distantPast))
            } else {
                removed += remove(name) ? 1 : 0
            }
        }
        complete.sort { $0.written != $1.written ? $0.written > $1.written : $0.name > $1.name }
        let kept = latest == nil ? keep : keep - 1
        for run in complete.dropFirst(max(kept, 0)) { removed += remove(run.name) ? 1 : 0 }
        return removed
    }

    /// Removes a run folder (no links are followed: `removeItem` unlinks them).
    @discardableResult
    func remove(_ runID: String) -> Bool {
        (try? FileManager.default.removeItem(atPath: folder(of: runID))) != nil
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// A new run id: UTC time to the millisecond, then four random hex digits
    /// (`20241001T050000.000Z-3fa2`).
    static func newRunID(at date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let stamp =
            "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))."
            + String(String(1000 + Int(date.timeIntervalSince1970 * 1000) % 1000).dropFirst()) + "Z"
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        return stamp + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
    }
}
