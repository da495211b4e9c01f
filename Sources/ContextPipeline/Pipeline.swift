import ContextAnalysis
public import ContextIngest
import ContextMaps
public import ContextModel
import ContextPrivacy
import ContextReports
import Foundation
public import Logging

/// What a run is asked to do.
public struct RunRequest: Sendable {
    public var dataFolder: String
    public var outputFolder: String
    public var configuration: RunConfiguration
    /// The configuration file's path, recorded in the manifest (`nil`: built-in defaults).
    public var configurationFile: String?
    /// Where the previous run's `network.json` is read from (cluster identities, changes);
    /// `nil`: the output folder itself. The service writes each run into a new folder.
    public var previousOutputFolder: String? = nil

    public init(dataFolder: String, outputFolder: String, configuration: RunConfiguration, configurationFile: String?) {
        self.dataFolder = dataFolder
        self.outputFolder = outputFolder
        self.configuration = configuration
        self.configurationFile = configurationFile
    }
}

/// What a run did.
public struct RunResult: Sendable {
    public let manifest: Manifest
    public let report: ValidationReport
    /// Paths written, relative to the output folder, the manifest last.
    public let outputs: [String]
    /// What the history said: the earlier run compared with, or that there is none yet.
    public var history: String = ""
    /// Why the run's scores could not be recorded in the history after its outputs were
    /// committed (the outputs are in place; the next run compares with an older one); `nil` when
    /// they were recorded.
    public var historyNotRecorded: String? = nil
}

/// One run, end to end: load and validate, analyse, render, report, and commit the outputs
/// atomically. Nothing is written unless every earlier stage succeeded.
///
/// Logs carry counts, file names, stage names and durations only; never an id, label or note.
public struct Pipeline: Sendable {
    public static let toolVersion = "0.1.0"
    public let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Loads and validates a dataset, logging what was read.
    public func load(
        dataFolder: String, policy: ValidationPolicy, limits: IngestLimits = IngestLimits()
    ) throws(IngestError) -> LoadedDataset {
        let dataset = try DatasetLoader(policy: policy, limits: limits).load(folder: dataFolder)
        logger.info(
            "dataset loaded",
            metadata: [
                "entities": "\(dataset.graph.entities.count)", "links": "\(dataset.graph.links.count)",
                "events": "\(dataset.graph.events.count)", "actions": "\(dataset.graph.actions.count)",
                "warnings": "\(dataset.report.warnings.count)", "rows.set_aside": "\(dataset.report.setAside.count)",
            ])
        return dataset
    }

    /// Runs the whole job.
    ///
    /// - Throws: ``IngestError`` (input missing, refused, or data rejected: nothing written),
    ///   ``PipelineError`` (outputs cannot be created, rendering failed: nothing written).
    public func run(_ request: RunRequest) async throws -> RunResult {
        let startedAt = Date()
        var prepared = try prepare(request)
        let request = prepared.request
        let config = request.configuration
        let (asOf, dataset, analysis) = (prepared.asOf, prepared.dataset, prepared.analysis)
        let graph = dataset.graph
        let previous = prepared.previous
        let changes = analysis.clusterChanges

        var transaction = OutputTransaction(folder: request.outputFolder)
        let mapRenderer = MapRenderer(
            cacheFolder: config.maps.cache
                ? config.state.folder(forOutput: request.outputFolder) + "/map-cache" : nil)
        let jobs = try mapJobs(dataset: dataset, analysis: analysis, request: request)
        let maps = try await prepared.timings.measure("render") { () async throws(PipelineError) -> RenderedMaps in
            try await mapRenderer.render(jobs)
        }
        for (path, bytes) in maps.files { transaction.add(path, bytes) }
        logger.info(
            "maps drawn",
            metadata: ["maps": "\(jobs.count)", "maps.rendered": "\(maps.rendered)", "maps.reused": "\(maps.reused)"])
        let (history, pastRuns) = try openHistory(for: request, asOfAtMost: asOf)
        let readerReports = try prepared.timings.measure("report.readers") {
            try everyRunReports(dataset: dataset, analysis: analysis, settings: config.reports, history: pastRuns)
        }
        for (path, bytes) in readerReports.files { transaction.add(path, bytes) }
        try prepared.timings.measure("report") {
            transaction.add("people.csv", PeopleTable.csv(graph: graph, analysis: analysis))
            transaction.add(
                "network.json",
                try ReportEncoding.json(
                    NetworkReport(graph: graph, analysis: analysis, clusterChanges: changes, previous: previous)))
        }
        let outputs = transaction.staged.map {
            Manifest.Output(path: $0.path, bytes: $0.bytes.count, sha256: InputFingerprint.sha256Hex($0.bytes))
        }
        let manifestName = "manifest.json"
        let manifest = makeManifest(
            request: request, dataset: dataset, asOf: asOf, startedAt: startedAt, outputs: outputs,
            timings: prepared.timings)
        transaction.add(manifestName, try ReportEncoding.json(manifest))
        let clock = ContinuousClock()
        let writeStart = clock.now
        try transaction.commit(last: manifestName)
        mapRenderer.update(with: maps)
        let historyNotRecorded = recordHistoryAfterCommit {
            () throws(PipelineError) in
            try recordHistory(
                history, kind: "run", analysis: analysis, schools: readerReports.schools, request: request,
                graph: graph)
        }
        logger.info(
            "outputs written",
            metadata: [
                "output.files": "\(outputs.count + 1)",
                "stage.seconds": "\((clock.now - writeStart).components.seconds)",
            ])
        return RunResult(
            manifest: manifest, report: dataset.report, outputs: outputs.map(\.path) + [manifestName],
            history: Self.historyNote(pastRuns, asOf: asOf), historyNotRecorded: historyNotRecorded)
    }

    /// The maps of a run: the overview and one map per cluster, identified and (when configured)
    /// pseudonymised under `maps/pseudonymised/`. Cluster map names are the clusters' stable ids,
    /// which the program makes (`K-` and hexadecimal), never data.
    private func mapJobs(dataset: LoadedDataset, analysis: Analysis, request: RunRequest) throws(PipelineError)
        -> [MapJob]
    {
        let config = request.configuration
        var namings: [(folder: String, naming: MapNaming)] = [("maps", .identified(dataset.personal))]
        if config.maps.pseudonymised {
            namings.append(("maps/pseudonymised", .pseudonymised(try pseudonymiser(config, request.outputFolder))))
        }
        return namings.flatMap { folder, naming in
            runMaps(
                MapData(graph: dataset.graph, analysis: analysis, naming: naming, settings: config.maps.map),
                folder: folder, config: config)
        }
    }

    /// A run's maps in one naming: the overview (if enabled) and each cluster's map (if enabled),
    /// in the configured formats unless `formats` is given.
    func runMaps(_ data: MapData, folder: String, config: RunConfiguration, formats: [MapFormat] = []) -> [MapJob] {
        func chosen(_ configured: [MapFormat]) -> [MapFormat] { formats.isEmpty ? configured : formats }
        var jobs: [MapJob] = []
        if config.overview.enabled {
            let overview = OverviewMap(
                maxNodes: config.overview.maxNodes, engine: config.overview.engine, style: config.maps.map.style)
            jobs.append(
                MapJob(
                    path: folder + "/overview", spec: overview.spec(data: data),
                    formats: chosen(config.overview.formats)))
        }
        guard config.maps.clusters else { return jobs }
        for cluster in data.analysis.clusters.clusters {
            jobs.append(
                MapJob(
                    path: folder + "/clusters/" + cluster.stableID, spec: ClusterMap.spec(of: cluster, data: data),
                    formats: chosen(config.maps.clusterFormats)))
        }
        return jobs
    }

    private func makeManifest(
        request: RunRequest, dataset: LoadedDataset, asOf: Day, startedAt: Date, outputs: [Manifest.Output],
        timings: StageTimings
    ) -> Manifest {
        let config = request.configuration
        let graph = dataset.graph
        var byKind: [String: Int] = [:]
        for kind in graph.entities.kinds { byKind[kind.name, default: 0] += 1 }
        let gradedE = (0..<graph.links.count).reduce(0) {
            $0 + (graph.links.grading($1)?.isSuspectedFalse == true ? 1 : 0)
        }
        let formatter = ISO8601DateFormatter()
        return Manifest(
            schemaVersion: ReportEncoding.schemaVersion,
            tool: .init(name: "contextd", version: Self.toolVersion),
            marking: "OFFICIAL-SENSITIVE",
            startedAt: formatter.string(from: startedAt),
            asOf: asOf.description,
            configurationFile: request.configurationFile,
            configuration: config.values,
            inputs: dataset.report.files,
            counts: .init(
                entities: graph.entities.count, entitiesByKind: byKind, links: graph.links.count, linksGradedE: gradedE,
                events: graph.events.count, actions: graph.actions.count),
            warningCount: dataset.report.warnings.count,
            warnings: dataset.report.warnings.map(\.description),
            rowsSetAside: dataset.report.setAside,
            outputs: outputs,
            stages: timings.stages)
    }

    /// Today's date in UTC.
    public static func today() -> Day {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(rawValue: Int32(seconds / 86_400))
    }
}
