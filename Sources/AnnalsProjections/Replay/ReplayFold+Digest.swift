/// The canonical rows of every read model, straight from the fold state, digested.
extension ReplayFold {
    /// Each projection's digest and row count, in `ProjectionName.allCases` order: the values
    /// `TableDigest.digest(of:in:)` gives for tables `Projector` builds from the same events.
    func digests() -> [(name: ProjectionName, hex: String, rows: Int)] {
        let live = facts.values.filter(\.live).sorted { $0.seq < $1.seq }
        return ProjectionName.allCases.map { name in
            var encoder = RowEncoder()
            switch name {
            case .facts: encodeFacts(&encoder)
            case .sources: encodeSources(&encoder)
            case .relations: encodeRelations(live, &encoder)
            case .meetings: encodeMeetings(live, &encoder)
            case .documents: encodeDocuments(live, &encoder)
            case .people: encodePeople(live, &encoder)
            }
            let (hex, rows) = encoder.finish()
            return (name, hex, rows)
        }
    }

    /// SQLite's `ORDER BY` on TEXT (BINARY collation): UTF-8 bytes.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Groups rows by a key, the keys in SQLite's order, each group keeping the rows' order.
    static func grouped<Row>(_ rows: [Row], by key: (Row) -> String?) -> [(key: String, rows: [Row])] {
        var groups: [String: [Row]] = [:]
        for row in rows { if let k = key(row) { groups[k, default: []].append(row) } }
        return groups.keys.sorted(by: precedes).map { ($0, groups[$0] ?? []) }
    }

    private func encodeFacts(_ e: inout RowEncoder) {
        e.table("facts")
        for row in facts.values.sorted(by: { $0.seq < $1.seq }) {
            e.integer(row.seq); e.text(row.factID); e.text(row.factType); e.text(row.eventType); e.text(row.source)
            e.text(row.validOn); e.text(row.pair); e.text(row.corroborationKey); e.text(row.level); e.text(row.action)
            e.text(row.summary); e.integer(row.live ? 1 : 0); e.integer(row.endedBy)
            e.endRow()
        }
    }

    private func encodeSources(_ e: inout RowEncoder) {
        e.table("sources")
        for name in sources.keys.sorted(by: Self.precedes) {
            guard let s = sources[name] else { continue }
            e.text(s.name); e.text(s.sha256); e.integer(s.size); e.text(s.state); e.text(s.published)
            e.integer(s.arrivedSeq); e.text(s.arrivedAt); e.integer(s.lastSeq); e.integer(s.contentSeq); e.integer(s.facts)
            e.endRow()
        }
    }

    private func encodeRelations(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        let claims = live.filter { $0.factType == "partnership" && $0.level != nil && $0.validOn != nil }
        var relations: [(pair: String, parties: [String], relation: Relation, lastClaimOn: String)] = []
        for (pair, rows) in Self.grouped(claims, by: \.pair) {
            let parties = pair.split(separator: "-").map(String.init)
            let claims = rows.map {
                PartnershipClaim(seq: $0.seq, fact: $0.factID, source: $0.source, date: $0.validOn ?? "", level: $0.level ?? "",
                                 action: $0.action ?? "established")
            }
            guard let relation = Relation.derive(parties: parties, claims: claims, ranking: ranking),
                  let current = relation.ladder.last else { continue }
            relations.append((pair, parties, relation, claims.map(\.date).max() ?? current.since))
        }
        e.table("relations")
        for r in relations {
            guard let current = r.relation.ladder.last else { continue }
            e.text(r.pair); e.text(r.parties.first ?? ""); e.text(r.parties.last ?? ""); e.text(current.level)
            e.text(current.since); e.text(current.source); e.text(current.fact); e.integer(Int64(r.relation.ladder.count))
            e.text(r.lastClaimOn)
            e.endRow()
        }
        e.table("relation_steps")
        for r in relations {
            for (index, step) in r.relation.ladder.enumerated() {
                e.text(r.pair); e.integer(Int64(index + 1)); e.text(step.level); e.text(step.since); e.text(step.change)
                e.text(step.source); e.text(step.fact); e.integer(step.seq); e.text(JSONText.array(step.sources))
                e.endRow()
            }
        }
    }

    /// The live facts of one type by corroboration key, corroborated (`Corroboration.group`), with
    /// the source as the `facts` row has it now.
    private static func groups(_ live: [ReplayFactRow], type: String) -> [(key: String, groups: [[(seq: Int64, fact: AssertedFact)]])] {
        let rows = live.filter { $0.factType == type && $0.fact != nil }
        return grouped(rows, by: \.corroborationKey).map { key, rows in
            let facts = rows.compactMap { row -> (seq: Int64, fact: AssertedFact)? in
                guard var fact = row.fact else { return nil }
                fact.source = row.source
                return (row.seq, fact)
            }
            return (key, Corroboration.group(facts) { _ in key })
        }
    }

    private func encodeMeetings(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        let meetings = Self.groups(live, type: "meeting").map { key, groups in (key, groups.compactMap(Meeting.init(group:))) }
        e.table("meetings")
        for (key, list) in meetings {
            for (ordinal, m) in list.enumerated() {
                e.text(key); e.integer(Int64(ordinal)); e.text(m.id); e.text(m.date); e.text(m.format); e.text(m.city)
                e.text(m.venue); e.text(m.timeOfDay); e.text(m.occasion); e.text(JSONText.participants(m.participants))
                e.text(JSONText.array(m.countries)); e.text(JSONText.array(m.sources)); e.text(JSONText.array(m.facts))
                e.integer(m.seq)
                e.endRow()
            }
        }
        e.table("meeting_participants")
        for (key, list) in meetings {
            for (ordinal, m) in list.enumerated() {
                for (position, p) in m.participants.enumerated() {
                    e.text(key); e.integer(Int64(ordinal)); e.integer(Int64(position)); e.text(p.name); e.text(p.country)
                    e.text(p.title)
                    e.endRow()
                }
            }
        }
    }

    private func encodeDocuments(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        e.table("documents")
        for (key, groups) in Self.groups(live, type: "document") {
            for (ordinal, d) in groups.compactMap(Document.init(group:)).enumerated() {
                e.text(key); e.integer(Int64(ordinal)); e.text(d.id); e.text(d.kind); e.text(JSONText.array(d.parties))
                e.text(d.date); e.integer(d.count.map(Int64.init)); e.text(d.countQualifier); e.text(d.title)
                e.text(JSONText.array(d.fields)); e.text(d.signedBy); e.text(JSONText.array(d.sources))
                e.text(JSONText.array(d.facts)); e.integer(d.seq)
                e.endRow()
            }
        }
    }

    private func encodePeople(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        let appearances = live.flatMap(\.appearances)
        e.table("people")
        for (key, rows) in Self.grouped(appearances, by: \.person) {
            guard let first = rows.first else { continue }
            let dates = rows.compactMap(\.date)
            e.text(key); e.text(first.name); e.text(JSONText.array(Set(rows.compactMap(\.country)).sorted()))
            e.integer(Int64(rows.count)); e.text(dates.min()); e.text(dates.max())
            e.endRow()
        }
        e.table("person_appearances")
        var index = 0
        while index < appearances.count {
            var end = index
            while end < appearances.count && appearances[end].seq == appearances[index].seq { end += 1 }
            for a in appearances[index..<end].sorted(by: { Self.precedes($0.person, $1.person) }) {
                e.integer(a.seq); e.text(a.person); e.text(a.name); e.text(a.country); e.text(a.title); e.text(a.date)
                e.text(a.role); e.text(a.factType); e.text(a.fact); e.text(a.source); e.text(a.summary)
                e.endRow()
            }
            index = end
        }
    }
}
