import ContextFiles

/// The files of a dataset folder, read safely through ``ContextFiles/Folder``.
///
/// The folder is opened once (its path may go through symbolic links: that is the user's
/// choice of folder); each file is then opened relative to that descriptor and must be a regular
/// file. A symbolic link in a file's place is followed only when it leads, by a relative path,
/// to a regular file inside the folder, and that resolution is done here, walking the target
/// from the folder's descriptor with no link followed at any step (so swapping a subfolder for a
/// link cannot lead outside). A link leading outside, a pipe, a device or a folder in a file's
/// place is refused without being read. A file that changes or shrinks while it is read is an
/// error naming it.
struct DatasetFolder {
    /// The folder as the user named it (used in messages).
    let path: String
    private let folder: Folder

    static let requiredFiles = ["entities.csv", "links.csv"]
    static let optionalFiles = ["events.csv", "actions.csv"]

    init(path: String) throws(IngestError) {
        self.path = path
        do {
            folder = try Folder.open(path)
        } catch {
            switch error.code {
            case .notFound: throw IngestError(.inputMissing, "dataset folder '\(path)' does not exist")
            case .notAFolder: throw IngestError(.inputMissing, "dataset path '\(path)' is not a folder")
            default: throw IngestError(.inputMissing, "dataset folder '\(path)' cannot be opened (\(error.reason))")
            }
        }
    }

    /// Reads a file of the folder with its fingerprint; `nil` when an optional file is absent.
    /// A file larger than `maxBytes` is refused before a byte is read.
    func read(_ name: String, required: Bool, maxBytes: Int = .max) throws(IngestError) -> FileContents? {
        let file: ReadableFile
        do {
            file = try folder.openFile(name, followingLinksInside: true)
        } catch {
            switch error.code {
            case .notFound where !required: return nil
            case .notFound:
                throw IngestError(.inputMissing, "required file '\(name)' is missing from dataset folder '\(path)'")
            case .linkOutside:
                throw IngestError(
                    .inputRefused, "\(name): is a symbolic link leading outside the dataset folder; refused, not read")
            case .notARegularFile, .symbolicLink, .notAFolder:
                throw IngestError(.inputRefused, "\(name): \(error.reason)")
            default: throw IngestError(.inputUnreadable, "\(name): \(error.reason)")
            }
        }
        guard file.fingerprint.size <= Int64(maxBytes) else {
            throw Self.tooLarge(name, bytes: Int(file.fingerprint.size), limit: maxBytes)
        }
        do {
            return try file.read(maxBytes: maxBytes)
        } catch {
            throw IngestError(.inputUnreadable, "\(name): \(error.reason)")
        }
    }

    static func tooLarge(_ name: String, bytes: Int, limit: Int) -> IngestError {
        IngestError(
            .limitExceeded, "\(name): \(bytes) bytes; limits.file_bytes allows \(limit); refused, not read")
    }
}
