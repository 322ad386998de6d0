import AnnalsLog

/// The rows of every read model, folded in memory from events with exactly the semantics of
/// `Projector` (its `applyBase` statement by statement, then the derived models as a full
/// rebuild derives them), so `replay` digests them without writing a temporary database.
///
/// `ReplayFold+Digest` encodes the rows canonically (`TableDigest`); the digests equal those of
/// tables built by `Projector` from the same events (`RandomLifeTests` checks it).
struct ReplayFold {
    /// The `facts` rows by seq (rows a redaction deleted are absent).
    var facts: [Int64: ReplayFactRow] = [:]
    /// The `sources` rows by name.
    var sources: [String: ReplaySourceRow] = [:]
    /// The seqs of the facts attributed to each source (possibly stale: check the row's source).
    var seqsBySource: [String: [Int64]] = [:]
    let ranking: LevelRanking

    init(ranking: LevelRanking) { self.ranking = ranking }

    /// Folds one event, as `Projector.applyBase` does to the tables.
    mutating func apply(_ event: RecordedEvent) {
        guard let type = EventType(rawValue: event.type) else { return }
        switch type {
        case .sourceAdded, .sourceRevised:
            guard let content = SourceContentFields(event) else { return }
            upsertSource(content, added: type == .sourceAdded, event: event)
        case .sourceRenamed:
            guard let renamed = SourceEvents.decode(SourceEvents.Renamed.self, from: event), renamed.from != renamed.to else { return }
            renameSource(from: renamed.from, to: renamed.to, seq: event.seq)
        case .sourceWithdrawn:
            guard let name = LifecyclePayload.name(of: event) else { return }
            if sources[name] != nil {
                sources[name]?.state = "withdrawn"
                sources[name]?.lastSeq = event.seq
            }
            endFacts(of: name, by: event.seq)
        case .factRetracted:
            guard let retracted = SourceEvents.decode(SourceEvents.Retracted.self, from: event) else { return }
            if let row = facts[retracted.asserted], row.live, row.factID == retracted.fact {
                endFact(retracted.asserted, by: event.seq)
            } else if let seq = liveSeqs(of: retracted.source).first(where: { facts[$0]?.factID == retracted.fact }) {
                endFact(seq, by: event.seq)
            }
        case .payloadRedacted:
            guard let redacted = SourceEvents.decode(SourceEvents.Redacted.self, from: event) else { return }
            for target in redacted.targets {
                endFact(target, by: event.seq)
                facts[target] = nil
                for name in sources.keys where sources[name]?.contentSeq == target {
                    sources[name]?.sha256 = ""
                    sources[name]?.size = 0
                    sources[name]?.published = nil
                }
            }
            if let name = redacted.source {
                if sources[name] != nil {
                    sources[name]?.state = "redacted"
                    sources[name]?.lastSeq = event.seq
                }
                endFacts(of: name, by: event.seq)
            }
        default:
            guard let payload = Upcaster.upcast(event).payload, let fact = AssertedFact.parse(payload) else { return }
            insertFact(fact, event: event)
        }
    }

    /// The live facts' seqs of a source, ascending.
    func liveSeqs(of source: String) -> [Int64] {
        (seqsBySource[source] ?? []).filter { facts[$0].map { $0.live && $0.source == source } ?? false }.sorted()
    }

    private mutating func insertFact(_ fact: AssertedFact, event: RecordedEvent) {
        if let state = sources[fact.source]?.state, state == "withdrawn" || state == "redacted" { return }
        let summary = fact.summary
        let derived = fact.type == "meeting" || fact.type == "document"
        facts[event.seq] = ReplayFactRow(
            seq: event.seq, factID: fact.id, factType: fact.type, eventType: event.type, source: fact.source,
            validOn: fact.date, pair: fact.pairKey, corroborationKey: fact.corroborationKey, level: fact.level,
            action: fact.type == "partnership" ? (fact.action ?? "established") : fact.action, summary: summary,
            fact: derived ? fact : nil,
            appearances: Appearance.of(seq: event.seq, fact: fact, summary: summary))
        seqsBySource[fact.source, default: []].append(event.seq)
        if sources[fact.source] != nil { sources[fact.source]?.facts += 1 }
    }

    /// Ends one live fact: not live any more, uncounted, its appearances gone.
    private mutating func endFact(_ seq: Int64, by ender: Int64) {
        guard let row = facts[seq], row.live else { return }
        row.live = false
        row.endedBy = ender
        row.appearances = []
        if sources[row.source] != nil { sources[row.source]?.facts -= 1 }
    }

    private mutating func endFacts(of source: String, by ender: Int64) {
        for seq in liveSeqs(of: source) { endFact(seq, by: ender) }
    }

    private mutating func upsertSource(_ content: SourceContentFields, added: Bool, event: RecordedEvent) {
        let existing = sources[content.name]
        var arrivedSeq = event.seq, arrivedAt = event.recordedAt
        if let existing, !(added && existing.state != "active") {
            arrivedSeq = existing.arrivedSeq
            arrivedAt = existing.arrivedAt
        }
        sources[content.name] = ReplaySourceRow(
            name: content.name, sha256: content.sha256, size: Int64(content.size), state: added ? "active" : "revised",
            published: content.published, arrivedSeq: arrivedSeq, arrivedAt: arrivedAt, lastSeq: event.seq,
            contentSeq: event.seq, facts: existing?.facts ?? 0)
    }

    private mutating func renameSource(from: String, to: String, seq: Int64) {
        if var record = sources.removeValue(forKey: from) {
            record.name = to
            record.lastSeq = seq
            sources[to] = record
        }
        let moved = seqsBySource.removeValue(forKey: from) ?? []
        for seq in moved {
            guard let row = facts[seq], row.source == from else { continue }
            row.source = to
            for index in row.appearances.indices { row.appearances[index].source = to }
        }
        seqsBySource[to, default: []].append(contentsOf: moved)
        if sources[to] != nil {
            let count = Int64(liveSeqs(of: to).count)
            sources[to]?.facts = count
        }
    }
}
