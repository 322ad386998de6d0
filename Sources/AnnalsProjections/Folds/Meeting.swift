/// A meeting, talks or call, possibly reported by several readouts.
public struct Meeting: Sendable, Equatable {
    /// The id of the first fact (lowest seq) that reports it.
    public var id: String
    /// The corroboration key (`AssertedFact.corroborationKey`).
    public var key: String
    public var date: String?
    /// The principals as the first report names them.
    public var participants: [Participant]
    public var format: String?
    public var city: String?
    public var venue: String?
    public var timeOfDay: String?
    public var occasion: String?
    /// The readouts reporting it, sorted.
    public var sources: [String]
    /// The fact ids reporting it, in seq order.
    public var facts: [String]
    /// The seq of the first report.
    public var seq: Int64

    public init(id: String, key: String, date: String?, participants: [Participant], format: String?, city: String?,
                venue: String?, timeOfDay: String?, occasion: String?, sources: [String], facts: [String], seq: Int64) {
        self.id = id
        self.key = key
        self.date = date
        self.participants = participants
        self.format = format
        self.city = city
        self.venue = venue
        self.timeOfDay = timeOfDay
        self.occasion = occasion
        self.sources = sources
        self.facts = facts
        self.seq = seq
    }

    /// One meeting from a corroborated group (seq order, not empty): the first report's
    /// principals, and each optional field from the first report that gives it.
    public init?(group: [(seq: Int64, fact: AssertedFact)]) {
        guard let first = group.first else { return nil }
        func firstValue(_ field: (AssertedFact) -> String?) -> String? {
            for item in group { if let value = field(item.fact) { return value } }
            return nil
        }
        self.init(id: first.fact.id, key: first.fact.corroborationKey ?? "", date: first.fact.date,
                  participants: first.fact.participants, format: firstValue(\.format), city: firstValue(\.city),
                  venue: firstValue(\.venue), timeOfDay: firstValue(\.timeOfDay), occasion: firstValue(\.occasion),
                  sources: Set(group.map(\.fact.source)).sorted(), facts: group.map(\.fact.id), seq: first.seq)
    }

    /// The principals' countries, sorted and distinct.
    public var countries: [String] { Set(participants.compactMap(\.country)).sorted() }
}
