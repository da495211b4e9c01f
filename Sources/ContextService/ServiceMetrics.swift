import ContextPipeline
import Metrics
import Prometheus

/// The service's metrics, made through swift-metrics with a Prometheus factory bound to this
/// service's own registry (no process-wide bootstrap, so tests can run several daemons), and
/// exported as Prometheus text by `GET /metrics`. Labels are dataset and job names from the
/// configuration, run kinds, outcomes and stage names: never anything read from the data.
///
/// Every counter exists from start-up at zero, for each configured dataset and every kind and
/// outcome (``prepare(datasets:)``), so that `rate()` and alerts see a series before its first
/// event. `GET /metrics` adds `contextd_build_info` and the process metrics (``ProcessMetrics``).
final class ServiceMetrics: Sendable {
    /// Outcomes a finished run can have.
    static let outcomes = ["succeeded", "rejected", "failed", "abandoned", "requeued"]

    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(120), .seconds(300), .seconds(600),
        ]
        self.factory = factory
        Gauge(label: "contextd_up", factory: factory).record(1)
        Gauge(
            label: "contextd_build_info", dimensions: [("version", Pipeline.toolVersion)], factory: factory
        ).record(1)
        for outcome in ["applied", "refused"] {
            _ = Counter(label: "contextd_config_reloads_total", dimensions: [("outcome", outcome)], factory: factory)
        }
        Gauge(label: "contextd_queue_depth", factory: factory).record(0)
    }

    /// Creates every per-dataset series at zero (again after a reload: existing ones are kept).
    func prepare(datasets: [String]) {
        for dataset in datasets {
            for kind in ServiceConfiguration.JobKind.allCases {
                for outcome in Self.outcomes {
                    _ = Counter(
                        label: "contextd_runs_total",
                        dimensions: [("dataset", dataset), ("kind", kind.rawValue), ("outcome", outcome)],
                        factory: factory)
                }
            }
            for outcome in Self.outcomes where outcome != "succeeded" {
                _ = Counter(
                    label: "contextd_run_failures_total", dimensions: [("dataset", dataset), ("outcome", outcome)],
                    factory: factory)
            }
            _ = Counter(label: "contextd_run_retries_total", dimensions: [("dataset", dataset)], factory: factory)
            _ = Metrics.Timer(
                label: "contextd_run_duration_seconds", dimensions: [("dataset", dataset)], factory: factory)
        }
    }

    /// A failed run queued again after its backoff.
    func retried(dataset: String) {
        Counter(label: "contextd_run_retries_total", dimensions: [("dataset", dataset)], factory: factory).increment()
    }

    func runFinished(dataset: String, kind: String, outcome: String, seconds: Double) {
        Counter(
            label: "contextd_runs_total", dimensions: [("dataset", dataset), ("kind", kind), ("outcome", outcome)],
            factory: factory
        ).increment()
        if outcome != "succeeded" {
            Counter(
                label: "contextd_run_failures_total", dimensions: [("dataset", dataset), ("outcome", outcome)],
                factory: factory
            ).increment()
        }
        Metrics.Timer(label: "contextd_run_duration_seconds", dimensions: [("dataset", dataset)], factory: factory)
            .recordSeconds(seconds)
    }

    func succeeded(dataset: String, entities: Int, links: Int, stages: [(String, Double)], at time: Double) {
        Gauge(label: "contextd_entities", dimensions: [("dataset", dataset)], factory: factory).record(entities)
        Gauge(label: "contextd_links", dimensions: [("dataset", dataset)], factory: factory).record(links)
        Gauge(label: "contextd_last_success_timestamp_seconds", dimensions: [("dataset", dataset)], factory: factory)
            .record(time)
        for (stage, seconds) in stages {
            Gauge(
                label: "contextd_stage_duration_seconds", dimensions: [("dataset", dataset), ("stage", stage)],
                factory: factory
            ).record(seconds)
        }
    }

    func validation(dataset: String, errors: Int, warnings: Int) {
        Gauge(label: "contextd_validation_errors", dimensions: [("dataset", dataset)], factory: factory).record(errors)
        Gauge(label: "contextd_validation_warnings", dimensions: [("dataset", dataset)], factory: factory)
            .record(warnings)
    }

    func queueDepth(_ depth: Int) {
        Gauge(label: "contextd_queue_depth", factory: factory).record(depth)
    }

    func reload(outcome: String) {
        Counter(label: "contextd_config_reloads_total", dimensions: [("outcome", outcome)], factory: factory)
            .increment()
    }

    func text() -> String { registry.emitToString() + ProcessMetrics.read().text() }
}
