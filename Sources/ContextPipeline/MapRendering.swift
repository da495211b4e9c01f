import ContextFiles
import ContextIngest
public import ContextMaps
import Foundation

/// One map to draw: where its files go (without extension), what it shows, in which formats.
public struct MapJob: Sendable {
    /// Output path without extension, made by the program (`maps/clusters/K-…`), never from data.
    public var path: String
    public var spec: MapSpec
    public var formats: [MapFormat]

    public init(path: String, spec: MapSpec, formats: [MapFormat]) {
        self.path = path
        self.spec = spec
        self.formats = formats
    }
}

/// What rendering a set of maps produced.
public struct RenderedMaps: Sendable {
    /// `(path with extension, bytes)` in job order.
    public var files: [(path: String, bytes: [UInt8])] = []
    /// Maps laid out by Graphviz in this call.
    public var rendered = 0
    /// Maps whose content had not changed, taken from the cache.
    public var reused = 0
    /// Cache file names of every map of the call (kept by ``MapRenderer/update(with:prune:)``).
    var used: [String] = []
    /// Maps laid out in this call, by cache file name, to store once the outputs are committed.
    var fresh: [(name: String, bytes: [UInt8])] = []
}

/// Renders maps through the one ``GraphvizRenderer``, skipping those whose content has not
/// changed since they were last drawn.
///
/// A map's content hash is SHA-256 over its canonical JSON description (nodes, labels, tooltips,
/// edges, groups, title, engine and style), the format, the Graphviz build's version and the
/// drawing rules a spec does not carry (the key text): the same hash means the same picture.
/// Rendered files are kept in `<state folder>/map-cache/` (folder `0700`, files `0600`, written
/// temp-fsync-rename), named by hash, and stored only once the outputs are committed. After a
/// run, the entries it did not use are removed, so the cache holds about one run's maps, not a
/// growing history of names; `contextd map` only adds to it.
public struct MapRenderer: Sendable {
    /// The cache folder, or `nil` to render every map.
    public let cacheFolder: String?

    public init(cacheFolder: String?) {
        self.cacheFolder = cacheFolder
    }

    /// Renders (or reuses) every job.
    ///
    /// - Throws: ``PipelineError`` (`renderFailed`) naming the map's path when Graphviz fails.
    public func render(_ jobs: [MapJob]) async throws(PipelineError) -> RenderedMaps {
        var result = RenderedMaps()
        let version: String
        do {
            version = try await GraphvizRenderer.shared.version()
        } catch {
            throw PipelineError(.renderFailed, "Graphviz cannot be used: \(error)")
        }
        let cache = cacheFolder.flatMap { try? Folder.open($0) }
        for job in jobs {
            let names = Self.cacheNames(of: job, graphvizVersion: version)
            result.used += names ?? []
            if let cache, let names,
                case let cached = names.compactMap({ Self.readFile($0, in: cache) }),
                cached.count == names.count
            {
                for (format, bytes) in zip(job.formats, cached) {
                    result.files.append((job.path + "." + format.fileExtension, bytes))
                }
                result.reused += 1
                continue
            }
            let rendered: [MapFormat: [UInt8]]
            do {
                rendered = try await GraphvizRenderer.shared.render(job.spec, formats: job.formats)
            } catch {
                throw PipelineError(.renderFailed, "map '\(job.path)' could not be rendered: \(error)")
            }
            result.rendered += 1
            for (number, format) in job.formats.enumerated() {
                guard let bytes = rendered[format] else { continue }
                result.files.append((job.path + "." + format.fileExtension, bytes))
                if let names { result.fresh.append((names[number], bytes)) }
            }
        }
        return result
    }

    /// Stores the maps laid out by ``render(_:)`` and, with `prune`, removes the entries it did
    /// not use. Called only after the outputs are committed, so a failed run leaves the cache as
    /// it was. A run prunes; `contextd map` only adds, so drawing one child's map does not throw
    /// away the run's cluster maps.
    public func update(with rendered: RenderedMaps, prune: Bool = true) {
        guard let cacheFolder, let cache = try? Folder.create(cacheFolder).folder else { return }
        for (name, bytes) in rendered.fresh { try? cache.write(name, bytes) }
        guard prune else { return }
        let keep = Set(rendered.used)
        for entry in (try? cache.entries()) ?? [] where !keep.contains(entry.name) { try? cache.remove(entry.name) }
    }

    /// The cache file name of each of a job's formats: content hash and extension.
    static func cacheNames(of job: MapJob, graphvizVersion: String) -> [String]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let description = try? encoder.encode(job.spec) else { return nil }
        return job.formats.map { format in
            let salt = Array("|\(format)|\(graphvizVersion)|\(cacheVersion)|\(MapStyle.drawingSignature)".utf8)
            return InputFingerprint.sha256Hex([UInt8](description) + salt) + "." + format.fileExtension
        }
    }

    /// Changes whenever the drawing code changes in a way a spec does not show.
    static let cacheVersion = "contextd-maps-1"

    /// A cache entry, or `nil` when it is missing or unusable (it is then rendered again).
    static func readFile(_ name: String, in cache: Folder) -> [UInt8]? {
        (try? cache.openFile(name).read())?.bytes
    }
}
