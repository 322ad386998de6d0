/// A set of token hashes: open addressing on the hash's own bits.
///
/// Token hashes are already well mixed (FNV-1a), so `Set<UInt64>`'s per-lookup SipHash was most of
/// the extractor's time; this table probes an array directly. Zero marks an empty slot (no FNV-1a
/// hash of a token is zero in practice; a zero key is simply never found).
struct WordSet: Sendable {
    private var slots: [UInt64]
    private var mask: Int

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        let list = Array(keys)
        var capacity = 16
        while capacity < list.count * 3 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for key in list where key != 0 { insertKey(key) }
    }

    private mutating func insertKey(_ key: UInt64) {
        var index = WordSet.slot(key, mask)
        while slots[index] != 0 {
            if slots[index] == key { return }
            index = (index + 1) & mask
        }
        slots[index] = key
    }

    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool {
        var index = WordSet.slot(key, mask)
        while true {
            let slot = slots[index]
            if slot == key { return key != 0 }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

}

/// A map from token hashes to values, probed like `WordSet`.
struct WordMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int

    init(_ pairs: [(UInt64, Value)]) {
        var capacity = 16
        while capacity < pairs.count * 3 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in pairs where key != 0 {
            var index = WordSet.slot(key, mask)
            while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
            if keys[index] == 0 {
                keys[index] = key
                values[index] = value
            }
        }
    }

    @inline(__always) subscript(_ key: UInt64) -> Value? {
        var index = WordSet.slot(key, mask)
        while true {
            let slot = keys[index]
            if slot == key { return key == 0 ? nil : values[index] }
            if slot == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}
