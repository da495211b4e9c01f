public import ContextFiles
public import ContextModel

/// A dataset as loaded: the immutable graph, its personal data kept apart, and the report.
public struct LoadedDataset: Sendable {
    public let graph: ContextGraph
    public let personal: PersonalData
    public let report: ValidationReport
    /// Seconds spent in each step of loading.
    public internal(set) var timings: LoadTimings
    /// Each file read, by name, with the fingerprint (size, modification time, inode, device) it
    /// had while it was read, unchanged from open to end of read; empty for files given in memory.
    /// A caller that watched the folder compares these with what it saw during its quiet period.
    public internal(set) var fingerprints: [String: FileFingerprint] = [:]
}

/// Seconds spent in each step of a load: reading the files, hashing them, parsing and validating
/// every row (the graph builder fills as rows pass), and freezing the graph into CSR form.
public struct LoadTimings: Sendable, Codable {
    public var read: Double = 0
    public var fingerprint: Double = 0
    public var validate: Double = 0
    public var freeze: Double = 0
}

/// Loads a dataset folder in the interchange format, version 1, validating every row.
///
/// Strict by default: any error rejects the dataset and *every* error is reported, not only the
/// first (``IngestError/Code/dataRejected`` carries the report). Lenient mode sets bad rows aside,
/// lists each in the report, and goes on; a row that depends on a row set aside (a link to an
/// entity whose row had an error) is set aside too, with its own message, so nothing is lost
/// silently.
///
/// Warnings, whatever the mode: an `E`-graded link (kept, but out of the analysis), a duplicate
/// link (merged into the first), a self-link (dropped), a child with no links, a link whose
/// `last_seen` is before its `first_seen`.
public struct DatasetLoader: Sendable {
    public var policy: ValidationPolicy
    /// Sizes beyond which a dataset is refused whatever the policy.
    public var limits: IngestLimits
    /// `links.csv` files at least this large are parsed in two halves at once; tests lower it to
    /// check that both ways give the same graph and diagnostics.
    var parallelThreshold = 8 << 20

    public init(policy: ValidationPolicy = .strict, limits: IngestLimits = IngestLimits()) {
        self.policy = policy
        self.limits = limits
    }

    /// Loads and validates the dataset in `folder`.
    ///
    /// - Throws: ``IngestError`` with code `inputMissing`, `inputRefused` or `inputUnreadable`
    ///   when a file cannot be read, `limitExceeded` when a file is larger than
    ///   ``IngestLimits/fileBytes`` (not read) or breaks another limit, and `dataRejected` when
    ///   validation fails.
    /// - Complexity: O(bytes + entities + links) time; memory about the size of the files plus
    ///   the graph.
    public func load(folder: String) throws(IngestError) -> LoadedDataset {
        var lap = Lap()
        let dataset = try DatasetFolder(path: folder)
        var files: [(name: String, bytes: [UInt8])] = []
        var fingerprints: [String: FileFingerprint] = [:]
        for name in DatasetFolder.requiredFiles + DatasetFolder.optionalFiles {
            let required = DatasetFolder.requiredFiles.contains(name)
            if let contents = try dataset.read(name, required: required, maxBytes: limits.fileBytes) {
                files.append((name, contents.bytes))
                fingerprints[name] = contents.fingerprint
            }
        }
        let read = lap()
        var loaded = try load(files: files)
        loaded.timings.read = read
        loaded.fingerprints = fingerprints
        return loaded
    }

    /// Validates files already in memory, in the order given (`entities.csv` and `links.csv`
    /// first); the fuzz target and the hostile-input tests enter here.
    func load(files: [(name: String, bytes: [UInt8])]) throws(IngestError) -> LoadedDataset {
        var timings = LoadTimings()
        var lap = Lap()
        for file in files where file.bytes.count > limits.fileBytes {
            throw DatasetFolder.tooLarge(file.name, bytes: file.bytes.count, limit: limits.fileBytes)
        }
        let hashes = files.map { InputFingerprint.sha256Hex($0.bytes) }
        timings.fingerprint = lap()
        var state = LoadState(policy: policy, expectedBytes: files.map(\.bytes.count))
        state.sink.warningLocations = limits.warningLocations
        state.parallelThreshold = parallelThreshold
        state.limits = limits
        var usableRequired = true
        for (file, hash) in zip(files, hashes) {
            state.usedRows = 0
            let outcome: (usable: Bool, rows: Int)
            switch file.name {
            case "entities.csv": outcome = state.readEntities(file.bytes)
            case "links.csv": outcome = state.readLinks(file.bytes)
            case "events.csv": outcome = state.readEvents(file.bytes)
            default: outcome = state.readActions(file.bytes)
            }
            if !outcome.usable && DatasetFolder.requiredFiles.contains(file.name) { usableRequired = false }
            state.sink.report.files.append(
                InputFileSummary(
                    name: file.name, bytes: file.bytes.count, sha256: hash,
                    rows: outcome.rows, rowsUsed: state.usedRows))
        }
        state.warnChildrenWithoutLinks()
        timings.validate = lap()
        let report = state.sink.report
        if state.sink.limitExceeded {
            throw IngestError(
                .limitExceeded, "dataset rejected: a limit (configuration section limits) was exceeded", report: report)
        }
        if !report.errors.isEmpty && (policy == .strict || !usableRequired) {
            let count = report.errors.count
            throw IngestError(
                .dataRejected, "dataset rejected: \(count) error\(count == 1 ? "" : "s")", report: report)
        }
        let graph = state.builder.freeze()
        let personal = state.personalData()
        timings.freeze = lap()
        return LoadedDataset(graph: graph, personal: personal, report: report, timings: timings)
    }
}

/// The state of one load: the graph builder, the diagnostics, and what later files need to know
/// about earlier rows.
struct LoadState {
    var sink: DiagnosticSink
    var builder = ContextGraph.Builder()
    /// Rows of the table being read that went into the graph.
    var usedRows = 0
    /// `links.csv` files at least this large are parsed in two halves at once (see
    /// `LoadState.readLinks`).
    var parallelThreshold = 8 << 20
    var limits = IngestLimits()
    /// Line of each entity's row, by index.
    var entityLines: [Int32] = []
    /// Column of each entity's `id` field, by index (for warnings placed on the entity's row).
    var entityIDColumns: [Int32] = []
    /// Ids whose row had errors, with that row's line.
    var rejectedIDs: [EntityID: Int] = [:]
    /// Ids that look alike (normalisation, case, other scripts), for warnings.
    var lookAlikes = LookAlikeIDs()
    var hasLink: [Bool] = []
    /// Line of the first row of each stored link, by link index.
    var linkLines: [Int32] = []
    var labels: [Redacted<String>?] = []
    var datesOfBirth: [Int32] = []
    var eventNotes: [Redacted<String>?] = []
    var actionNotes: [Redacted<String>?] = []
    var entityExtraNames: [String] = []
    var entityExtraValues: [[String?]] = []
    var linkExtraNames: [String] = []
    var linkExtraValues: [[String?]] = []

    /// - Parameter expectedBytes: sizes of the files, to reserve the builder's tables (about 60
    ///   bytes an entity row and 40 a link row) instead of growing them row by row.
    init(policy: ValidationPolicy, expectedBytes: [Int] = []) {
        sink = DiagnosticSink(policy: policy)
        let sizes = expectedBytes + [0, 0]
        builder = ContextGraph.Builder(expectedEntities: sizes[0] / 60, expectedLinks: sizes[1] / 40)
    }

    func personalData() -> PersonalData {
        PersonalData(
            labels: labels, datesOfBirth: datesOfBirth, eventNotes: eventNotes, actionNotes: actionNotes,
            entityAttributes: FreeAttributes(names: entityExtraNames, values: entityExtraValues),
            linkAttributes: FreeAttributes(names: linkExtraNames, values: linkExtraValues))
    }

    /// Resolves an id column to an entity, reporting unknown ids and ids of rejected rows.
    mutating func resolve(_ row: inout RowContext, _ column: Int, _ id: String?) -> EntityIndex? {
        Self.resolve(&row, column, id, lookup: builder.lookup, rejectedIDs: rejectedIDs)
    }

    /// ``resolve(_:_:_:)`` against a shared, read-only view of the entities.
    static func resolve(
        _ row: inout RowContext, _ column: Int, _ id: String?, lookup: EntityLookup, rejectedIDs: [EntityID: Int]
    ) -> EntityIndex? {
        guard let id else { return nil }
        let key = EntityID(id)
        if let index = lookup.index(of: key) { return index }
        let name = row.columns[column].name
        if let line = rejectedIDs[key] {
            row.error(
                column,
                "\(name) '\(Quoting.safe(id))' refers to an entity whose row has errors (entities.csv line \(line))")
        } else {
            row.error(column, "\(name) '\(Quoting.safe(id))' is not the id of any entity in entities.csv")
        }
        return nil
    }

    mutating func warnChildrenWithoutLinks() {
        for entity in 0..<entityLines.count where !hasLink[entity] && builder.kind(of: EntityIndex(entity)) == .child {
            sink.warning(
                .childWithoutLinks, "entities.csv", Int(entityLines[entity]), Int(entityIDColumns[entity]),
                "child '\(Quoting.safe(builder.id(of: EntityIndex(entity))))' has no links")
        }
    }
}

/// Seconds since the previous lap (or since creation).
private struct Lap {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant

    init() { start = clock.now }

    mutating func callAsFunction() -> Double {
        let now = clock.now
        defer { start = now }
        return (now - start).seconds
    }
}
