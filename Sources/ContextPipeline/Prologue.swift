public import ContextAnalysis
import ContextFiles
public import ContextIngest
public import ContextModel
import ContextPrivacy
public import ContextReports
import Foundation
import Logging

/// A run made ready: the dataset loaded, its identities settled (the as-of date, the previous
/// run's clusters) and analysed with them.
///
/// Every command that analyses a dataset (`run`, `map`, `report`, and the service's jobs) starts
/// with ``Pipeline/prepare(_:)``, so cluster ids, the as-of date and pseudonyms (one key,
/// ``Pipeline/pseudonymiser(_:_:)``) are the same whichever command wrote an output, and every id
/// written anywhere, text included, is an id of this run. `explain` needs no analysis: it
/// settles the as-of date the same way (``Pipeline/settled(_:)``).
public struct PreparedRun: Sendable {
    /// The request, its configuration completed: `as_of` is the date the run uses.
    public let request: RunRequest
    public let asOf: Day
    public let dataset: LoadedDataset
    /// The previous run's report (clusters, contexts, children), if one could be read.
    public let previous: ChangeReport.Previous?
    /// The analysis, cluster ids carried over from ``previous``.
    public let analysis: Analysis
    /// Seconds per stage so far (load and its steps, analysis stages).
    public internal(set) var timings: StageTimings

    public var configuration: RunConfiguration { request.configuration }
    public var graph: ContextGraph { dataset.graph }
}

extension Pipeline {
    /// The prologue shared by every command: loads and validates the dataset, settles the as-of
    /// date (the configuration's, else today in UTC), reads the previous run's clusters (from
    /// ``RunRequest/previousOutputFolder``, else the output folder's `network.json`) and analyses
    /// the data with them, so that identities are settled before any text is written.
    ///
    /// - Throws: ``IngestError`` (input missing, refused or rejected), `CancellationError`.
    public func prepare(_ request: RunRequest) throws -> PreparedRun {
        try Self.refuseLinkedStateFolder(request)
        let settled = Self.settled(request)
        let config = settled.configuration
        let asOf = config.asOf ?? Self.today()
        var timings = StageTimings()
        let dataset = try timings.measure("load") { () throws(IngestError) -> LoadedDataset in
            try load(dataFolder: request.dataFolder, policy: config.policy, limits: config.limits)
        }
        timings.record("load.read", seconds: dataset.timings.read)
        timings.record("load.fingerprint", seconds: dataset.timings.fingerprint)
        timings.record("load.validate", seconds: dataset.timings.validate)
        timings.record("load.freeze", seconds: dataset.timings.freeze)
        let previous = FileManager.default.contents(
            atPath: (request.previousOutputFolder ?? request.outputFolder) + "/network.json"
        )
        .flatMap { ChangeReport.Previous.read([UInt8]($0)) }
        let analysis = try Analysis(
            dataset.graph, asOf: asOf, settings: config.analysis,
            previousClusters: previous?.clusterIdentities ?? [])
        timings.record(analysis.timings, prefix: "analyse.")
        let changes = analysis.clusterChanges
        logger.info(
            "clusters found",
            metadata: [
                "clusters": "\(analysis.clusters.clusters.count)",
                "unclustered": "\(analysis.clusters.unclusteredSubjects.count)",
                "clusters.previous": "\(previous?.clusterIdentities.count ?? 0)",
                "clusters.new": "\(changes.new.count)",
                "clusters.dissolved": "\(changes.dissolved.count)",
            ])
        return PreparedRun(
            request: settled, asOf: asOf, dataset: dataset, previous: previous, analysis: analysis, timings: timings)
    }

    /// The default state folder (`OUT/.contextd-state`) is refused when it is a symbolic link:
    /// the key, the history and the map cache are never read or written through a link planted
    /// inside `--out`. (Checked when a command starts; the outputs themselves are written from
    /// folder descriptors, see ``OutputTransaction``.)
    static func refuseLinkedStateFolder(_ request: RunRequest) throws(PipelineError) {
        guard request.configuration.state.folder == nil, !request.outputFolder.isEmpty,
            let out = try? Folder.open(request.outputFolder)
        else { return }
        do {
            _ = try out.folder(".contextd-state")
        } catch  where error.code == .symbolicLink || error.code == .notAFolder {
            throw PipelineError(
                .outputNotCreatable,
                "\(request.outputFolder)/.contextd-state is not a folder contextd made (\(error.code)); "
                    + "refused, not followed: move it away and run again")
        } catch {
            return  // Missing: made when first needed.
        }
    }

    /// The request with its as-of date settled: the configuration's, else today (UTC). The
    /// manifest then records the date the run used, not an empty one.
    public static func settled(_ request: RunRequest) -> RunRequest {
        var settled = request
        if settled.configuration.asOf == nil { settled.configuration.asOf = today() }
        return settled
    }

    /// The run's pseudonymiser, its key read from (or created in) the configured key file: the
    /// one source of every pseudonym, on maps and in reports alike.
    func pseudonymiser(_ config: RunConfiguration, _ outputFolder: String) throws(PipelineError) -> Pseudonymiser {
        do {
            return try Pseudonymiser.loadOrCreate(keyFile: config.state.keyFile(forOutput: outputFolder))
        } catch {
            throw PipelineError(error.isCreationFailure ? .outputNotCreatable : .keyUnusable, error.description)
        }
    }
}

extension Pipeline {
    /// `contextd explain`: every link between two entities with its strength, factor by factor,
    /// as of the settled date, with the configuration's strength settings.
    ///
    /// - Throws: ``IngestError`` (data missing or rejected), ``PipelineError`` (`subjectUnknown`:
    ///   an id not in the data).
    public func explain(_ request: RunRequest, between a: String, and b: String, kind: LinkKind?) throws
        -> (asOf: Day, links: [StrengthModel.LinkExplanation])
    {
        let config = Self.settled(request).configuration
        let asOf = config.asOf ?? Self.today()
        let graph = try load(dataFolder: request.dataFolder, policy: config.policy, limits: config.limits).graph
        guard let first = graph.index(of: a), let second = graph.index(of: b) else {
            throw PipelineError(.subjectUnknown, "--link: no entity with id '\(graph.index(of: a) == nil ? a : b)'")
        }
        return (
            asOf, config.analysis.strength.explainLinks(between: first, and: second, in: graph, asOf: asOf, kind: kind)
        )
    }
}
