/// A joint statement or agreement (or a counted batch of them), possibly reported by several readouts.
public struct Document: Sendable, Equatable {
    /// The id of the first fact (lowest seq) that reports it.
    public var id: String
    /// The corroboration key (`AssertedFact.corroborationKey`).
    public var key: String
    /// `joint statement` or `agreement`.
    public var kind: String?
    public var parties: [String]
    public var date: String?
    public var count: Int?
    public var countQualifier: String?
    public var title: String?
    public var fields: [String]
    public var signedBy: String?
    /// The readouts reporting it, sorted.
    public var sources: [String]
    /// The fact ids reporting it, in seq order.
    public var facts: [String]
    public var seq: Int64

    public init(id: String, key: String, kind: String?, parties: [String], date: String?, count: Int?,
                countQualifier: String?, title: String?, fields: [String], signedBy: String?, sources: [String],
                facts: [String], seq: Int64) {
        self.id = id
        self.key = key
        self.kind = kind
        self.parties = parties
        self.date = date
        self.count = count
        self.countQualifier = countQualifier
        self.title = title
        self.fields = fields
        self.signedBy = signedBy
        self.sources = sources
        self.facts = facts
        self.seq = seq
    }

    /// One document from a corroborated group (seq order, not empty); optional fields come from
    /// the first report that gives them.
    public init?(group: [(seq: Int64, fact: AssertedFact)]) {
        guard let first = group.first else { return nil }
        func firstValue(_ field: (AssertedFact) -> String?) -> String? {
            for item in group { if let value = field(item.fact) { return value } }
            return nil
        }
        self.init(id: first.fact.id, key: first.fact.corroborationKey ?? "", kind: first.fact.kind,
                  parties: first.fact.parties.sorted(), date: first.fact.date, count: first.fact.count,
                  countQualifier: firstValue(\.countQualifier), title: firstValue(\.title),
                  fields: group.first { !$0.fact.fields.isEmpty }?.fact.fields ?? [], signedBy: firstValue(\.signedBy),
                  sources: Set(group.map(\.fact.source)).sorted(), facts: group.map(\.fact.id), seq: first.seq)
    }
}
