import ContextFiles
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The status API (Hummingbird), on 127.0.0.1 unless configured otherwise:
///
/// - `GET /healthz`: `ok` while the process serves requests;
/// - `GET /readyz`: 200 `ready` once the run coordinator is running, 503 before and while
///   shutting down;
/// - `GET /status`: JSON, see ``ServiceStatus``;
/// - `GET /metrics`: Prometheus text format;
/// - `POST /runs?dataset=NAME&kind=run|schools|board`: queues a run (202, JSON with its id);
///   `dataset` may be left out when only one is configured.
///
/// With a token file configured (required for any address other than loopback), every endpoint
/// but `/healthz` needs `Authorization: Bearer <token>`; the token is read again on each SIGHUP
/// reload. No endpoint serves names, labels, dates of birth, notes or entity ids.
enum StatusAPI {
    static func application(
        _ settings: ServiceConfiguration.Status, coordinator: RunCoordinator, metrics: ServiceMetrics, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: BearerTokenMiddleware(coordinator: coordinator))
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            let ready = await coordinator.isReady
            return text(ready ? "ready\n" : "not ready\n", status: ready ? .ok : .serviceUnavailable)
        }
        router.get("/status") { _, _ -> Response in
            json(await coordinator.status(), status: .ok)
        }
        router.get("/metrics") { _, _ -> Response in
            text(metrics.text(), status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.post("/runs") { request, _ -> Response in
            let parameters = request.uri.queryParameters
            let configuration = await coordinator.configuration
            guard let kind = ServiceConfiguration.JobKind(rawValue: parameters.get("kind") ?? "run") else {
                return json(["error": "kind must be one of: run, schools, board"], status: .badRequest)
            }
            let dataset =
                parameters.get("dataset") ?? (configuration.datasets.count == 1 ? configuration.datasets[0].name : "")
            guard configuration.dataset(named: dataset) != nil else {
                return json(["error": "name a configured dataset: ?dataset=NAME"], status: .notFound)
            }
            let runID = try await coordinator.submit(
                RunCoordinator.Request(dataset: dataset, kind: kind, trigger: "api"))
            return json(["run_id": runID, "dataset": dataset, "kind": kind.rawValue], status: .accepted)
        }
        let portFile = settings.portFile
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(settings.listen, port: settings.port), serverName: "contextd"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                logger.notice(
                    "status API listening", metadata: ["status.listen": "\(settings.listen)", "status.port": "\(port)"])
                if let portFile { writePortFile(portFile, port: port, logger: logger) }
            },
            logger: logger)
    }

    private static func text(_ body: String, status: HTTPResponse.Status, contentType: String = "text/plain")
        -> Response
    {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Writes the port chosen (useful with `port: 0`) to a file, atomically (temporary + rename).
    private static func writePortFile(_ path: String, port: Int, logger: Logger) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        do {
            try Folder.open(folder).write(name, Array("\(port)\n".utf8))
        } catch {
            logger.error("port file not written", metadata: ["error": "\(error)"])
        }
    }
}

/// Checks `Authorization: Bearer <token>` when a token is configured (every path but `/healthz`).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let coordinator: RunCoordinator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.uri.path != "/healthz", let token = await coordinator.configuration.status.token else {
            return try await next(request, context)
        }
        let given = request.headers[.authorization] ?? ""
        guard Self.constantTimeEqual(Array(given.utf8), Array(("Bearer " + token).utf8)) else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
