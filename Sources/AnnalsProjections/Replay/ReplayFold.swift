import AnnalsLog

/// The rows of every read model, folded in memory from events with exactly the semantics of
/// `Projector` (its `applyBase` statement by statement, then the derived models as a full
/// rebuild derives them), so `replay` digests them without writing a temporary database.
///
/// Each event costs O(1) here: a fact event appends one row (facts come in seq order, so the
/// rows stay sorted and a seq is found by binary search, with no dictionary); the derived models
/// (relations, meetings, documents, people) are grouped once, when `ReplayFold+Digest` encodes
/// them. Replay reads fact payloads in place from SQLite's buffer (`item(_:)`, `ReplayFold+Pipeline`).
///
/// `ReplayFold+Digest` encodes the rows canonically (`TableDigest`); the digests equal those of
/// tables built by `Projector` from the same events (`InMemoryReplayTests` checks it).
struct ReplayFold {
    /// The `facts` rows in seq order, including rows a redaction deleted (flagged `deleted`).
    private(set) var facts: [ReplayFactRow] = []
    /// The `sources` rows by name.
    var sources: [String: ReplaySourceRow] = [:]
    /// The seqs of the facts attributed to each source (possibly stale: check the row's source);
    /// built on the first event that needs it (a withdrawal, retraction, redaction or rename),
    /// then kept, so a log of fact events alone never pays for it.
    private var seqsBySource: [String: [Int64]]?
    /// Every fact's rows encoded as first inserted (`ReplayArenas`), in seq order.
    var arenas = ReplayArenas()
    /// The `people` rows, counted as appearances arrive; exact until a fact with people ends.
    private(set) var people: [String: ReplayPersonTotals] = [:]
    private(set) var peopleAreExact = true
    let ranking: LevelRanking

    init(ranking: LevelRanking) { self.ranking = ranking }

    /// A fold with room for about `events` facts (`ReplayArenas(expecting:)`), so rows and
    /// arenas do not double and copy as they grow.
    init(ranking: LevelRanking, expecting events: Int) {
        self.ranking = ranking
        facts.reserveCapacity(events)
        arenas = ReplayArenas(expecting: events)
    }

    /// Folds one event, as `Projector.applyBase` does to the tables.
    mutating func apply(_ event: RecordedEvent) {
        guard let type = EventType(rawValue: event.type) else { return }
        apply(event, type: type)
    }

    private mutating func apply(_ event: RecordedEvent, type: EventType) {
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
            if let row = row(at: retracted.asserted), row.live, row.factID == retracted.fact {
                endFact(retracted.asserted, by: event.seq)
            } else if let seq = liveSeqs(of: retracted.source).first(where: { row(at: $0)?.factID == retracted.fact }) {
                endFact(seq, by: event.seq)
            }
        case .payloadRedacted:
            guard let redacted = SourceEvents.decode(SourceEvents.Redacted.self, from: event) else { return }
            for target in redacted.targets {
                endFact(target, by: event.seq)
                row(at: target)?.deleted = true
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
            guard let payload = event.payload else { return }
            let fact = payload.withUnsafeBufferPointer { ReplayFold.fact(from: $0, type: type, schema: event.schema) }
            if let fact { insertFact(fact, seq: event.seq, eventType: type) }
        }
    }

    /// A fact event's payload as the current schema reads it: `Upcaster.upcast` then
    /// `AssertedFact.parse`, in one parse. A schema 1 `MeetingHeld` gets `parties` from its
    /// principals' countries unless the payload sets them, as the upcast payload (which puts the
    /// derived `parties` first, where a later key overrides it) parses.
    static func fact(from payload: UnsafeBufferPointer<UInt8>, type: EventType, schema: Int) -> AssertedFact? {
        var partiesGiven = false
        guard var fact = AssertedFact.parse(payload, keepingExtractor: false, partiesGiven: &partiesGiven) else { return nil }
        if type == .meetingHeld, schema == 1, payload.first == UInt8(ascii: "{"), !partiesGiven {
            fact.parties = Set(fact.participants.compactMap(\.country)).sorted()
        }
        return fact
    }

    /// A `facts` row as `Projector` writes it (`TableDigest`'s encoding).
    static func encodeFactRow(_ row: ReplayFactRow, into e: inout RowBytes) {
        e.integer(row.seq); e.text(row.factID); e.text(row.factType); e.text(row.eventType.rawValue); e.text(row.source)
        e.text(row.validOn); e.text(row.pair); e.text(row.corroborationKey); e.text(row.level); e.text(row.action)
        e.text(row.summary); e.integer(row.live ? 1 : 0); e.integer(row.endedBy)
        e.endRow()
    }

    /// A fact's `person_appearances` rows, by person key (the table's order within a seq).
    static func encodeAppearances(of row: ReplayFactRow, into e: inout RowBytes) {
        let ordered = row.appearances.count < 2 ? row.appearances : row.appearances.sorted { precedes($0.person, $1.person) }
        for a in ordered {
            e.integer(row.seq); e.text(a.person); e.text(a.name); e.text(a.country); e.text(a.title); e.text(row.validOn)
            e.text(a.role); e.text(row.factType); e.text(row.factID); e.text(row.source); e.text(row.summary)
            e.endRow()
        }
    }

    /// `fact.pairKey`, without a set for the usual two distinct `parties`.
    static func pairKey(of fact: AssertedFact) -> String? {
        guard fact.parties.count == 2 else { return fact.pairKey }
        let a = fact.parties[0], b = fact.parties[1]
        guard a != b else { return nil }
        return a < b ? a + "-" + b : b + "-" + a
    }

    /// The row of the fact asserted at `seq`, deleted or not, or nil.
    func row(at seq: Int64) -> ReplayFactRow? {
        var low = 0, high = facts.count
        while low < high {
            let middle = (low + high) / 2
            if facts[middle].seq < seq { low = middle + 1 } else { high = middle }
        }
        return low < facts.count && facts[low].seq == seq ? facts[low] : nil
    }

    /// The live facts' seqs of a source, ascending.
    mutating func liveSeqs(of source: String) -> [Int64] {
        if seqsBySource == nil {
            var index: [String: [Int64]] = [:]
            for row in facts where !row.deleted { index[row.source, default: []].append(row.seq) }
            seqsBySource = index
        }
        return (seqsBySource?[source] ?? []).filter { row(at: $0).map { $0.live && !$0.deleted && $0.source == source } ?? false }.sorted()
    }

    /// Folds a fact event: its row, encoded (`ReplayArenas`), then inserted.
    mutating func insertFact(_ fact: consuming AssertedFact, seq: Int64, eventType: EventType) {
        let row = ReplayFold.makeRow(fact, seq: seq, eventType: eventType)
        arenas.encode(row)
        insert(row)
    }

    /// A fact's `facts` row with what the derived models need; depends on the fact alone.
    static func makeRow(_ fact: consuming AssertedFact, seq: Int64, eventType: EventType) -> ReplayFactRow {
        let summary = fact.summary
        // A meeting's principals: each name's key and family word from one pass over it.
        let principals = fact.type == "meeting" ? fact.participants.map { PersonName.keyAndFamily($0.name) } : []
        let key = fact.type == "meeting"
            ? (fact.date ?? "?") + "|" + principals.map(\.family).sorted().joined(separator: ",")
            : fact.corroborationKey
        let appearances = ReplayAppearance.of(fact, principalKeys: principals.isEmpty ? nil : principals.map(\.key))
        let id = fact.id, type = fact.type, source = fact.source, date = fact.date, level = fact.level
        let action = type == "partnership" ? (fact.action ?? "established") : fact.action
        let pair = ReplayFold.pairKey(of: fact)
        // Meetings and documents keep every field; the fact moves into its box (no copy).
        let details = type == "meeting" || type == "document" ? ReplayFactDetails(fact) : nil
        return ReplayFactRow(
            seq: seq, factID: id, factType: type, eventType: eventType, source: source, validOn: date, pair: pair,
            corroborationKey: key, level: level, action: action, summary: summary, details: details, appearances: appearances)
    }

    /// Inserts a fact's row (already encoded), as `Projector.insertFact` does: not for a readout
    /// withdrawn or redacted; counted for its readout and its people.
    mutating func insert(_ row: ReplayFactRow) {
        let source = row.source
        if !sources.isEmpty, let state = sources[source]?.state, state == "withdrawn" || state == "redacted" { return }
        assert(facts.last.map { $0.seq < row.seq } ?? true, "facts must be folded in seq order")
        for a in row.appearances { people[a.person, default: ReplayPersonTotals(name: a.name)].count(a, on: row.validOn) }
        facts.append(row)
        if seqsBySource != nil { seqsBySource?[source, default: []].append(row.seq) }
        if !sources.isEmpty, sources[source] != nil { sources[source]?.facts += 1 }
    }

    /// Ends one live fact: not live any more, uncounted, its appearances gone.
    private mutating func endFact(_ seq: Int64, by ender: Int64) {
        guard let row = row(at: seq), row.live, !row.deleted else { return }
        row.live = false
        row.endedBy = ender
        if !row.appearances.isEmpty { peopleAreExact = false }
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
        _ = liveSeqs(of: from)
        let moved = seqsBySource?.removeValue(forKey: from) ?? []
        for seq in moved {
            guard let row = row(at: seq), !row.deleted, row.source == from else { continue }
            row.source = to
            row.renamed = true
        }
        seqsBySource?[to, default: []].append(contentsOf: moved)
        if sources[to] != nil {
            let count = Int64(liveSeqs(of: to).count)
            sources[to]?.facts = count
        }
    }
}
