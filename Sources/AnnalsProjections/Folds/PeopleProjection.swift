import AnnalsLog

/// The people read model as a pure fold: who appears in meetings, ceremonies and attendance.
public struct PeopleProjection: Sendable {
    public private(set) var ledger = FactLedger(accepting: { ["meeting", "ceremony", "attendance"].contains($0.type) })

    public init() {}

    /// Folds one event; never fails.
    public mutating func apply(_ event: RecordedEvent) { ledger.apply(event) }

    /// Everyone, by key; with `asOf`, only appearances on or before that day count.
    public func people(asOf: String? = nil) -> [Person] {
        var byKey: [String: [Appearance]] = [:]
        for (seq, fact) in ledger.facts {
            if let asOf, (fact.date ?? "9999") > asOf { continue }
            for a in Appearance.of(seq: seq, fact: fact) { byKey[a.person, default: []].append(a) }
        }
        return byKey.keys.sorted().map { Person(key: $0, appearances: byKey[$0] ?? []) }
    }
}
