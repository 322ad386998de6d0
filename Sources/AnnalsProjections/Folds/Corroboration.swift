/// Groups facts that report the same thing from several readouts.
///
/// Facts with the same corroboration key are one thing reported by several sources, with one
/// exception: two facts of the same readout are never merged (a readout naming two memoranda
/// signed the same day means two documents). So within a key, the n-th fact of each readout (in
/// seq order) joins the n-th group.
public enum Corroboration {
    /// Groups `facts` (any order) by `key`; each group is in seq order, groups are ordered by key
    /// then by their first seq.
    public static func group(_ facts: [(seq: Int64, fact: AssertedFact)],
                             key: (AssertedFact) -> String?) -> [[(seq: Int64, fact: AssertedFact)]] {
        var byKey: [String: [(seq: Int64, fact: AssertedFact)]] = [:]
        for item in facts {
            guard let k = key(item.fact) else { continue }
            byKey[k, default: []].append(item)
        }
        var out: [[(seq: Int64, fact: AssertedFact)]] = []
        for k in byKey.keys.sorted() {
            var groups: [[(seq: Int64, fact: AssertedFact)]] = []
            var ordinal: [String: Int] = [:]
            for item in byKey[k, default: []].sorted(by: { $0.seq < $1.seq }) {
                let n = ordinal[item.fact.source, default: 0]
                ordinal[item.fact.source] = n + 1
                if n < groups.count { groups[n].append(item) } else { groups.append([item]) }
            }
            out.append(contentsOf: groups)
        }
        return out
    }
}
