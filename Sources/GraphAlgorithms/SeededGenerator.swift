/// A small, fast, seeded pseudo-random generator whose output is fixed by this file alone.
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014, doi:10.1145/2660193.2660195), as in swift-argument-parser's `roll` example. Every
/// randomised algorithm and the sample generator draw from it, through ``next(below:)``,
/// ``nextUnitInterval()`` and ``MutableCollection/shuffle(seededBy:)``, never through the standard
/// library's `random(in:using:)`, `shuffled(using:)` or `next(upperBound:)`, whose algorithms are
/// not promised stable across toolchains. So the same seed gives the same results on every
/// platform and release.
///
/// With seed 0 the first outputs are `0xe220a8397b1dcdaf`, `0x6e789e6aa1b965f4`,
/// `0x06c45d188009454f`.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// A generator starting from `seed`; equal seeds give equal sequences.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z &>> 31)
    }

    /// A uniformly distributed integer in `0 ..< bound`, without modulo bias.
    ///
    /// Lemire's multiply-and-reject method (D. Lemire, "Fast random integer generation in an
    /// interval", ACM TOMACS 29(1), 2019, doi:10.1145/3230636).
    ///
    /// - Precondition: `bound > 0`.
    /// - Complexity: O(1) expected; usually one call to ``next()``.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "the bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniformly distributed integer in `0 ..< bound`.
    ///
    /// - Precondition: `bound > 0`.
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        return Int(truncatingIfNeeded: next(below: UInt64(bound)))
    }

    /// A uniformly distributed integer in `range`.
    ///
    /// - Precondition: `range` is not empty.
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + next(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniformly distributed `Double` in `[0, 1)`, from the top 53 bits of ``next()``.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `probability` (clamped to `[0, 1]`).
    public mutating func chance(_ probability: Double) -> Bool {
        nextUnitInterval() < probability
    }

    /// An independent generator for one named part of a computation.
    ///
    /// Mixes `stream` into `seed` so that each part of a seeded computation draws from its own
    /// sequence: changing how much one part draws leaves the others' numbers unchanged.
    public static func stream(_ stream: UInt64, of seed: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xd1b5_4a32_d192_ed03))
        return SplitMix64(seed: mixer.next())
    }
}

extension MutableCollection where Self: RandomAccessCollection {
    /// Shuffles the elements in place with the Fisher–Yates algorithm (Durstenfeld's variant),
    /// drawing from `generator` through ``SplitMix64/next(below:)``.
    ///
    /// Unlike the standard library's `shuffle(using:)`, the permutation for a given generator
    /// state is fixed by this code, so it is the same on every toolchain.
    ///
    /// - Complexity: O(n).
    public mutating func shuffle(seededBy generator: inout SplitMix64) {
        var remaining = count
        guard remaining > 1 else { return }
        var last = index(before: endIndex)
        while remaining > 1 {
            let pick = index(startIndex, offsetBy: generator.next(below: remaining))
            swapAt(pick, last)
            formIndex(before: &last)
            remaining -= 1
        }
    }
}
