import ContextFiles
import Foundation

/// A dataset's output folder as the service keeps it: each run writes a complete set into
/// `runs/<run id>/` (through ``OutputTransaction``, the manifest last), and only then is the
/// `latest` link switched to it, atomically (a new link renamed over the old). Readers that open
/// `latest/...` see either the old set or the new, never a mixture (the same switch as the CLI's
/// generations, ``ContextFiles/Folder/switchLink(_:to:)``). Run ids start with the UTC
/// time, so name order is age order.
struct RunFolders: Sendable {
    let root: String

    var runsFolder: String { root + "/runs" }
    var latestLink: String { root + "/latest" }

    func folder(of runID: String) -> String { runsFolder + "/" + runID }

    /// The run id `latest` points at, if it points at a complete run.
    func latestRunID() -> String? {
        guard let target = (try? Folder.open(root))?.linkTarget("latest"), target.hasPrefix("runs/") else {
            return nil
        }
        let runID = String(target.dropFirst("runs/".count))
        return isComplete(runID) ? runID : nil
    }

    /// The folder whose `network.json` a new run compares itself with: the latest run, else the
    /// output folder itself (outputs of an earlier `contextd run --out` into the same folder).
    func previousOutputFolder() -> String {
        latestRunID().map(folder(of:)) ?? root
    }

    func isComplete(_ runID: String) -> Bool {
        // Through the run's own `manifest.json -> current/...` link (see `OutputTransaction`): a
        // link whose generation was never switched in does not resolve.
        FileManager.default.fileExists(atPath: folder(of: runID) + "/manifest.json")
    }

    /// Points `latest` at a run: a new link beside it, renamed over the old (atomic), then the
    /// folder synced.
    func switchLatest(to runID: String) throws(ServiceError) {
        do {
            try Folder.open(root).switchLink("latest", to: "runs/" + runID)
        } catch {
            throw ServiceError(.outputNotCreatable, "cannot switch '\(latestLink)' (\(error.reason))")
        }
    }

    /// Removes incomplete run folders (no manifest: a run killed while writing, or abandoned)
    /// other than `running`, and complete ones beyond the newest `keep`; never the latest.
    /// Returns how many folders were removed.
    @discardableResult
    func prune(keep: Int, running: String? = nil) -> Int {
        guard let names = try? Folder.open(runsFolder).entries().map(\.name) else { return 0 }
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

    /// Removes a run folder (no links are followed: they are removed).
    @discardableResult
    func remove(_ runID: String) -> Bool {
        guard let runs = try? Folder.open(runsFolder), runs.entry(runID) != nil else { return false }
        return (try? runs.removeTree(runID)) != nil
    }

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
