import ContextFiles

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
        // Not following links (lstat): a link swapped for another shows as a change.
        guard let entries = try? Folder.open(folder).entries() else {
            return FolderSnapshot(files: [], folderExists: false)
        }
        let files = entries.filter { !$0.name.hasPrefix(".") }.map { entry in
            File(
                name: entry.name, size: entry.fingerprint.size, modifiedSeconds: entry.fingerprint.modifiedSeconds,
                modifiedNanoseconds: entry.fingerprint.modifiedNanoseconds, inode: entry.fingerprint.inode)
        }
        return FolderSnapshot(files: files, folderExists: true)
    }
}
