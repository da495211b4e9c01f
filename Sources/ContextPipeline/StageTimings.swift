/// Wall-clock seconds spent in each stage of a run, in order.
public struct StageTimings: Sendable {
    public struct Stage: Codable, Sendable {
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

    private mutating func record(_ name: String, since start: ContinuousClock.Instant) {
        let elapsed = clock.now - start
        record(name, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
