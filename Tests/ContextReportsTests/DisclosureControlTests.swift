import ContextTestSupport
import GraphAlgorithms
import Testing

@testable import ContextReports

@Suite("Disclosure control")
struct DisclosureControlTests {
    private func published(_ result: DisclosureControl.Result) -> [[Int?]] {
        result.values.indices.map { i in
            result.values[i].indices.map { j in result.suppressed[i][j] ? nil : result.values[i][j] }
        }
    }

    @Test func smallCountsAreSuppressedZerosAndLargeCountsShown() {
        let result = DisclosureControl(threshold: 5).protect([[0, 3, 12], [7, 8, 9]])
        // Margins: rows 15 and 24, columns 7, 11, 21, grand total 39.
        #expect(result.values[0] == [0, 3, 12, 15])
        #expect(result.values[2] == [7, 11, 21, 39])
        #expect(result.suppressed[0][1])
        #expect(!result.suppressed[0][0])
        // One suppressed cell in its row and column: a second is suppressed in each.
        #expect(result.suppressed[0].filter { $0 }.count >= 2)
        #expect((0...2).filter { result.suppressed[$0][1] }.count >= 2)
    }

    @Test func twoHiddenOnesAreNotLeftAlone() {
        // Row 0: two cells of 1 with a published total of 2 would both be 1: a third is hidden.
        let result = DisclosureControl(threshold: 5).protect([[1, 1, 30], [1, 1, 30], [20, 20, 20]])
        let attack = DisclosureAttack(cells: published(result), threshold: 5)
        #expect(attack.intervalDetermined().isEmpty)
        #expect(attack.linearlyDetermined().isEmpty)
    }

    @Test func hostileTablesCannotBeRecoveredBySubtractionAlgebraOrSearch() throws {
        // Random tables dominated by small counts, the hard case; every seed must hold.
        var bruteForced = 0
        for seed in UInt64(0)..<300 {
            var random = SplitMix64(seed: seed)
            let rows = Int(random.next() % 4) + 2, columns = Int(random.next() % 4) + 2
            let interior = (0..<rows).map { _ in
                (0..<columns).map { _ -> Int in
                    switch random.next() % 10 {
                    case 0..<4: 0
                    case 4..<8: Int(random.next() % 5) + 1
                    default: Int(random.next() % 25) + 6
                    }
                }
            }
            let result = DisclosureControl(threshold: 5).protect(interior)
            for i in result.values.indices {
                for j in result.values[i].indices {
                    let value = result.values[i][j]
                    if (1...5).contains(value) { #expect(result.suppressed[i][j], "seed \(seed): small cell shown") }
                    if value == 0 { #expect(!result.suppressed[i][j], "seed \(seed): a zero was hidden") }
                }
            }
            let attack = DisclosureAttack(cells: published(result), threshold: 5)
            #expect(attack.linearlyDetermined().isEmpty, "seed \(seed): recovered by linear algebra")
            #expect(attack.intervalDetermined().isEmpty, "seed \(seed): recovered by interval reasoning")
            if let exhaustive = attack.bruteForceDetermined(limit: 100_000) {
                bruteForced += 1
                #expect(exhaustive.isEmpty, "seed \(seed): recovered by exhaustive search")
            }
        }
        #expect(bruteForced >= 50)  // the exhaustive attack really ran on a good share of tables
    }

    @Test func theAttackerFindsWhatPrimarySuppressionAloneLeaves() {
        // The test's attacker is not toothless: with primary suppression only, it recovers cells.
        let cells: [[Int?]] = [[nil, 10, 13], [8, 9, 17], [11, 19, 30]]
        let attack = DisclosureAttack(cells: cells, threshold: 5)
        #expect(attack.linearlyDetermined().count == 1)
        #expect(attack.intervalDetermined().count == 1)
        #expect(attack.bruteForceDetermined()?.count == 1)
    }
}
