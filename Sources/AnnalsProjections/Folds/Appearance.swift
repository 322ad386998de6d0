/// One person appearing in one fact: as a meeting's principal, a ceremony's host or guest, or an
/// official present (attendance).
public struct Appearance: Sendable, Equatable {
    /// `PersonName.key` of the name.
    public var person: String
    /// The name as the fact writes it.
    public var name: String
    public var country: String?
    /// The title the fact gives (principals only).
    public var title: String?
    public var date: String?
    /// `principal`, `host`, `guest` or `present`.
    public var role: String
    /// The fact type: `meeting`, `ceremony`, `attendance`.
    public var factType: String
    public var fact: String
    public var seq: Int64
    public var source: String
    /// The fact's one-line summary.
    public var summary: String

    public init(person: String, name: String, country: String?, title: String?, date: String?, role: String,
                factType: String, fact: String, seq: Int64, source: String, summary: String) {
        self.person = person
        self.name = name
        self.country = country
        self.title = title
        self.date = date
        self.role = role
        self.factType = factType
        self.fact = fact
        self.seq = seq
        self.source = source
        self.summary = summary
    }

    /// The people a fact names, in the order it names them (each person once per fact);
    /// `summary` is the fact's, when the caller has it already.
    public static func of(seq: Int64, fact: AssertedFact, summary known: String? = nil) -> [Appearance] {
        guard ["meeting", "ceremony", "attendance"].contains(fact.type) else { return [] }
        var out: [Appearance] = []
        var seen: Set<String> = []
        let summary = known ?? fact.summary
        func add(_ name: String, country: String?, title: String?, role: String) {
            let key = PersonName.key(name)
            guard !name.isEmpty, seen.insert(key).inserted else { return }
            out.append(Appearance(person: key, name: name, country: country, title: title, date: fact.date, role: role,
                                  factType: fact.type, fact: fact.id, seq: seq, source: fact.source, summary: summary))
        }
        switch fact.type {
        case "meeting":
            for p in fact.participants { add(p.name, country: p.country, title: p.title, role: "principal") }
        case "ceremony":
            if let host = fact.host { add(host, country: nil, title: nil, role: "host") }
            if let guest = fact.guest { add(guest, country: nil, title: nil, role: "guest") }
        case "attendance":
            for name in fact.persons { add(name, country: nil, title: nil, role: "present") }
        default:
            break
        }
        return out
    }
}
