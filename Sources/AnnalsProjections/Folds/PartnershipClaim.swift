/// A partnership fact as the relations fold needs it: one claimed level of a pair on a date.
public struct PartnershipClaim: Sendable, Equatable {
    /// The seq of the event that asserted it.
    public var seq: Int64
    public var fact: String
    public var source: String
    public var date: String
    public var level: String
    /// `established` or `referenced`.
    public var action: String

    public init(seq: Int64, fact: String, source: String, date: String, level: String, action: String) {
        self.seq = seq
        self.fact = fact
        self.source = source
        self.date = date
        self.level = level
        self.action = action
    }

    /// The claim a partnership fact makes, nil for other facts or ones without pair, level or date.
    public init?(seq: Int64, fact: AssertedFact) {
        guard fact.type == "partnership", fact.pair != nil, let level = fact.level, let date = fact.date else { return nil }
        self.init(seq: seq, fact: fact.id, source: fact.source, date: date, level: level,
                  action: fact.action ?? "established")
    }
}
