import ContextAnalysis
import ContextIngest
public import ContextMaps
import ContextModel
import ContextPrivacy
import ContextReports
import Foundation
import Logging

/// What `contextd map` is asked to draw.
public struct MapRequest: Sendable {
    public enum Subject: Sendable, Equatable {
        /// A child's (or any person's) own network, the person at the centre.
        case child(String)
        /// Everyone and everything around a location, school or group.
        case context(String)
        /// One concern cluster, by its stable id (`K-…`, as in network.json).
        case cluster(String)
        /// The overview and every cluster map, as a run draws them (as configured).
        case all
        /// The legend alone (`maps/legend.*`): no data on it.
        case legend
    }

    public var dataFolder: String
    public var outputFolder: String
    public var configuration: RunConfiguration
    /// What to draw; a map per subject, in order.
    public var subjects: [Subject]
    /// Only the pseudonymised variant (`true`), or only the identified one (`false`).
    public var pseudonymise: Bool
    /// Formats; empty: the configuration's.
    public var formats: [MapFormat]
    /// Scale each map down to fit a square of this many inches (`nil`: natural size).
    public var fitInches: Double?

    public init(
        dataFolder: String, outputFolder: String, configuration: RunConfiguration, subjects: [Subject],
        pseudonymise: Bool, formats: [MapFormat] = []
    ) {
        self.dataFolder = dataFolder
        self.outputFolder = outputFolder
        self.configuration = configuration
        self.subjects = subjects
        self.pseudonymise = pseudonymise
        self.formats = formats
    }
}

extension Pipeline {
    /// Draws the maps of a ``MapRequest`` into `maps/` of the output folder, atomically.
    ///
    /// A focus map's file name is a keyed token of the subject's id
    /// (`maps/child-<token>.svg`), so the id never becomes a path and cannot be confirmed from
    /// the name without the key. Cluster ids in the output folder's network.json are adopted, so
    /// `--cluster` takes the ids the last run printed.
    ///
    /// - Returns: the paths written, relative to the output folder.
    public func drawMaps(_ request: MapRequest) async throws -> (paths: [String], rendered: RenderedMaps) {
        let prepared = try prepare(
            RunRequest(
                dataFolder: request.dataFolder, outputFolder: request.outputFolder,
                configuration: request.configuration, configurationFile: nil))
        let config = prepared.configuration
        let (asOf, graph, analysis, dataset) = (prepared.asOf, prepared.graph, prepared.analysis, prepared.dataset)

        let pseudonymiser = try pseudonymiser(config, request.outputFolder)
        let naming: MapNaming = request.pseudonymise ? .pseudonymised(pseudonymiser) : .identified(dataset.personal)
        let folder = request.pseudonymise ? "maps/pseudonymised" : "maps"
        let data = MapData(graph: graph, analysis: analysis, naming: naming, settings: config.maps.map)
        func formats(_ configured: [MapFormat]) -> [MapFormat] {
            request.formats.isEmpty ? configured : request.formats
        }
        var jobs: [MapJob] = []
        for subject in request.subjects {
            switch subject {
            case .child(let id), .context(let id):
                let isChild = subject == .child(id)
                let entity = try entity(
                    id, in: graph, kinds: isChild ? [.child, .peer, .perpetrator] : [.location, .school, .group],
                    option: isChild ? "--child" : "--context")
                let name = (isChild ? "child-" : "context-") + pseudonymiser.token(domain: "map-file", value: id)
                jobs.append(
                    MapJob(
                        path: folder + "/" + name,
                        spec: FocusMap.spec(of: isChild ? .child(entity) : .context(entity), data: data),
                        formats: formats(config.maps.focusFormats)))
            case .cluster(let stableID):
                guard let cluster = analysis.clusters.clusters.first(where: { $0.stableID == stableID }) else {
                    throw PipelineError(
                        .subjectUnknown,
                        "--cluster: no concern cluster '\(stableID)' as of \(asOf) (cluster ids are listed in network.json)"
                    )
                }
                jobs.append(
                    MapJob(
                        path: folder + "/clusters/" + cluster.stableID, spec: ClusterMap.spec(of: cluster, data: data),
                        formats: formats(config.maps.clusterFormats)))
            case .legend:
                jobs.append(
                    MapJob(
                        path: "maps/legend", spec: .legendOnly(asOf: asOf), formats: formats(config.overview.formats)))
            case .all:
                jobs += runMaps(data, folder: folder, config: config, formats: request.formats)
            }
        }
        if let inches = request.fitInches {
            for index in jobs.indices { jobs[index].spec.fitInches = inches }
        }
        let renderer = MapRenderer(
            cacheFolder: config.maps.cache ? config.state.folder(forOutput: request.outputFolder) + "/map-cache" : nil)
        let clock = ContinuousClock()
        let renderStart = clock.now
        let rendered = try await renderer.render(jobs)
        let renderSeconds = (clock.now - renderStart) / .seconds(1)
        var transaction = OutputTransaction(folder: request.outputFolder)
        for (path, bytes) in rendered.files { transaction.add(path, bytes) }
        Self.updateManifest(in: &transaction)
        try transaction.commit()
        renderer.update(with: rendered, prune: false)
        logger.info(
            "maps drawn",
            metadata: [
                "maps": "\(jobs.count)", "maps.rendered": "\(rendered.rendered)", "maps.reused": "\(rendered.reused)",
                "render.seconds": "\(renderSeconds)",
            ])
        return (rendered.files.map(\.path), rendered)
    }

    private func entity(_ id: String, in graph: ContextGraph, kinds: [EntityKind], option: String)
        throws(PipelineError) -> EntityIndex
    {
        guard let entity = graph.index(of: id) else {
            throw PipelineError(.subjectUnknown, "\(option): no entity with that id in the data")
        }
        let kind = graph.entities.kinds[entity.int]
        guard kinds.contains(kind) else {
            let names = kinds.map(\.name).joined(separator: ", ")
            throw PipelineError(.subjectUnknown, "\(option): the entity is a \(kind.name); expected one of: \(names)")
        }
        return entity
    }
}
