import ContextFiles

/// One output file being written under a temporary name beside its final name, then renamed into
/// place, so that a reader sees either the previous file or the complete new one (through
/// ``ContextFiles/NewFile``: `O_EXCL | O_NOFOLLOW`, fsynced before the rename, the folder after).
///
/// Mode 0600: a sample is fictional, but it has the shape of personal data, and a tool that
/// writes such shapes should not leave them readable by all.
struct OutputFile {
    private let file: NewFile

    /// Starts `directory/name` under a temporary name, ready to be written.
    init(directory: String, name: String) throws(SampleError) {
        do {
            file = try Folder.open(directory).newFile(name)
        } catch {
            throw .notWritable(error, "create")
        }
    }

    /// Writes every byte, retrying after interruptions and short writes.
    func append(_ bytes: UnsafeRawBufferPointer) throws(SampleError) {
        do { try file.write(bytes) } catch { throw .notWritable(error, "write") }
    }

    /// Marks the file complete; it stays under its temporary name until ``commit()``, which
    /// flushes it to storage before renaming.
    mutating func finish() throws(SampleError) {}

    /// Flushes the file, renames it to its final name (replacing any earlier file), and flushes
    /// the folder.
    func commit() throws(SampleError) {
        do { try file.commit() } catch { throw .notWritable(error, "write") }
    }

    /// Removes the temporary file; for failure paths, so errors are ignored.
    mutating func abandon() { file.abandon() }
}

/// The output folder: created 0700 if missing.
enum OutputFolder {
    /// Makes sure `path` is a folder, creating it (and missing parents) with mode 0700. An
    /// existing folder's modes are left alone (it may be the user's own folder).
    static func prepare(_ path: String) throws(SampleError) {
        do {
            _ = try Folder.create(path, tighten: false)
        } catch {
            throw .notWritable(error, "create the folder")
        }
    }
}
