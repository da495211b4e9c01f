import Testing

@testable import ContextModel

/// Ids are keys by their exact Unicode scalars, not by `String`'s canonical equivalence.
@Suite("Exact entity ids")
struct EntityIDTests {
    /// Pairs that `String` calls equal but that are different ids.
    static let canonicallyEqual: [(String, String)] = [
        ("Zo\u{EB}", "Zoe\u{308}"),  // precomposed and decomposed
        ("\u{212B}", "\u{C5}"),  // ANGSTROM SIGN and LATIN CAPITAL A WITH RING ABOVE
        ("\u{212A}-1", "K-1"),  // KELVIN SIGN
        ("q\u{323}\u{307}", "q\u{307}\u{323}"),  // combining marks in either order
    ]

    @Test(arguments: canonicallyEqual)
    func canonicallyEquivalentSpellingsAreDifferentIDs(a: String, b: String) {
        #expect(a == b)
        #expect(EntityID(a) != EntityID(b))
        #expect(Set([EntityID(a), EntityID(b)]).count == 2)
        #expect(EntityID(a) == EntityID(String(a.unicodeScalars)))
        #expect(EntityID(a).hashValue == EntityID(String(a.unicodeScalars)).hashValue)
    }

    @Test func orderIsByScalarValue() {
        #expect(EntityID("B") < EntityID("a"))
        #expect(EntityID("Zoe\u{308}") < EntityID("Zo\u{EB}"))
        #expect(!(EntityID("x") < EntityID("x")))
    }

    @Test(arguments: canonicallyEqual)
    func theBuilderKeepsBothAndLinksThem(a: String, b: String) {
        var builder = ContextGraph.Builder()
        let first = builder.addEntity(id: a, kind: .peer)
        let second = builder.addEntity(id: b, kind: .peer)
        #expect(first == EntityIndex(0))
        #expect(second == EntityIndex(1))
        #expect(builder.addEntity(id: String(a.unicodeScalars), kind: .peer) == nil, "the exact id is a duplicate")
        #expect(builder.lookup.index(of: b) == EntityIndex(1))
        _ = builder.addLink(.init(source: EntityIndex(1), target: EntityIndex(0), kind: .associate))
        let graph = builder.freeze()
        #expect(graph.index(of: a) == EntityIndex(0))
        #expect(graph.index(of: b) == EntityIndex(1))
        #expect(graph.index(of: EntityID(b)) == EntityIndex(1))
        #expect(graph.links.count == 1)
        graph.checkInvariants()
    }
}
