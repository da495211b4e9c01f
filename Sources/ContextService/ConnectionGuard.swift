import Logging
import NIOCore
import Synchronization

/// Keeps idle connections from starving the status API (issue 12, item 8).
///
/// - **Cap.** At most `maxConnections` connections are open: a new connection beyond it closes
///   the one whose last activity (opening, request read, response written) is oldest among those
///   with no request in progress, so a flood of idle connections makes room for `/healthz` instead
///   of keeping it waiting in the accept queue. If none can be closed (every one is mid-request),
///   Hummingbird's `MaximumAvailableConnections` stops accepting at a hard limit a little above.
/// - **Header timeout.** A connection that has not sent a complete request head within
///   `headerTimeout` of opening is closed (a slow or silent client).
/// - **Idle timeout.** Hummingbird's own, between requests (set beside this in ``StatusAPI``).
///
/// One registry per listener, shared by the connections' handlers on every event loop.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        let channel: any Channel
        var lastActive: ContinuousClock.Instant
        var requestsInProgress: Int
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var evicted = 0
        var headerTimeouts = 0
    }

    let maxConnections: Int
    let headerTimeout: TimeAmount
    private let state = Mutex(State())

    init(maxConnections: Int, headerTimeout: TimeAmount) {
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
    }

    /// Hard limit on accepted connections (Hummingbird stops accepting beyond it): room for the
    /// connections being closed to make way, and for requests in progress.
    var hardLimit: Int { maxConnections + max(16, maxConnections / 8) }

    var openConnections: Int { state.withLock { $0.entries.count } }
    var evictedConnections: Int { state.withLock { $0.evicted } }
    var headerTimeoutsSeen: Int { state.withLock { $0.headerTimeouts } }

    /// Registers a new connection; closes the idle connection idle longest if over the cap.
    func opened(_ channel: any Channel) {
        let now = ContinuousClock.now
        let victim: (any Channel)? = state.withLock { state in
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, lastActive: now, requestsInProgress: 0)
            guard state.entries.count > maxConnections else { return nil }
            var oldest: (key: ObjectIdentifier, entry: Entry)?
            for (key, entry) in state.entries where entry.requestsInProgress == 0 && key != ObjectIdentifier(channel) {
                if oldest == nil || entry.lastActive < (oldest?.entry.lastActive ?? now) { oldest = (key, entry) }
            }
            guard let oldest else { return nil }
            state.entries[oldest.key] = nil
            state.evicted += 1
            return oldest.entry.channel
        }
        victim?.close(promise: nil)
    }

    func closed(_ channel: any Channel) {
        state.withLock { $0.entries[ObjectIdentifier(channel)] = nil }
    }

    func requestStarted(_ channel: any Channel) {
        state.withLock { state in
            state.entries[ObjectIdentifier(channel)]?.requestsInProgress += 1
            state.entries[ObjectIdentifier(channel)]?.lastActive = .now
        }
    }

    func responseFinished(_ channel: any Channel) {
        state.withLock { state in
            guard var entry = state.entries[ObjectIdentifier(channel)] else { return }
            entry.requestsInProgress = max(0, entry.requestsInProgress - 1)
            entry.lastActive = .now
            state.entries[ObjectIdentifier(channel)] = entry
        }
    }

    func noteHeaderTimeout() { state.withLock { $0.headerTimeouts += 1 } }

    /// `contextd_http_connections` (open now) and `contextd_http_connections_closed_total` by
    /// reason (`cap`: closed to make room; `header_timeout`), in Prometheus text format.
    func metricsText() -> String {
        let (open, evicted, timeouts) = state.withLock { ($0.entries.count, $0.evicted, $0.headerTimeouts) }
        return """
            # HELP contextd_http_connections Open status API connections.
            # TYPE contextd_http_connections gauge
            contextd_http_connections \(open)
            # HELP contextd_http_connections_closed_total Status API connections closed by contextd, by reason.
            # TYPE contextd_http_connections_closed_total counter
            contextd_http_connections_closed_total{reason="cap"} \(evicted)
            contextd_http_connections_closed_total{reason="header_timeout"} \(timeouts)

            """
    }
}

/// The per-connection handler of ``ConnectionRegistry``, placed after HTTP decoding: every
/// inbound message it sees belongs to a request whose head is complete, and it counts requests by
/// their heads and ends without looking inside them.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = Any
    typealias InboundOut = Any
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    private let registry: ConnectionRegistry
    private var registered = false
    private var headerTimer: Scheduled<Void>?
    private var sawRequest = false
    private var readingRequest = false

    init(registry: ConnectionRegistry) {
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { register(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        unregister(context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        unregister(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The decoder passes a head only once it is complete; a new request starts at a head.
        if !readingRequest {
            readingRequest = true
            sawRequest = true
            headerTimer?.cancel()
            headerTimer = nil
            registry.requestStarted(context.channel)
        }
        if Self.isEnd(unwrapInboundIn(data)) { readingRequest = false }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if Self.isEnd(unwrapOutboundIn(data)) { registry.responseFinished(context.channel) }
        context.write(data, promise: promise)
    }

    /// Whether an HTTP part is the end of a message (`HTTPPart.end`), told by its case name
    /// (reflection reads the case, never the headers or body) so that this module needs no
    /// HTTP-types import.
    private static func isEnd(_ part: Any) -> Bool {
        Mirror(reflecting: part).children.first?.label == "end"
    }

    private func register(_ context: ChannelHandlerContext) {
        guard !registered else { return }
        registered = true
        registry.opened(context.channel)
        let channel = context.channel
        let registry = self.registry
        headerTimer = context.eventLoop.assumeIsolated().scheduleTask(in: registry.headerTimeout) { [weak self] in
            guard let self, !self.sawRequest else { return }
            registry.noteHeaderTimeout()
            channel.close(promise: nil)
        }
    }

    private func unregister(_ context: ChannelHandlerContext) {
        headerTimer?.cancel()
        headerTimer = nil
        if registered {
            registered = false
            registry.closed(context.channel)
        }
    }
}
