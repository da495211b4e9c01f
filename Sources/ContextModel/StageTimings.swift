/// Wall-clock seconds spent in each stage of a run, in order: the one timings type of the
/// loader, the analysis, the pipeline and the service.
public struct StageTimings: Sendable {
    public struct Stage: Codable, Sendable, Hashable {
        public let name: String
        public let seconds: Double
    }

    public private(set) var stages: [Stage] = []
    private let clock = ContinuousClock()

    public init() {}

    /// Runs `body` as the stage `name`, recording its duration.
    public mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = clock.now
        defer { record(name, since: start) }
        return try body()
    }

    /// Async form of ``measure(_:_:)``.
    public mutating func measure<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        let start = clock.now
        defer { record(name, since: start) }
        return try await body()
    }

    /// Records a stage measured elsewhere (the steps inside loading, say).
    public mutating func record(_ name: String, seconds: Double) {
        stages.append(Stage(name: name, seconds: (seconds * 1e6).rounded() / 1e6))
    }

    /// Records each stage of `other`, its name prefixed (`analyse.` + `clusters`).
    public mutating func record(_ other: StageTimings, prefix: String) {
        for stage in other.stages { record(prefix + stage.name, seconds: stage.seconds) }
    }

    /// The seconds of the stage `name`, if it was recorded.
    public func seconds(of name: String) -> Double? { stages.first { $0.name == name }?.seconds }

    private mutating func record(_ name: String, since start: ContinuousClock.Instant) {
        record(name, seconds: (clock.now - start).seconds)
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
