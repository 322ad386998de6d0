import AnnalsLog

extension Projector {
    /// Folds one event into `facts` and `sources` (and, when maintaining derived models, the
    /// per-fact rows of `person_appearances`), recording in `dirty` what derived keys changed.
    /// Mirrors `FactLedger` and `SourcesProjection`.
    func applyBase(_ event: RecordedEvent, _ dirty: inout DirtyKeys) throws {
        guard let type = EventType(rawValue: event.type) else { return }
        if !type.assertsFact { try flushSourceDeltas(&dirty) }
        switch type {
        case .sourceAdded, .sourceRevised:
            guard let content = SourceContentFields(event) else { return }
            try upsertSource(content, added: type == .sourceAdded, event: event)
            withdrawnNames?.remove(content.name)
        case .sourceRenamed:
            guard let renamed = SourceEvents.decode(SourceEvents.Renamed.self, from: event), renamed.from != renamed.to else { return }
            try renameSource(from: renamed.from, to: renamed.to, seq: event.seq, &dirty)
        case .sourceWithdrawn:
            guard let name = LifecyclePayload.name(of: event) else { return }
            try store.cachedStatement(sql: "UPDATE sources SET state = 'withdrawn', last_seq = ? WHERE name = ?")
                .execute([.integer(event.seq), .text(name)])
            try endFacts(of: name, by: event.seq, &dirty)
            withdrawnNames = nil
        case .factRetracted:
            guard let retracted = SourceEvents.decode(SourceEvents.Retracted.self, from: event) else { return }
            let exact = try store.integer("SELECT count(*) FROM facts WHERE seq = ? AND fact_id = ? AND live = 1",
                                          [.integer(retracted.asserted), .text(retracted.fact)])
            let seq = exact > 0 ? retracted.asserted : try store.integer(
                "SELECT coalesce(min(seq), 0) FROM facts WHERE source = ? AND fact_id = ? AND live = 1",
                [.text(retracted.source), .text(retracted.fact)])
            if seq > 0 { try endFact(seq, by: event.seq, &dirty) }
        case .payloadRedacted:
            guard let redacted = SourceEvents.decode(SourceEvents.Redacted.self, from: event) else { return }
            // The state must equal a replay of the log as it now is, where the targets' payloads
            // are NULL from the start: their facts never existed, and a targeted content event
            // leaves its readout's digest, size and date unknown.
            for target in redacted.targets {
                try endFact(target, by: event.seq, &dirty)
                try store.cachedStatement(sql: "DELETE FROM facts WHERE seq = ?").execute([.integer(target)])
                try blankSourceContent(ifLatestContentEventIs: target)
            }
            if let name = redacted.source {
                try store.cachedStatement(sql: "UPDATE sources SET state = 'redacted', last_seq = ? WHERE name = ?")
                    .execute([.integer(event.seq), .text(name)])
                try endFacts(of: name, by: event.seq, &dirty)
                withdrawnNames = nil
            }
            try flushSourceDeltas(&dirty)
        default:
            guard let payload = Upcaster.upcast(event).payload, let fact = AssertedFact.parse(payload) else { return }
            try insertFact(fact, event: event, &dirty)
        }
    }

    private func insertFact(_ fact: AssertedFact, event: RecordedEvent, _ dirty: inout DirtyKeys) throws {
        if try isWithdrawn(fact.source) { return }
        let pair = fact.pairKey, key = fact.corroborationKey, summary = fact.summary
        try store.cachedStatement(sql: """
            INSERT OR REPLACE INTO facts (seq, fact_id, fact_type, event_type, source, valid_on, pair, corroboration_key,
                                          level, action, summary, live, ended_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL)
            """).execute([
                .integer(event.seq), .text(fact.id), .text(fact.type), .text(event.type), .text(fact.source),
                .optional(fact.date), .optional(pair), .optional(key), .optional(fact.level),
                .optional(fact.type == "partnership" ? (fact.action ?? "established") : fact.action), .text(summary),
            ])
        dirty.sourceDeltas[fact.source, default: 0] += 1
        guard maintainAppearances else { return }
        for appearance in Appearance.of(seq: event.seq, fact: fact, summary: summary) {
            try insertAppearance(appearance)
            if maintainDerived { dirty.newAppearances[appearance.person, default: []].append(appearance) }
        }
        if maintainDerived { dirty.add(fact, seq: event.seq) }
    }

    /// Ends one live fact: not live any more, uncounted, its derived keys refreshed.
    func endFact(_ seq: Int64, by ender: Int64, _ dirty: inout DirtyKeys) throws {
        let rows = try store.rows("SELECT fact_type, pair, corroboration_key, source FROM facts WHERE seq = ? AND live = 1",
                                  [.integer(seq)]) { ($0.string(0) ?? "", $0.string(1), $0.string(2), $0.string(3) ?? "") }
        guard let row = rows.first else { return }
        try store.cachedStatement(sql: "UPDATE facts SET live = 0, ended_by = ? WHERE seq = ?").execute([.integer(ender), .integer(seq)])
        dirty.sourceDeltas[row.3, default: 0] -= 1
        if maintainDerived { dirty.touch(type: row.0, pair: row.1, key: row.2) }
        guard maintainAppearances else { return }
        let people = try store.rows("SELECT person_key FROM person_appearances WHERE seq = ?", [.integer(seq)]) { $0.string(0) ?? "" }
        if !people.isEmpty {
            if maintainDerived { dirty.people.formUnion(people) }
            try store.cachedStatement(sql: "DELETE FROM person_appearances WHERE seq = ?").execute([.integer(seq)])
        }
    }

    /// Ends every live fact of a readout.
    func endFacts(of source: String, by ender: Int64, _ dirty: inout DirtyKeys) throws {
        let seqs = try store.rows("SELECT seq FROM facts WHERE source = ? AND live = 1 ORDER BY seq", [.text(source)]) { $0.int64(0) }
        for seq in seqs { try endFact(seq, by: ender, &dirty) }
    }

    private func upsertSource(_ content: SourceContentFields, added: Bool, event: RecordedEvent) throws {
        let existing = try store.rows("SELECT state, arrived_seq, arrived_at FROM sources WHERE name = ?", [.text(content.name)]) {
            ($0.string(0) ?? "", $0.int64(1), $0.string(2) ?? "")
        }.first
        var arrivedSeq = event.seq, arrivedAt = event.recordedAt
        if let existing, !(added && existing.0 != "active") {
            arrivedSeq = existing.1
            arrivedAt = existing.2
        }
        try store.cachedStatement(sql: """
            INSERT INTO sources (name, sha256, size, state, published, arrived_seq, arrived_at, last_seq, content_seq, facts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT (name) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, state = excluded.state,
                published = excluded.published, arrived_seq = excluded.arrived_seq, arrived_at = excluded.arrived_at,
                last_seq = excluded.last_seq, content_seq = excluded.content_seq
            """).execute([
                .text(content.name), .text(content.sha256), .integer(Int64(content.size)), .text(added ? "active" : "revised"),
                .optional(content.published), .integer(arrivedSeq), .text(arrivedAt), .integer(event.seq), .integer(event.seq),
            ])
    }

    private func renameSource(from: String, to: String, seq: Int64, _ dirty: inout DirtyKeys) throws {
        let hasFrom = try store.integer("SELECT count(*) FROM sources WHERE name = ?", [.text(from)]) > 0
        if hasFrom {
            try store.cachedStatement(sql: "DELETE FROM sources WHERE name = ?").execute([.text(to)])
            try store.cachedStatement(sql: "UPDATE sources SET name = ?, last_seq = ? WHERE name = ?")
                .execute([.text(to), .integer(seq), .text(from)])
        }
        if maintainDerived {
            let rows = try store.rows("SELECT fact_type, pair, corroboration_key FROM facts WHERE source = ? AND live = 1",
                                      [.text(from)]) { ($0.string(0) ?? "", $0.string(1), $0.string(2)) }
            for row in rows { dirty.touch(type: row.0, pair: row.1, key: row.2) }
        }
        if maintainAppearances {
            try store.cachedStatement(sql: "UPDATE person_appearances SET source = ? WHERE source = ?")
                .execute([.text(to), .text(from)])
        }
        try store.cachedStatement(sql: "UPDATE facts SET source = ? WHERE source = ?").execute([.text(to), .text(from)])
        withdrawnNames = nil
        try store.cachedStatement(sql: "UPDATE sources SET facts = (SELECT count(*) FROM facts WHERE source = ?1 AND live = 1) WHERE name = ?1")
            .execute([.text(to)])
    }

    /// Empties the content fields of the readout whose latest `SourceAdded`/`SourceRevised` is `seq`.
    private func blankSourceContent(ifLatestContentEventIs seq: Int64) throws {
        try store.cachedStatement(sql: "UPDATE sources SET sha256 = '', size = 0, published = NULL WHERE content_seq = ?")
            .execute([.integer(seq)])
    }

    /// Whether facts of `source` are ignored (withdrawn or redacted), from a cache of such names
    /// reloaded whenever a lifecycle event may have changed it.
    private func isWithdrawn(_ source: String) throws -> Bool {
        if withdrawnNames == nil {
            withdrawnNames = Set(try store.rows("SELECT name FROM sources WHERE state IN ('withdrawn', 'redacted')") { $0.string(0) ?? "" })
        }
        return withdrawnNames?.contains(source) ?? false
    }

    /// Writes the pending live-fact count changes to `sources`.
    func flushSourceDeltas(_ dirty: inout DirtyKeys) throws {
        guard !dirty.sourceDeltas.isEmpty else { return }
        let statement = try store.cachedStatement(sql: "UPDATE sources SET facts = facts + ? WHERE name = ?")
        for (name, delta) in dirty.sourceDeltas.sorted(by: { $0.key < $1.key }) where delta != 0 {
            try statement.execute([.integer(Int64(delta)), .text(name)])
        }
        dirty.sourceDeltas.removeAll(keepingCapacity: true)
    }
}
