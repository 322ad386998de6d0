import AnnalsLog

/// The live facts of the log, folded from fact events and the lifecycle of their readouts.
///
/// Every read model starts from this: a fact counts while it is asserted and not retracted,
/// its readout is not withdrawn or redacted, and its payload is not redacted. Facts are keyed by
/// the seq of the event that asserted them (two readouts can give facts the same id).
///
/// - `SourceAdded`/`SourceRevised` (re)activate a name; their facts come as their own events.
/// - `SourceRenamed` moves the readout's facts to the new name.
/// - `SourceWithdrawn` drops every fact of the readout, and facts that still arrive for it are
///   ignored until it is added again (the writer also retracts them; this is the defence).
/// - `FactRetracted` drops the fact asserted at `asserted` (or, failing that, by id and source).
/// - `PayloadRedacted` drops the target events' facts and treats its source as withdrawn.
public struct FactLedger: Sendable {
    /// Live facts by the seq that asserted them.
    public private(set) var facts: [Int64: AssertedFact] = [:]
    private var bySource: [String: Set<Int64>] = [:]
    private var withdrawn: Set<String> = []
    private let accepts: @Sendable (AssertedFact) -> Bool

    /// A ledger keeping only the facts `accepts` admits (all by default).
    public init(accepting accepts: @escaping @Sendable (AssertedFact) -> Bool = { _ in true }) {
        self.accepts = accepts
    }

    /// Folds one event; events of other kinds, unreadable or redacted payloads change nothing.
    public mutating func apply(_ event: RecordedEvent) {
        guard let type = EventType(rawValue: event.type) else { return }
        switch type {
        case .sourceAdded, .sourceRevised:
            if let name = LifecyclePayload.name(of: event) { withdrawn.remove(name) }
        case .sourceRenamed:
            guard let renamed = SourceEvents.decode(SourceEvents.Renamed.self, from: event) else { return }
            rename(from: renamed.from, to: renamed.to)
        case .sourceWithdrawn:
            guard let name = LifecyclePayload.name(of: event) else { return }
            withdraw(name)
        case .factRetracted:
            guard let retracted = SourceEvents.decode(SourceEvents.Retracted.self, from: event) else { return }
            retract(retracted)
        case .payloadRedacted:
            guard let redacted = SourceEvents.decode(SourceEvents.Redacted.self, from: event) else { return }
            for seq in redacted.targets { remove(seq) }
            if let source = redacted.source { withdraw(source) }
        default:
            guard let payload = Upcaster.upcast(event).payload, let fact = AssertedFact.parse(payload) else { return }
            guard !withdrawn.contains(fact.source), accepts(fact) else { return }
            facts[event.seq] = fact
            bySource[fact.source, default: []].insert(event.seq)
        }
    }

    /// The live facts in the order they were asserted.
    public var inOrder: [(seq: Int64, fact: AssertedFact)] {
        facts.sorted { $0.key < $1.key }.map { (seq: $0.key, fact: $0.value) }
    }

    /// How many live facts `source` has.
    public func count(of source: String) -> Int { bySource[source]?.count ?? 0 }

    private mutating func remove(_ seq: Int64) {
        guard let fact = facts.removeValue(forKey: seq) else { return }
        bySource[fact.source]?.remove(seq)
    }

    private mutating func withdraw(_ name: String) {
        for seq in bySource.removeValue(forKey: name) ?? [] { facts.removeValue(forKey: seq) }
        withdrawn.insert(name)
    }

    private mutating func retract(_ retracted: SourceEvents.Retracted) {
        if let fact = facts[retracted.asserted], fact.id == retracted.fact {
            remove(retracted.asserted)
            return
        }
        let match = (bySource[retracted.source] ?? []).sorted().first { facts[$0]?.id == retracted.fact }
        if let match { remove(match) }
    }

    private mutating func rename(from: String, to: String) {
        guard from != to else { return }
        let moved = bySource.removeValue(forKey: from) ?? []
        for seq in moved { facts[seq]?.source = to }
        bySource[to, default: []].formUnion(moved)
        if withdrawn.remove(from) != nil { withdrawn.insert(to) } else { withdrawn.remove(to) }
    }
}
