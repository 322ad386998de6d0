import AnnalsLog

/// The relations read model as a pure fold: per unordered pair, the ladder of partnership levels.
///
/// Given events, `relations` is the state; the SQLite tables `relations` and `relation_steps`
/// hold the same rows (`Projector` derives them with `Relation.derive`).
public struct RelationsProjection: Sendable {
    public private(set) var ledger = FactLedger(accepting: { $0.type == "partnership" })
    public let ranking: LevelRanking

    public init(ranking: LevelRanking = .standard) { self.ranking = ranking }

    /// Folds one event; never fails.
    public mutating func apply(_ event: RecordedEvent) { ledger.apply(event) }

    /// Every pair with a ladder, sorted by pair, as the world stood at the end of `asOf` (all
    /// known dates when nil).
    public func relations(asOf: String? = nil) -> [Relation] {
        var claims: [String: [PartnershipClaim]] = [:]
        var parties: [String: [String]] = [:]
        for (seq, fact) in ledger.facts {
            guard let claim = PartnershipClaim(seq: seq, fact: fact), let pair = fact.pair else { continue }
            claims["\(pair.0)-\(pair.1)", default: []].append(claim)
            parties["\(pair.0)-\(pair.1)"] = [pair.0, pair.1]
        }
        return claims.keys.sorted().compactMap { key in
            Relation.derive(parties: parties[key] ?? [], claims: claims[key] ?? [], ranking: ranking, asOf: asOf)
        }
    }

    /// One pair's relation (codes in any order), or nil when it has no level recorded.
    public func relation(_ a: String, _ b: String, asOf: String? = nil) -> Relation? {
        let key = [a, b].sorted().joined(separator: "-")
        return relations(asOf: asOf).first { $0.pair == key }
    }
}
