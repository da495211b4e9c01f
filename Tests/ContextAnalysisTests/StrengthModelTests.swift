import ContextModel
import Testing

@testable import ContextAnalysis

@Suite("Edge strength")
struct StrengthModelTests {
    private func graph(_ links: [(weight: UInt8, first: String?, last: String?, grading: String?)]) throws
        -> ContextGraph
    {
        var builder = ContextGraph.Builder()
        var people: [EntityIndex] = []
        for i in 0...links.count {
            let added = builder.addEntity(id: "P-\(i)", kind: .peer)
            people.append(try #require(added))
        }
        for (i, link) in links.enumerated() {
            _ = builder.addLink(
                .init(
                    source: people[0], target: people[i + 1], kind: .associate, weight: link.weight,
                    firstSeen: link.first.flatMap { Day(iso: $0)?.rawValue } ?? Day.noneRaw,
                    lastSeen: link.last.flatMap { Day(iso: $0)?.rawValue } ?? Day.noneRaw,
                    grading: link.grading.flatMap { Grading(code: $0)?.packed } ?? 0))
        }
        return builder.freeze()
    }

    @Test func factorsMultiplyAsDocumented() throws {
        let asOf = try #require(Day(iso: "2024-09-30"))
        let g = try graph([
            (5, "2024-01-01", "2024-09-30", "1A"),  // full strength
            (4, nil, "2024-04-03", "2B"),  // 180 days old: half
            (5, nil, nil, nil),  // undated, ungraded
            (5, "2024-01-01", "2024-03-01", "3E"),  // excluded
            (5, "2024-10-01", "2024-10-02", "1A"),  // not yet seen as of the date
            (3, "2023-01-01", "2023-02-01", "3C"),
        ])
        let model = StrengthModel()
        let s = (0..<6).map { model.strength(of: $0, in: g, asOf: asOf) }
        #expect(s[0].value == 1)
        #expect(s[1].ageDays == 180)
        #expect(abs(s[1].value - 0.8 * 0.75 * 0.8 * 0.5) < 1e-12)
        #expect(
            s[1].explanation == "0.24 = weight 4/5 × confidence 0.75 (2B) × reliability 0.8 × recency 0.5 (180 days)")
        #expect(abs(s[2].value - 1 * 0.5 * 0.8 * 0.5) < 1e-12)
        #expect(s[3].value == 0 && s[3].excluded == .gradedE)
        #expect(s[4].value == 0 && s[4].excluded == .notYetSeen)
        #expect(s[5].isLowGrade && !s[1].isLowGrade)
        let half = StrengthModel(halfLifeDays: 30)
        #expect(abs(half.strength(of: 1, in: g, asOf: asOf).recency - 0.015625) < 1e-12)  // 2^-6
    }
}
