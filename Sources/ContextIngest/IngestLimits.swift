/// Limits on what a dataset may hold, so that a hostile or mistaken input is refused with a
/// clear message instead of exhausting the machine (config section `limits:`).
///
/// The defaults protect a 24 GiB machine. Measured (release build, `contextd run`): a load of
/// 1,000,000 entities and 5,300,000 links (about 400 MB of CSV) peaks at about 1.4 GiB, so about
/// 230 bytes of peak memory per row, file bytes included; the analysis at most doubles it. At
/// 20,000,000 rows per file a links file costs about 4.6 GiB to load and 10 GiB in all with the
/// analysis, inside 24 GiB with room for the operating system and a second run's staging. A file
/// is read whole into memory, so 2 GiB per file (8 GiB for the four) bounds the raw bytes; a real
/// 20,000,000-row links file is about 1.3 GB. A field of 64 KiB is a hundred times any real label
/// or note, and keeps Graphviz from spending seconds on one label; 1,024 columns is ten times the
/// contract's widest file and keeps a row of a million commas from costing 40 MB of positions.
public struct IngestLimits: Sendable, Hashable, Codable {
    /// Largest file accepted, in bytes; a larger file is refused before it is read.
    public var fileBytes: Int
    /// Most data rows (the header not counted) in one file.
    public var rowsPerFile: Int
    /// Longest field, in bytes as written in the file.
    public var fieldBytes: Int
    /// Most columns in one file's header.
    public var columns: Int

    public init(
        fileBytes: Int = 2 << 30, rowsPerFile: Int = 20_000_000, fieldBytes: Int = 64 << 10, columns: Int = 1_024
    ) {
        self.fileBytes = fileBytes
        self.rowsPerFile = rowsPerFile
        self.fieldBytes = fieldBytes
        self.columns = columns
    }
}
