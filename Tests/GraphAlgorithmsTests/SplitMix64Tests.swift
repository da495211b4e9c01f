import GraphAlgorithms
import Testing

struct SplitMix64Tests {
    @Test func seedZeroGivesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(generator.next() == 0x06c4_5d18_8009_454f)
    }

    @Test func equalSeedsGiveEqualSequences() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        var c = SplitMix64(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test(arguments: [1, 2, 3, 7, 10, 1000, 1 << 40])
    func boundedDrawsStayInRange(bound: Int) {
        var generator = SplitMix64(seed: UInt64(bound))
        for _ in 0..<2000 {
            let value = generator.next(below: bound)
            #expect((0..<bound).contains(value))
        }
    }

    @Test func boundedDrawsReachEveryValue() {
        var generator = SplitMix64(seed: 5)
        var seen = Set<Int>()
        for _ in 0..<1000 { seen.insert(generator.next(below: 7)) }
        #expect(seen == Set(0..<7))
        for _ in 0..<1000 { #expect((3...5).contains(generator.next(in: 3...5))) }
    }

    @Test func unitIntervalStaysInRange() {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<10_000 {
            let value = generator.nextUnitInterval()
            #expect(value >= 0 && value < 1)
        }
    }

    @Test func boundedDrawsArePinned() {
        // Lemire's method keeps the high word of the 128-bit product; a change here would change
        // every seeded output, so the first draws for seed 0 are written out.
        var generator = SplitMix64(seed: 0)
        let draws = (0..<3).map { _ in generator.next(below: 100) }
        #expect(draws == [88, 43, 2])
    }

    @Test(arguments: 0..<20)
    func shuffleIsAPermutation(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        var values = Array(0..<(seed * 7 + 1))
        values.shuffle(seededBy: &generator)
        #expect(values.sorted() == Array(0..<(seed * 7 + 1)))
    }

    @Test func shuffleIsDeterministicAndMixes() {
        var a = SplitMix64(seed: 11)
        var b = SplitMix64(seed: 11)
        var first = Array(0..<50)
        var second = Array(0..<50)
        first.shuffle(seededBy: &a)
        second.shuffle(seededBy: &b)
        #expect(first == second)
        #expect(first != Array(0..<50))
        var empty: [Int] = []
        empty.shuffle(seededBy: &a)
        #expect(empty.isEmpty)
        var slice = Array(0..<10)
        slice[2..<8].shuffle(seededBy: &a)
        #expect(Array(slice[..<2]) == [0, 1] && Array(slice[8...]) == [8, 9])
        #expect(slice[2..<8].sorted() == Array(2..<8))
    }

    @Test func streamsAreIndependentAndDeterministic() {
        var a = SplitMix64.stream(1, of: 7)
        var b = SplitMix64.stream(2, of: 7)
        var c = SplitMix64.stream(1, of: 7)
        let first = a.next()
        #expect(first != b.next())
        #expect(first == c.next())
    }
}
