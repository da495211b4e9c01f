public import ContextModel

/// A deterministic, entirely fictional dataset shaped like an English local authority, written in
/// the interchange format, version 1 (`entities.csv`, `links.csv`, `events.csv`, `actions.csv`).
///
/// The world has wards with invented names, primary and secondary schools in each, young people
/// (about 2% of them children open to the MACE, the rest peers), perpetrators, a few groups, and
/// locations of every category. Friendships cluster by school, year group and ward; children are
/// gathered into networks with perpetrators, a group and hotspot places, while each ward also
/// has a busy "decoy" place full of ordinary peers and no concern. Events and actions fall in
/// the 18 months before ``referenceDate``.
///
/// The same `entities`, `seed` and `referenceDate` always give byte-identical files, on every
/// platform: all randomness comes from ``GraphAlgorithms/SplitMix64`` streams, never the clock.
/// The files pass strict validation; the only warnings are the ~0.5% of links graded `E`.
///
/// ```swift
/// let world = try SampleWorld(entities: 10_000, seed: 7)
/// let summary = try world.write(to: "/tmp/sample")
/// print(summary.rows(in: "links.csv"))
/// ```
///
/// - Complexity: O(entities log entities) time; memory about 60 bytes per entity plus a 1 MiB
///   buffer per file. A million entities make about five million links.
public struct SampleWorld: Sendable, Hashable {
    /// The smallest world worth generating: one ward, one school of each phase, a few children.
    public static let minimumEntities = 20

    /// The default "as of" date, 2024-09-30.
    public static let defaultReferenceDate = Day(rawValue: 19_996)

    /// Number of entity rows (`entities.csv` has exactly this many data rows).
    public let entities: Int
    public let seed: UInt64
    /// The date the dataset is "as of": ages, event and action dates are relative to it.
    public let referenceDate: Day

    /// Describes a world; nothing is generated until ``write(to:)``.
    ///
    /// - Throws: ``SampleError`` with code ``SampleError/Code/tooFewEntities`` when `entities`
    ///   is below ``minimumEntities``.
    public init(entities: Int, seed: UInt64, referenceDate: Day = SampleWorld.defaultReferenceDate)
        throws(SampleError)
    {
        guard entities >= Self.minimumEntities else { throw .tooFewEntities(entities) }
        self.entities = entities
        self.seed = seed
        self.referenceDate = referenceDate
    }

    /// Generates the world and writes its files into `directory`.
    ///
    /// The folder is created with mode 0700 if missing. Each file is written under a temporary
    /// name with mode 0600 and renamed into place only once all four are complete, so a failure
    /// leaves any earlier files as they were.
    ///
    /// - Throws: ``SampleError`` with code ``SampleError/Code/outputNotWritable``, naming the path.
    public func write(to directory: String) throws(SampleError) -> SampleSummary {
        try OutputFolder.prepare(directory)
        let plan = WorldPlan(entities: entities, seed: seed, referenceDate: referenceDate)
        var entityRows = EntityRows(plan: plan)
        var linkRows = LinkRows(plan: plan)
        var eventRows = EventRows(plan: plan)
        var files: [CSVWriter] = []
        do throws(SampleError) {
            files.append(
                try Self.writeFile(directory, "entities.csv", header: EntityRows.header) { writer throws(SampleError) in
                    try entityRows.write(to: &writer)
                })
            files.append(
                try Self.writeFile(directory, "links.csv", header: LinkRows.header) { writer throws(SampleError) in
                    try linkRows.write(to: &writer)
                })
            files.append(
                try Self.writeFile(directory, "events.csv", header: EventRows.eventHeader) {
                    writer throws(SampleError) in
                    try eventRows.writeEvents(to: &writer)
                })
            files.append(
                try Self.writeFile(directory, "actions.csv", header: EventRows.actionHeader) {
                    writer throws(SampleError) in
                    try eventRows.writeActions(to: &writer)
                })
            for file in files { try file.commit() }
        } catch {
            for index in files.indices { files[index].abandon() }
            throw error
        }
        return summary(
            directory: directory, plan: plan, files: files, entityRows: entityRows, linkRows: linkRows,
            eventRows: eventRows)
    }

    /// Writes one file under its temporary name; on failure removes it.
    private static func writeFile(
        _ directory: String, _ name: String, header: [String], _ body: (inout CSVWriter) throws(SampleError) -> Void
    ) throws(SampleError) -> CSVWriter {
        var writer = try CSVWriter(directory: directory, name: name, header: header)
        do throws(SampleError) {
            try body(&writer)
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        return writer
    }

    private func summary(
        directory: String, plan: WorldPlan, files: [CSVWriter], entityRows: EntityRows, linkRows: LinkRows,
        eventRows: EventRows
    ) -> SampleSummary {
        let names = ["entities.csv", "links.csv", "events.csv", "actions.csv"]
        func byName<Kind: CaseIterable & CustomStringConvertible>(_ counts: [Int], _: Kind.Type) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: zip(Kind.allCases.map(\.description), counts).filter { $0.1 > 0 })
        }
        return SampleSummary(
            directory: directory, seed: seed, referenceDate: referenceDate, wards: plan.wardCount,
            rows: Dictionary(uniqueKeysWithValues: zip(names, files.map(\.rows))),
            entityKinds: Dictionary(uniqueKeysWithValues: entityRows.kinds.map { ($0.key.name, $0.value) }),
            locationCategories: Dictionary(uniqueKeysWithValues: entityRows.categories.map { ($0.key.name, $0.value) }),
            linkKinds: byName(linkRows.counts, LinkKind.self), linksGradedE: linkRows.gradedE,
            eventKinds: byName(eventRows.eventCounts, EventKind.self),
            actionKinds: byName(eventRows.actionCounts, ActionKind.self))
    }
}
