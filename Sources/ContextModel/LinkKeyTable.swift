/// An open-addressing hash table from a link's key (endpoints and kind, packed in a `UInt64`) to
/// its link index, for finding duplicate links while loading.
///
/// Written by hand because it sits on the hottest path of a load: with 5,000,000 links, the
/// standard `Dictionary` spent a fifth of the load time hashing with SipHash and resizing.
/// Keys here are already well-mixed integers, so a multiplicative (Fibonacci) hash and linear
/// probing over two flat arrays do the same job in a fraction of the time. Not a general
/// structure: insert and look up only, no removal.
///
/// - Complexity: O(1) expected per operation; memory 12 bytes a slot, at most 50% full.
struct LinkKeyTable {
    /// Stored keys plus one (`0` marks an empty slot).
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Packs endpoints (each below 2^30) and a kind (below 8) into a key.
    static func key(_ a: UInt32, _ b: UInt32, kind: UInt8) -> UInt64 {
        UInt64(a) << 33 | UInt64(b) << 3 | UInt64(kind)
    }

    /// The value stored for `key`, or inserts `value` and returns `nil`.
    mutating func insertIfAbsent(_ key: UInt64, value: Int32) -> Int32? {
        if (count + 1) * 2 > keys.count { grow() }
        let stored = key &+ 1
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let current = keys[slot]
            if current == 0 {
                keys[slot] = stored
                values[slot] = value
                count += 1
                return nil
            }
            if current == stored { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        var bigger = LinkKeyTable(expected: keys.count)
        for (slot, stored) in oldKeys.enumerated() where stored != 0 {
            _ = bigger.insertIfAbsent(stored &- 1, value: oldValues[slot])
        }
        self = bigger
    }
}
