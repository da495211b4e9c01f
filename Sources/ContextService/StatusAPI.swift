import ContextFiles
import ContextReports
import Foundation
import Hummingbird
import HummingbirdCore
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
/// but `/healthz` needs `Authorization: Bearer <token>` (the scheme in any case). The token
/// checked is the one loaded with the listener's settings: a SIGHUP reload that would change the
/// listener or its token is refused whole (see ``ReloadService``), so access never follows a
/// configuration other than the one bound. A known path with another method gets 405 and `Allow`;
/// `HEAD` is answered as `GET`, without the body. Connections: see ``ConnectionRegistry``.
/// No endpoint serves names, labels, dates of birth, notes or entity ids.
enum StatusAPI {
    /// The methods of each path (`HEAD` is implied by `GET`).
    static let routes: [String: [HTTPRequest.Method]] = [
        "/healthz": [.get], "/readyz": [.get], "/status": [.get], "/metrics": [.get], "/runs": [.post],
    ]

    static func application(
        _ settings: ServiceConfiguration.Status, coordinator: RunCoordinator, metrics: ServiceMetrics, logger: Logger
    ) -> some ApplicationProtocol {
        let registry = ConnectionRegistry(
            maxConnections: settings.maxConnections,
            headerTimeout: .nanoseconds(Int64(settings.headerTimeoutSeconds * 1e9)))
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: BearerTokenMiddleware(token: settings.token))
        router.add(middleware: MethodMiddleware(routes: routes))
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            let ready = await coordinator.isReady
            return text(ready ? "ready\n" : "not ready\n", status: ready ? .ok : .serviceUnavailable)
        }
        router.get("/status") { _, _ -> Response in
            json(await coordinator.status(), status: .ok)
        }
        router.get("/metrics") { _, _ -> Response in
            text(
                metrics.text() + registry.metricsText(), status: .ok,
                contentType: "text/plain; version=0.0.4; charset=utf-8")
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
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: [ConnectionGuardHandler(registry: registry)],
                    idleTimeout: .nanoseconds(Int64(settings.idleTimeoutSeconds * 1e9)))),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.listen, port: settings.port), serverName: "contextd",
                // A deep accept queue: under a flood, a connection waits there while older ones
                // are closed to make room, instead of having its SYN dropped (retried after 1 s).
                backlog: 4096,
                availableConnectionsDelegate: MaximumAvailableConnections(registry.hardLimit)),
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
        let data = Data((try? ReportEncoding.json(value)) ?? Array("{}".utf8))
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
/// The token is fixed when the listener is built.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard request.uri.path != "/healthz", let token else {
            return try await next(request, context)
        }
        guard BearerAuthorization.authorizes(request.headers[.authorization], token: token) else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }
}

/// The bearer check, apart from Hummingbird's types.
enum BearerAuthorization {
    /// Whether an `Authorization` value is `Bearer <token>`: the scheme in any case (RFC 9110
    /// §11.1), then one or more spaces, then the token, compared in constant time.
    static func authorizes(_ header: String?, token: String) -> Bool {
        guard let header else { return false }
        let bytes = Array(header.utf8)
        let scheme = Array("bearer".utf8)
        guard bytes.count > scheme.count,
            zip(bytes, scheme).allSatisfy({ ($0 | 0x20) == $1 }),
            bytes[scheme.count] == UInt8(ascii: " ")
        else { return false }
        let given = bytes.dropFirst(scheme.count).drop { $0 == UInt8(ascii: " ") }
        return constantTimeEqual(Array(given), Array(token.utf8))
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

/// 405 with `Allow` for a known path asked with another method (`HEAD` is answered as `GET`
/// without the body by the router's generated endpoints).
struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: [String: [HTTPRequest.Method]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let methods = routes[request.uri.path], !methods.contains(request.method),
            !(request.method == .head && methods.contains(.get))
        else {
            return try await next(request, context)
        }
        let allowed = (methods.contains(.get) ? methods + [.head] : methods).map(\.rawValue).joined(separator: ", ")
        return Response(
            status: .methodNotAllowed, headers: [.allow: allowed, .contentType: "text/plain"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "method not allowed; allowed: \(allowed)\n")))
    }
}
