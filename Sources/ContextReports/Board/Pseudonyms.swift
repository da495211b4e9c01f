public import ContextModel

/// Stable pseudonyms for aggregated outputs: how a board report names a hotspot or a cluster
/// without its id or label. The pipeline backs it with keyed HMAC tokens (`ContextPrivacy`), so
/// the same place keeps its name from run to run while nobody without the key can compute it
/// from an id.
public struct Pseudonyms: Sendable {
    let entity: @Sendable (EntityIndex) -> String
    let cluster: @Sendable (String) -> String

    /// - Parameters:
    ///   - entity: the pseudonym of a place (e.g. `HOTSPOT-7Q3K9MX2`).
    ///   - cluster: the pseudonym of a cluster, from its stable id.
    public init(
        entity: @escaping @Sendable (EntityIndex) -> String, cluster: @escaping @Sendable (String) -> String
    ) {
        self.entity = entity
        self.cluster = cluster
    }

    public func pseudonym(for entity: EntityIndex) -> String { self.entity(entity) }
    public func pseudonym(forCluster id: String) -> String { cluster(id) }
}
