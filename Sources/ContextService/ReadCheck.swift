import ContextIngest
import Foundation

/// Whether a run read its dataset whole and unchanged (issue 12, item 3): the files a run starts
/// on must have been still for the quiet time (and, when configured, be followed by a ready
/// marker), and after the read they are compared again with what the run read, so a file being
/// copied in is never published half-way.
enum ReadCheck {
    /// Whether a run can start on a dataset now, or what it waits for.
    enum Readiness: Equatable {
        case ready(FolderSnapshot)
        /// `quiet` (the files changed less than the quiet time ago) or `ready_marker`.
        case waiting(String)
    }

    /// Decides from the folder's current snapshot and since when it has been the same.
    static func readiness(
        _ snapshot: FolderSnapshot, stillFor: Duration, quiet: Duration, marker: String?,
        markerModified: Double?
    ) -> Readiness {
        guard snapshot.folderExists else { return .ready(snapshot) }  // the run reports the missing folder
        guard stillFor >= quiet else { return .waiting("quiet") }
        if let marker {
            guard let markerModified, markerModified >= newestModified(snapshot, except: marker) - 1e-6 else {
                return .waiting("ready_marker")
            }
        }
        return .ready(snapshot)
    }

    /// The newest modification time of a snapshot's files (seconds since 1970), `except` one.
    static func newestModified(_ snapshot: FolderSnapshot, except name: String) -> Double {
        snapshot.files.filter { $0.name != name }.map {
            Double($0.modifiedSeconds) + Double($0.modifiedNanoseconds) / 1e9
        }
        .max() ?? 0
    }

    /// The files that differ between what a run started on (`before`), what it read (`inputs`:
    /// sizes and SHA-256 from the loader) and what is there after the read (`after`, and `hash`
    /// of each input as it is now). Empty: the run read exactly the files it started on, and they
    /// are still the same. Input files are named; any other change is counted, not named (a file
    /// name in the folder could be anything).
    static func changes(
        before: FolderSnapshot, after: FolderSnapshot, inputs: [InputFileSummary], hash: (String) -> String?
    ) -> [String] {
        let known = Set(inputs.map(\.name))
        var changed: [String] = []
        let beforeFiles = Dictionary(before.files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let afterFiles = Dictionary(after.files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for input in inputs {
            let still = beforeFiles[input.name] == afterFiles[input.name]
            let sameSize = beforeFiles[input.name].map { $0.size == Int64(input.bytes) } ?? false
            if !still || !sameSize || hash(input.name) != input.sha256 { changed.append(input.name) }
        }
        let others = Set(beforeFiles.keys).union(afterFiles.keys).subtracting(known).filter {
            beforeFiles[$0] != afterFiles[$0]
        }
        if !others.isEmpty { changed.append("\(others.count) other file\(others.count == 1 ? "" : "s")") }
        if before.folderExists != after.folderExists { changed.append("the folder") }
        return changed
    }

    /// The SHA-256 (lower-case hex) of a file as it is now; `nil` if it cannot be read.
    static func sha256(ofFileAt path: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return InputFingerprint.sha256Hex([UInt8](data))
    }

    /// The modification time of the ready marker (seconds since 1970), `nil` if it is missing.
    static func markerModified(_ name: String, in folder: String) -> Double? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
        return (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970
    }
}
