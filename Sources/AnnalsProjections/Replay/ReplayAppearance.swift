/// A person in one fact as `ReplayFold` keeps it: the columns of a `person_appearances` row that
/// are the person's; the fact's (seq, date, type, id, source, summary) come from its row.
struct ReplayAppearance: Sendable {
    /// `PersonName.key` of the name.
    var person: String
    var name: String
    var country: String?
    var title: String?
    /// `principal`, `host`, `guest` or `present`.
    var role: String

    /// The people a fact names, in its order, each key once: the rule of `Appearance.of`.
    /// `principalKeys` are the `PersonName.key`s of a meeting's participants, when the caller has
    /// them already.
    static func of(_ fact: AssertedFact, principalKeys: [String]? = nil) -> [ReplayAppearance] {
        var out: [ReplayAppearance] = []
        func add(_ name: String, key known: String? = nil, country: String?, title: String?, role: String) {
            guard !name.isEmpty else { return }
            let key = known ?? PersonName.key(name)
            guard !out.contains(where: { $0.person == key }) else { return }
            out.append(ReplayAppearance(person: key, name: name, country: country, title: title, role: role))
        }
        switch fact.type {
        case "meeting":
            out.reserveCapacity(fact.participants.count)
            for (index, p) in fact.participants.enumerated() {
                add(p.name, key: principalKeys?[index], country: p.country, title: p.title, role: "principal")
            }
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
