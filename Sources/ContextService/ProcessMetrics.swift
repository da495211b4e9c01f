import Foundation

/// The process metrics of Prometheus' standard process collector, under its names, read from
/// `/proc/self` (Linux; elsewhere only what can be read is given):
/// `process_cpu_seconds_total`, `process_resident_memory_bytes`, `process_virtual_memory_bytes`,
/// `process_open_fds`, `process_max_fds`, `process_start_time_seconds`.
struct ProcessMetrics: Sendable, Equatable {
    var cpuSeconds: Double?
    var residentBytes: Double?
    var virtualBytes: Double?
    var openFDs: Int?
    var maxFDs: Int?
    var startTimeSeconds: Double?

    static func read() -> ProcessMetrics {
        var metrics = ProcessMetrics()
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let page = Double(sysconf(Int32(_SC_PAGESIZE)))
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8) {
            let parsed = parseStat(stat, ticksPerSecond: ticks, pageBytes: page)
            metrics.cpuSeconds = parsed.cpuSeconds
            metrics.residentBytes = parsed.residentBytes
            metrics.virtualBytes = parsed.virtualBytes
            if let startTicks = parsed.startTicks, let boot = bootTime() {
                metrics.startTimeSeconds = boot + startTicks / ticks
            }
        }
        metrics.openFDs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count
        var limit = rlimit()
        if getrlimit(openFilesResource, &limit) == 0 { metrics.maxFDs = Int(clamping: limit.rlim_cur) }
        return metrics
    }

    /// Fields of `/proc/self/stat` (proc(5)): after the command name in parentheses (which may hold
    /// spaces and parentheses, hence the last `)`), field 14 utime, 15 stime, 22 starttime (clock
    /// ticks), 23 vsize (bytes), 24 rss (pages).
    static func parseStat(_ text: String, ticksPerSecond: Double, pageBytes: Double) -> (
        cpuSeconds: Double?, residentBytes: Double?, virtualBytes: Double?, startTicks: Double?
    ) {
        guard let close = text.lastIndex(of: ")"), ticksPerSecond > 0 else { return (nil, nil, nil, nil) }
        // Fields from 3 (state) on.
        let fields = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: true)
        func field(_ number: Int) -> Double? {
            let index = number - 3
            return index >= 0 && index < fields.count ? Double(fields[index]) : nil
        }
        var cpu: Double?
        if let user = field(14), let system = field(15) { cpu = (user + system) / ticksPerSecond }
        return (cpu, field(24).map { $0 * pageBytes }, field(23), field(22))
    }

    /// The boot time (`btime` in `/proc/stat`), seconds since 1970.
    static func bootTime() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Prometheus text format, one gauge or counter per known value.
    func text() -> String {
        var out = ""
        func add(_ name: String, _ type: String, _ help: String, _ value: Double?) {
            guard let value else { return }
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        add("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.", cpuSeconds)
        add("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.", residentBytes)
        add("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.", virtualBytes)
        add("process_open_fds", "gauge", "Number of open file descriptors.", openFDs.map(Double.init))
        add("process_max_fds", "gauge", "Maximum number of open file descriptors.", maxFDs.map(Double.init))
        add(
            "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.",
            startTimeSeconds)
        return out
    }
}

#if canImport(Glibc)
    private let openFilesResource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
    private let openFilesResource = RLIMIT_NOFILE
#endif
