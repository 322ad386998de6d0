import AnnalsLog

extension Projector {
    /// Re-derives the rows of every key `dirty` names from the live facts.
    func refresh(_ dirty: DirtyKeys) throws {
        guard maintainDerived else { return }
        for pair in dirty.pairs.union(dirty.newClaims.keys).sorted() {
            if !dirty.pairs.contains(pair), let added = dirty.newClaims[pair], try extendRelation(pair: pair, with: added) { continue }
            let claims = try store.rows("""
                SELECT seq, fact_id, source, valid_on, level, action FROM facts
                WHERE pair = ? AND fact_type = 'partnership' AND live = 1 AND level IS NOT NULL AND valid_on IS NOT NULL
                """, [.text(pair)], Projector.claim(from:))
            try writeRelation(pair: pair, claims: claims)
        }
        for key in dirty.meetings.sorted() {
            try writeMeetings(key: key, facts: try liveFacts(type: "meeting", key: key))
        }
        for key in dirty.documents.sorted() {
            try writeDocuments(key: key, facts: try liveFacts(type: "document", key: key))
        }
        for (person, added) in dirty.newAppearances.sorted(by: { $0.key < $1.key }) where !dirty.people.contains(person) {
            try extendPerson(person, with: added)
        }
        for person in dirty.people.sorted() {
            let appearances = try store.rows(
                "SELECT name, country, date, seq FROM person_appearances WHERE person_key = ? ORDER BY seq",
                [.text(person)]) { PersonRow(name: $0.string(0) ?? "", country: $0.string(1), date: $0.string(2)) }
            try writePerson(person, appearances)
        }
    }

    static func claim(from row: Statement) -> PartnershipClaim {
        PartnershipClaim(seq: row.int64(0), fact: row.string(1) ?? "", source: row.string(2) ?? "",
                         date: row.string(3) ?? "", level: row.string(4) ?? "", action: row.string(5) ?? "established")
    }

    /// The live facts of one corroboration key, parsed from the log's payloads, with the source
    /// as the `facts` row has it now (after renames).
    func liveFacts(type: String, key: String) throws -> [(seq: Int64, fact: AssertedFact)] {
        let rows = try store.rows("SELECT seq, source FROM facts WHERE corroboration_key = ? AND fact_type = ? AND live = 1 ORDER BY seq",
                                  [.text(key), .text(type)]) { ($0.int64(0), $0.string(1) ?? "") }
        return try rows.compactMap { seq, source in try fact(at: seq, source: source).map { (seq: seq, fact: $0) } }
    }

    /// The fact asserted at `seq`, read from the log, attributed to `source`.
    func fact(at seq: Int64, source: String) throws -> AssertedFact? {
        let statement = try log.database.cachedStatement(sql: "SELECT payload FROM events WHERE seq = ?")
        defer { statement.reset() }
        try statement.bind(.integer(seq), at: 1)
        guard try statement.step(), !statement.isNull(0) else { return nil }
        var fact = statement.withBytes(0) { raw in AssertedFact.parse(raw.bindMemory(to: UInt8.self)) }
        fact?.source = source
        return fact
    }

    /// Re-derives a pair from all its claims, writing only the steps that changed.
    func writeRelation(pair: String, claims: [PartnershipClaim]) throws {
        let parties = pair.split(separator: "-").map(String.init)
        let stored = try store.rows("""
            SELECT level, since, change, source, fact_id, seq, sources FROM relation_steps WHERE pair = ? ORDER BY step
            """, [.text(pair)], Projector.step(from:))
        guard let relation = Relation.derive(parties: parties, claims: claims, ranking: ranking),
              let current = relation.ladder.last else {
            try store.cachedStatement(sql: "DELETE FROM relations WHERE pair = ?").execute([.text(pair)])
            try store.cachedStatement(sql: "DELETE FROM relation_steps WHERE pair = ?").execute([.text(pair)])
            return
        }
        for (index, step) in relation.ladder.enumerated() where index >= stored.count || stored[index] != step {
            try writeStep(pair: pair, number: index + 1, step)
        }
        if stored.count > relation.ladder.count {
            try store.cachedStatement(sql: "DELETE FROM relation_steps WHERE pair = ? AND step > ?")
                .execute([.text(pair), .integer(Int64(relation.ladder.count))])
        }
        let lastClaimOn = claims.map(\.date).max() ?? current.since
        try writeRelationRow(pair: pair, current: current, steps: relation.ladder.count, lastClaimOn: lastClaimOn)
    }

    static func step(from row: Statement) -> LadderStep {
        LadderStep(level: row.string(0) ?? "", since: row.string(1) ?? "", source: row.string(3) ?? "", fact: row.string(4) ?? "",
                   seq: row.int64(5), change: row.string(2) ?? "", sources: JSONText.parseArray(row.string(6)))
    }

    private func writeRelationRow(pair: String, current: LadderStep, steps: Int, lastClaimOn: String) throws {
        let parties = pair.split(separator: "-").map(String.init)
        try store.cachedStatement(sql: """
            INSERT OR REPLACE INTO relations (pair, party_a, party_b, level, since, source, fact_id, steps, last_claim_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([.text(pair), .text(parties.first ?? ""), .text(parties.last ?? ""), .text(current.level),
                          .text(current.since), .text(current.source), .text(current.fact), .integer(Int64(steps)),
                          .text(lastClaimOn)])
    }

    private func writeStep(pair: String, number: Int, _ step: LadderStep) throws {
        try store.cachedStatement(sql: """
            INSERT OR REPLACE INTO relation_steps (pair, step, level, since, change, source, fact_id, seq, sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([.text(pair), .integer(Int64(number)), .text(step.level), .text(step.since), .text(step.change),
                          .text(step.source), .text(step.fact), .integer(step.seq), .text(JSONText.array(step.sources))])
    }

    /// Folds claims asserted in this batch into a pair's stored ladder without reading its other
    /// claims, when that is exact; false, having written nothing, when the pair must be re-derived.
    ///
    /// Exact in two cases. A claim dated after every claim already folded continues the walk from
    /// the last step. An earlier claim that the ladder already accounts for changes at most the
    /// sources of the step in force at its place in the walk: a referenced level (a non-empty
    /// ladder before it), or the level of that step (the walk after it is then unchanged). Anything
    /// else (a level change in the past, a claim before the first step) re-derives the pair.
    private func extendRelation(pair: String, with added: [PartnershipClaim]) throws -> Bool {
        let stored = try store.rows("SELECT steps, last_claim_on FROM relations WHERE pair = ?", [.text(pair)]) {
            (Int($0.int64(0)), $0.string(1) ?? "")
        }.first
        guard let stored else { return false }
        let original = try store.rows("""
            SELECT level, since, change, source, fact_id, seq, sources FROM relation_steps WHERE pair = ? ORDER BY step
            """, [.text(pair)], Projector.step(from:))
        guard original.count == stored.0, !original.isEmpty else { return false }
        var builder = LadderBuilder(ladder: original, ranking: ranking)
        var lastClaimOn = stored.1
        for claim in added.sorted(by: LadderBuilder.precedes) {
            if claim.date > lastClaimOn {
                builder.add(claim)
                lastClaimOn = claim.date
                continue
            }
            guard builder.absorbEarlier(claim) else { return false }
        }
        for (index, step) in builder.ladder.enumerated() where index >= original.count || original[index] != step {
            try writeStep(pair: pair, number: index + 1, step)
        }
        guard let current = builder.ladder.last else { return false }
        try writeRelationRow(pair: pair, current: current, steps: builder.ladder.count, lastClaimOn: lastClaimOn)
        return true
    }

    func writeMeetings(key: String, facts: [(seq: Int64, fact: AssertedFact)]) throws {
        try store.cachedStatement(sql: "DELETE FROM meetings WHERE corroboration_key = ?").execute([.text(key)])
        try store.cachedStatement(sql: "DELETE FROM meeting_participants WHERE corroboration_key = ?").execute([.text(key)])
        let insert = try store.cachedStatement(sql: """
            INSERT INTO meetings (corroboration_key, ordinal, meeting_id, date, format, city, venue, time_of_day, occasion,
                                  participants, countries, sources, fact_ids, first_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let participant = try store.cachedStatement(sql: """
            INSERT INTO meeting_participants (corroboration_key, ordinal, position, name, country, title) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let groups = Corroboration.group(facts) { _ in key }
        for (ordinal, group) in groups.enumerated() {
            guard let meeting = Meeting(group: group) else { continue }
            try insert.execute([
                .text(key), .integer(Int64(ordinal)), .text(meeting.id), .optional(meeting.date), .optional(meeting.format),
                .optional(meeting.city), .optional(meeting.venue), .optional(meeting.timeOfDay), .optional(meeting.occasion),
                .text(JSONText.participants(meeting.participants)), .text(JSONText.array(meeting.countries)),
                .text(JSONText.array(meeting.sources)), .text(JSONText.array(meeting.facts)), .integer(meeting.seq),
            ])
            for (position, p) in meeting.participants.enumerated() {
                try participant.execute([.text(key), .integer(Int64(ordinal)), .integer(Int64(position)), .text(p.name),
                                         .optional(p.country), .optional(p.title)])
            }
        }
    }

    func writeDocuments(key: String, facts: [(seq: Int64, fact: AssertedFact)]) throws {
        try store.cachedStatement(sql: "DELETE FROM documents WHERE corroboration_key = ?").execute([.text(key)])
        let insert = try store.cachedStatement(sql: """
            INSERT INTO documents (corroboration_key, ordinal, document_id, kind, parties, date, count, count_qualifier, title,
                                   fields, signed_by, sources, fact_ids, first_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let groups = Corroboration.group(facts) { _ in key }
        for (ordinal, group) in groups.enumerated() {
            guard let document = Document(group: group) else { continue }
            try insert.execute([
                .text(key), .integer(Int64(ordinal)), .text(document.id), .optional(document.kind),
                .text(JSONText.array(document.parties)), .optional(document.date), .optional(document.count),
                .optional(document.countQualifier), .optional(document.title), .text(JSONText.array(document.fields)),
                .optional(document.signedBy), .text(JSONText.array(document.sources)), .text(JSONText.array(document.facts)),
                .integer(document.seq),
            ])
        }
    }

    func insertAppearance(_ a: Appearance) throws {
        try store.cachedStatement(sql: """
            INSERT OR REPLACE INTO person_appearances (seq, person_key, name, country, title, date, role, fact_type, fact_id, source, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([
                .integer(a.seq), .text(a.person), .text(a.name), .optional(a.country), .optional(a.title), .optional(a.date),
                .text(a.role), .text(a.factType), .text(a.fact), .text(a.source), .text(a.summary),
            ])
    }

    /// One appearance as the `people` aggregate needs it, in seq order.
    struct PersonRow {
        var name: String
        var country: String?
        var date: String?
    }

    /// Adds this batch's appearances of a person (all after the stored ones) to their `people` row.
    private func extendPerson(_ key: String, with added: [Appearance]) throws {
        let stored = try store.rows("SELECT name, countries, appearances, first_date, last_date FROM people WHERE person_key = ?",
                                    [.text(key)]) { ($0.string(0) ?? "", JSONText.parseArray($0.string(1)), Int($0.int64(2)), $0.string(3), $0.string(4)) }.first
        guard let first = added.first else { return }
        let dates = added.compactMap(\.date) + [stored?.3, stored?.4].compactMap { $0 }
        let countries = Set((stored?.1 ?? []) + added.compactMap(\.country)).sorted()
        try store.cachedStatement(sql: """
            INSERT OR REPLACE INTO people (person_key, name, countries, appearances, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?)
            """).execute([.text(key), .text(stored?.0 ?? first.name), .text(JSONText.array(countries)),
                          .integer(Int64((stored?.2 ?? 0) + added.count)), .optional(dates.min()), .optional(dates.max())])
    }

    /// Writes a person's `people` row from their appearances (seq order), or deletes it when none remain.
    func writePerson(_ key: String, _ rows: [PersonRow]) throws {
        guard let first = rows.first else {
            try store.cachedStatement(sql: "DELETE FROM people WHERE person_key = ?").execute([.text(key)])
            return
        }
        let dates = rows.compactMap(\.date)
        try store.cachedStatement(sql: """
            INSERT OR REPLACE INTO people (person_key, name, countries, appearances, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?)
            """).execute([.text(key), .text(first.name), .text(JSONText.array(Set(rows.compactMap(\.country)).sorted())),
                          .integer(Int64(rows.count)), .optional(dates.min()), .optional(dates.max())])
    }
}
