/// Limits on what a dataset may hold, so that a hostile or mistaken input is refused with a
/// clear message instead of exhausting the machine (config section `limits:`).
///
/// The defaults protect a 24 GiB machine. Measured (release build): loading 1,000,000 entities
/// and 5,300,000 links (about 400 MB of CSV) peaks at about 1.4 GiB; 100,000 entities and 532,561
/// links (36 MB) peak at 187 MB to load and 183 MiB for the whole run: so 240 to 300 bytes of
/// peak memory per row, file bytes included, and the analysis does not raise the peak. At
/// 20,000,000 rows per file, entities and links both at the limit cost about 12 GB, inside
/// 24 GiB with room for the system and the maps. A file is read whole into memory, so 2 GiB per
/// file bounds the raw bytes (a real 20,000,000-row links file is about 1.1 GB). A field of
/// 64 KiB is a hundred times any real label or note, and keeps Graphviz from spending seconds on
/// one label; 1,024 columns is ten times the contract's widest file and keeps a row of a million
/// commas from costing 40 MB of positions.
public struct IngestLimits: Sendable, Hashable, Codable {
    /// Largest file accepted, in bytes; a larger file is refused before it is read.
    public var fileBytes: Int
    /// Most data rows (the header not counted) in one file.
    public var rowsPerFile: Int
    /// Longest field, in bytes as written in the file.
    public var fieldBytes: Int
    /// Most columns in one file's header.
    public var columns: Int
    /// Most warnings of each kind listed with their location (in the report, the manifest and on
    /// standard error); past that, warnings of the kind are only counted. Not a rejection limit:
    /// 300 MB of duplicate links once gave 5.9 million warnings, 3.26 GB of memory and a 521 MB
    /// manifest, and a hundred locations are as many as anyone reads.
    public var warningLocations: Int

    public init(
        fileBytes: Int = 2 << 30, rowsPerFile: Int = 20_000_000, fieldBytes: Int = 64 << 10, columns: Int = 1_024,
        warningLocations: Int = 100
    ) {
        self.fileBytes = fileBytes
        self.rowsPerFile = rowsPerFile
        self.fieldBytes = fieldBytes
        self.columns = columns
        self.warningLocations = warningLocations
    }
}
