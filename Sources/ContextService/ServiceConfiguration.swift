public import ContextPipeline
public import Foundation
import Yams

/// The settings of `contextd serve`, read from their own YAML file (`Config/service.yaml` is the
/// documented example). It names the datasets to watch, the scheduled jobs, the status API, and
/// the run configuration (`run_config`) every run uses. Errors name the file, line, column and
/// key, as ``RunConfiguration``'s do (exit 78); a reload that meets one keeps the old settings.
public struct ServiceConfiguration: Sendable {
    /// A dataset folder and the folder its runs are written into.
    public struct Dataset: Sendable, Hashable {
        /// Name used in logs, metrics, `/status` and `POST /runs` (letters, digits, `-`, `_`).
        public var name: String
        public var dataFolder: String
        /// Holds `runs/<run id>/`, the `latest` link and, by default, the state folder.
        public var outputFolder: String
        /// Whether changes to the data folder start a run.
        public var watch: Bool
        /// Validation reports, job records (`<out>/.contextd-state` unless `state_folder` says).
        public var stateFolder: String
        /// A file the producer writes into the data folder once a delivery is complete
        /// (`ready_marker`): when set, a run waits until it exists and is at least as new as every
        /// data file. `nil`: the quiet period alone decides.
        public var readyMarker: String? = nil
    }

    /// What a job produces.
    public enum JobKind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A full run: maps, network report, people table.
        case run
        /// The school risk indicator (issue 5); see ``JobWork``.
        case schools
        /// The board summary for the previous calendar month (issue 5); see ``JobWork``.
        case board
    }

    /// A scheduled job.
    public struct Job: Sendable, Hashable {
        public var name: String
        public var schedule: CronSchedule
        public var kind: JobKind
        public var dataset: String
    }

    /// How folders are watched.
    public enum WatchMode: String, Sendable, Hashable {
        /// inotify where it works, polling where it does not.
        case auto
        case inotify
        case poll
    }

    /// The status API.
    public struct Status: Sendable, Hashable {
        public var enabled: Bool
        public var listen: String
        /// 0 picks a free port (written to `port_file` and logged).
        public var port: Int
        public var tokenFile: String?
        public var portFile: String?
        /// The bearer token read from `tokenFile`, if any.
        var token: String?
        /// Open connections at most; a new one beyond it closes the connection idle longest.
        public var maxConnections: Int = 256
        /// Seconds from a connection's opening to a complete request head.
        public var headerTimeoutSeconds: Double = 10
        /// Seconds a connection may stay open with no request in progress.
        public var idleTimeoutSeconds: Double = 60

        public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(listen) }

        /// The settings of the listener (and of its access rules) that differ between `self` and
        /// `other`, as configuration keys. A reload changing any of them is refused whole: the
        /// socket bound and the token checked always come from the same configuration.
        func listenerChanges(to other: Status) -> [String] {
            var keys: [String] = []
            if enabled != other.enabled { keys.append("status.enabled") }
            if listen != other.listen { keys.append("status.listen") }
            if port != other.port { keys.append("status.port") }
            if tokenFile != other.tokenFile || token != other.token { keys.append("status.token_file") }
            if portFile != other.portFile { keys.append("status.port_file") }
            if maxConnections != other.maxConnections { keys.append("status.max_connections") }
            if headerTimeoutSeconds != other.headerTimeoutSeconds { keys.append("status.header_timeout_seconds") }
            if idleTimeoutSeconds != other.idleTimeoutSeconds { keys.append("status.idle_timeout_seconds") }
            return keys
        }
    }

    /// The file this configuration came from.
    public var file: String
    /// The run configuration file (`nil`: built-in defaults) and its contents.
    public var runConfigurationFile: String?
    public var runConfiguration: RunConfiguration
    public var datasets: [Dataset]
    public var jobs: [Job]
    /// Seconds the files of a dataset must stay unchanged before a run starts.
    public var quietSeconds: Double
    public var watchMode: WatchMode
    /// Polling interval when polling.
    public var pollSeconds: Double
    /// Time zone of the cron schedules.
    public var timeZone: TimeZone
    /// Complete past runs kept per dataset (the `latest` one always is).
    public var keepRuns: Int
    public var status: Status

    public func dataset(named name: String) -> Dataset? { datasets.first { $0.name == name } }

    /// Reads a service configuration file and the run configuration it names.
    ///
    /// - Throws: ``ConfigurationError`` for the service file or the run configuration.
    public static func load(path: String) throws(ConfigurationError) -> ServiceConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, key: "", "configuration file cannot be read (missing or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, key: "", "configuration file is not valid UTF-8")
        }
        var config = try parse(yaml: text, file: path)
        if let runFile = config.runConfigurationFile {
            config.runConfiguration = try RunConfiguration.load(path: runFile)
        }
        if let tokenFile = config.status.tokenFile {
            config.status.token = try readToken(tokenFile, configFile: path)
        }
        return config
    }

    /// Parses service configuration text; relative paths are taken from the file's folder. Does
    /// not read the run configuration or the token file (``load(path:)`` does).
    public static func parse(yaml text: String, file: String) throws(ConfigurationError) -> ServiceConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, key: "", "not valid YAML: \(error)")
        }
        guard let root else { throw ConfigurationError(file: file, key: "", "empty; at least 'datasets' is needed") }
        let base = (file as NSString).deletingLastPathComponent
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || base.isEmpty ? path : base + "/" + path
        }
        let reader = ConfigReader(file: file, requireNonEmpty: true)
        let top = try reader.mapping(
            root, "",
            allowed: [
                "run_config", "datasets", "jobs", "quiet_seconds", "watch", "timezone", "keep_runs", "status",
            ])
        var config = ServiceConfiguration(
            file: file, runConfigurationFile: nil, runConfiguration: RunConfiguration(), datasets: [], jobs: [],
            quietSeconds: 30, watchMode: .auto, pollSeconds: 10,
            timeZone: TimeZone(identifier: "Europe/London") ?? .gmt, keepRuns: 10,
            status: Status(enabled: true, listen: "127.0.0.1", port: 9464, tokenFile: nil, portFile: nil))
        if let node = top["run_config"], !reader.isNull(node) {
            config.runConfigurationFile = resolve(try reader.string(node, "run_config"))
        }
        if let node = top["quiet_seconds"] {
            config.quietSeconds = try reader.double(node, "quiet_seconds", in: 0...86_400)
        }
        if let node = top["keep_runs"] { config.keepRuns = try reader.int(node, "keep_runs", in: 1...10_000) }
        if let node = top["timezone"] {
            let name = try reader.string(node, "timezone")
            guard let zone = TimeZone(identifier: name) else {
                throw reader.error(node, "timezone", "'\(name)' is not a time zone name (e.g. Europe/London)")
            }
            config.timeZone = zone
        }
        if let node = top["watch"] {
            let section = try reader.mapping(node, "watch", allowed: ["mode", "poll_seconds"])
            if let node = section["mode"] {
                config.watchMode =
                    WatchMode(rawValue: try reader.oneOf(node, "watch.mode", ["auto", "inotify", "poll"]))
                    ?? .auto
            }
            if let node = section["poll_seconds"] {
                config.pollSeconds = try reader.double(node, "watch.poll_seconds", in: 0.05...3600)
            }
        }
        guard let datasetsNode = top["datasets"] else {
            throw ConfigurationError(file: file, key: "datasets", "required: a list of {name, data, out}")
        }
        for (index, node) in try reader.sequence(datasetsNode, "datasets").enumerated() {
            let key = "datasets[\(index)]"
            let section = try reader.mapping(
                node, key, allowed: ["name", "data", "out", "watch", "state_folder", "ready_marker"])
            let name = try reader.name(section, "name", key, node)
            guard config.dataset(named: name) == nil else {
                throw reader.error(node, key + ".name", "dataset '\(name)' is named twice")
            }
            guard let data = section["data"], let out = section["out"] else {
                throw reader.error(node, key, "needs 'data' (dataset folder) and 'out' (output folder)")
            }
            let outputFolder = resolve(try reader.string(out, key + ".out"))
            var stateFolder = outputFolder + "/.contextd-state"
            if let node = section["state_folder"] {
                stateFolder = resolve(try reader.string(node, key + ".state_folder"))
            }
            var watch = true
            if let node = section["watch"] { watch = try reader.bool(node, key + ".watch") }
            var readyMarker: String?
            if let node = section["ready_marker"], !reader.isNull(node) {
                let marker = try reader.string(node, key + ".ready_marker")
                guard !marker.isEmpty, !marker.contains("/"), marker != ".", marker != ".." else {
                    throw reader.error(node, key + ".ready_marker", "must be a file name inside the data folder")
                }
                readyMarker = marker
            }
            config.datasets.append(
                Dataset(
                    name: name, dataFolder: resolve(try reader.string(data, key + ".data")), outputFolder: outputFolder,
                    watch: watch, stateFolder: stateFolder, readyMarker: readyMarker))
        }
        guard !config.datasets.isEmpty else {
            throw reader.error(datasetsNode, "datasets", "must name at least one dataset")
        }
        let outputs = config.datasets.map(\.outputFolder)
        guard Set(outputs).count == outputs.count else {
            throw reader.error(datasetsNode, "datasets", "two datasets share an output folder")
        }
        if let jobsNode = top["jobs"], !reader.isNull(jobsNode) {
            for (index, node) in try reader.sequence(jobsNode, "jobs").enumerated() {
                let key = "jobs[\(index)]"
                let section = try reader.mapping(node, key, allowed: ["name", "cron", "kind", "dataset"])
                let name = try reader.name(section, "name", key, node)
                guard !config.jobs.contains(where: { $0.name == name }) else {
                    throw reader.error(node, key + ".name", "job '\(name)' is named twice")
                }
                guard let cronNode = section["cron"] else { throw reader.error(node, key, "needs 'cron'") }
                let expression = try reader.string(cronNode, key + ".cron")
                let schedule: CronSchedule
                do throws(CronSchedule.ParseError) {
                    schedule = try CronSchedule(parsing: expression)
                } catch {
                    throw reader.error(cronNode, key + ".cron", error.description)
                }
                var kind = JobKind.run
                if let node = section["kind"] {
                    kind =
                        JobKind(rawValue: try reader.oneOf(node, key + ".kind", JobKind.allCases.map(\.rawValue)))
                        ?? .run
                }
                var dataset = config.datasets[0].name
                if let node = section["dataset"] {
                    dataset = try reader.oneOf(node, key + ".dataset", config.datasets.map(\.name))
                } else if config.datasets.count > 1 {
                    throw reader.error(node, key, "needs 'dataset' when more than one dataset is configured")
                }
                config.jobs.append(Job(name: name, schedule: schedule, kind: kind, dataset: dataset))
            }
        }
        if let node = top["status"] {
            let section = try reader.mapping(
                node, "status",
                allowed: [
                    "enabled", "listen", "port", "token_file", "port_file", "max_connections",
                    "header_timeout_seconds", "idle_timeout_seconds",
                ])
            if let node = section["enabled"] { config.status.enabled = try reader.bool(node, "status.enabled") }
            if let node = section["listen"] { config.status.listen = try reader.string(node, "status.listen") }
            if let node = section["port"] { config.status.port = try reader.int(node, "status.port", in: 0...65_535) }
            if let node = section["token_file"], !reader.isNull(node) {
                config.status.tokenFile = resolve(try reader.string(node, "status.token_file"))
            }
            if let node = section["port_file"], !reader.isNull(node) {
                config.status.portFile = resolve(try reader.string(node, "status.port_file"))
            }
            if let node = section["max_connections"] {
                config.status.maxConnections = try reader.int(node, "status.max_connections", in: 4...65_536)
            }
            if let node = section["header_timeout_seconds"] {
                config.status.headerTimeoutSeconds = try reader.double(
                    node, "status.header_timeout_seconds", in: 0.1...3600)
            }
            if let node = section["idle_timeout_seconds"] {
                config.status.idleTimeoutSeconds = try reader.double(
                    node, "status.idle_timeout_seconds", in: 0.1...86_400)
            }
            if config.status.enabled && !config.status.isLoopback && config.status.tokenFile == nil {
                throw reader.error(
                    node, "status.token_file",
                    "required when status.listen is not a loopback address ('\(config.status.listen)')")
            }
        }
        return config
    }

    /// Reads a bearer token: the file's first line, at least 16 characters, and the file must not
    /// be readable by group or others.
    static func readToken(_ path: String, configFile: String) throws(ConfigurationError) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let data = FileManager.default.contents(atPath: path)
        else {
            throw ConfigurationError(file: configFile, key: "status.token_file", "'\(path)' cannot be read")
        }
        guard ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777) & 0o077 == 0 else {
            throw ConfigurationError(
                file: configFile, key: "status.token_file",
                "'\(path)' is readable by others; make it owner-only (chmod 600)")
        }
        let token = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let token, token.count >= 16 else {
            throw ConfigurationError(
                file: configFile, key: "status.token_file", "'\(path)' must hold a token of at least 16 characters")
        }
        return token
    }
}

extension ConfigReader {
    /// The items of a list.
    func sequence(_ node: Node, _ key: String) throws(ConfigurationError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, key, "expected a list") }
        return Array(sequence)
    }

    /// A required name (`field` of `section`): 1 to 64 letters, digits, `-` or `_`, so that it is
    /// safe in paths, logs and metric labels.
    func name(_ section: [String: Node], _ field: String, _ key: String, _ parent: Node) throws(ConfigurationError)
        -> String
    {
        guard let node = section[field] else { throw error(parent, key, "needs '\(field)'") }
        let value = try string(node, key + "." + field)
        let allowed = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard allowed, value.count <= 64 else {
            throw error(node, key + "." + field, "'\(value)' must be 1 to 64 letters, digits, '-' or '_'")
        }
        return value
    }
}
