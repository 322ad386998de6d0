import AnnalsLog

extension Projector {
    /// Rebuilds one projection derived from `facts`, inside the caller's transaction, and marks
    /// it at the position of `facts`. Streams the facts in key order, so memory holds one key.
    /// `appearancesWritten`: `person_appearances` is already current (a full replay wrote it).
    func rebuild(_ name: ProjectionName, appearancesWritten: Bool, progress: (Int64, Int64) -> Void) throws {
        guard !name.isBase else { return }
        for table in name.tables where !(appearancesWritten && table.name == "person_appearances") {
            try store.execute("DELETE FROM \(table.name)")
        }
        let total = try store.integer("SELECT count(*) FROM facts WHERE live = 1")
        var done: Int64 = 0
        func tick() { done += 1; if done % 20_000 == 0 { progress(done, total) } }
        switch name {
        case .relations:
            try streamGroups(sql: """
                SELECT pair, seq, fact_id, source, valid_on, level, action FROM facts
                WHERE fact_type = 'partnership' AND live = 1 AND pair IS NOT NULL AND level IS NOT NULL AND valid_on IS NOT NULL
                ORDER BY pair, seq
                """, row: { PartnershipClaim(seq: $0.int64(1), fact: $0.string(2) ?? "", source: $0.string(3) ?? "",
                                             date: $0.string(4) ?? "", level: $0.string(5) ?? "", action: $0.string(6) ?? "established") },
                flush: { key, claims in try writeRelation(pair: key, claims: claims) }, tick: tick)
        case .meetings, .documents:
            let type = name == .meetings ? "meeting" : "document"
            try streamGroups(sql: """
                SELECT corroboration_key, seq, source FROM facts
                WHERE fact_type = '\(type)' AND live = 1 AND corroboration_key IS NOT NULL ORDER BY corroboration_key, seq
                """, row: { (seq: $0.int64(1), source: $0.string(2) ?? "") },
                flush: { key, rows in
                    let facts = try rows.compactMap { r in try fact(at: r.seq, source: r.source).map { (seq: r.seq, fact: $0) } }
                    if name == .meetings { try writeMeetings(key: key, facts: facts) } else { try writeDocuments(key: key, facts: facts) }
                }, tick: tick)
        case .people:
            if appearancesWritten { break }
            let statement = try store.makeStatement(sql: """
                SELECT seq, source FROM facts WHERE fact_type IN ('meeting', 'ceremony', 'attendance') AND live = 1 ORDER BY seq
                """)
            while try statement.step() {
                if let fact = try fact(at: statement.int64(0), source: statement.string(1) ?? "") {
                    for appearance in Appearance.of(seq: statement.int64(0), fact: fact) { try insertAppearance(appearance) }
                }
                tick()
            }
        default:
            break
        }
        if name == .people {
            try streamGroups(sql: "SELECT person_key, name, country, date FROM person_appearances ORDER BY person_key, seq",
                             row: { PersonRow(name: $0.string(1) ?? "", country: $0.string(2), date: $0.string(3)) },
                             flush: { key, rows in try writePerson(key, rows) }, tick: {})
        }
        let position = try positions()[.facts] ?? 0
        try setPositions(position, of: [name])
    }

    /// Runs `sql` (first column = group key, rows in key order) and calls `flush` once per key
    /// with that key's rows.
    private func streamGroups<Row>(sql: String, row: (Statement) -> Row, flush: (String, [Row]) throws -> Void,
                                   tick: () -> Void) throws {
        let statement = try store.makeStatement(sql: sql)
        var currentKey: String?
        var rows: [Row] = []
        while try statement.step() {
            let key = statement.string(0) ?? ""
            if key != currentKey, let previous = currentKey {
                try flush(previous, rows)
                rows.removeAll(keepingCapacity: true)
            }
            currentKey = key
            rows.append(row(statement))
            tick()
        }
        if let last = currentKey { try flush(last, rows) }
    }
}
