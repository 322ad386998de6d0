/// What a batch of events changed in the derived read models, applied once at the end of the
/// batch: keys to re-derive from all their live facts, and additions that can extend the
/// stored rows without reading what is already there (the common case, which keeps a hot pair
/// or a person in every readout from costing more as the log grows).
struct DirtyKeys {
    /// Pairs to re-derive from every live claim.
    var pairs: Set<String> = []
    /// Claims asserted in this batch, by pair.
    var newClaims: [String: [PartnershipClaim]] = [:]
    var meetings: Set<String> = []
    var documents: Set<String> = []
    /// People to re-aggregate from every appearance.
    var people: Set<String> = []
    /// Appearances added in this batch, by person key, in seq order.
    var newAppearances: [String: [Appearance]] = [:]
    /// Live-fact count changes per source not yet written.
    var sourceDeltas: [String: Int] = [:]

    /// Marks what a fact row that stopped counting, or moved, touches.
    mutating func touch(type: String, pair: String?, key: String?) {
        switch type {
        case "partnership": if let pair { pairs.insert(pair) }
        case "meeting": if let key { meetings.insert(key) }
        case "document": if let key { documents.insert(key) }
        default: break
        }
    }

    /// Marks a fact asserted in this batch.
    mutating func add(_ fact: AssertedFact, seq: Int64) {
        switch fact.type {
        case "partnership":
            if let claim = PartnershipClaim(seq: seq, fact: fact), let pair = fact.pairKey { newClaims[pair, default: []].append(claim) }
        case "meeting": if let key = fact.corroborationKey { meetings.insert(key) }
        case "document": if let key = fact.corroborationKey { documents.insert(key) }
        default: break
        }
    }
}
