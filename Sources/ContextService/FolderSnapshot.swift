import Foundation

/// The names, sizes, modification times and inodes of the files in a dataset folder: two equal
/// snapshots mean nothing was written, replaced or removed in between. Only names are read, never
/// contents; hidden files (editors' and copy tools' temporaries) are left out.
struct FolderSnapshot: Sendable, Hashable, Codable {
    struct File: Sendable, Hashable, Codable {
        let name: String
        let size: Int64
        let modifiedSeconds: Int64
        let modifiedNanoseconds: Int64
        let inode: UInt64
    }

    /// Files in name order; empty when the folder is missing or unreadable.
    let files: [File]
    /// Whether the folder could be listed.
    let folderExists: Bool

    static func take(_ folder: String) -> FolderSnapshot {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
            return FolderSnapshot(files: [], folderExists: false)
        }
        var files: [File] = []
        for name in names where !name.hasPrefix(".") {
            // Not following links (lstat): a link swapped for another shows as a change.
            guard let attributes = try? manager.attributesOfItem(atPath: folder + "/" + name) else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let seconds = modified.rounded(.down)
            files.append(
                File(
                    name: name, size: (attributes[.size] as? NSNumber)?.int64Value ?? -1,
                    modifiedSeconds: Int64(seconds), modifiedNanoseconds: Int64(((modified - seconds) * 1e9).rounded()),
                    inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0))
        }
        return FolderSnapshot(files: files.sorted { $0.name < $1.name }, folderExists: true)
    }
}
