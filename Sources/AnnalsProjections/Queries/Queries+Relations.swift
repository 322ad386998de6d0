import AnnalsLog

extension Queries {
    /// Every pair's relation, or one pair's, as it stood at the end of `asOf` (all dates when nil).
    /// Codes must be resolved already (`QueryArguments.country`).
    public func relations(pair: (String, String)? = nil, asOf: String? = nil) throws -> [Relation] {
        var sql = "SELECT pair, level, since, change, source, fact_id, seq, sources FROM relation_steps WHERE 1 = 1"
        var values: [DatabaseValue] = []
        if let pair {
            sql += " AND pair = ?"
            values.append(.text([pair.0, pair.1].sorted().joined(separator: "-")))
        }
        if let asOf {
            sql += " AND since <= ?"
            values.append(.text(asOf))
        }
        sql += " ORDER BY pair, step"
        let steps = try store.rows(sql, values) { row in
            (row.string(0) ?? "", LadderStep(level: row.string(1) ?? "", since: row.string(2) ?? "", source: row.string(4) ?? "",
                                             fact: row.string(5) ?? "", seq: row.int64(6), change: row.string(3) ?? "",
                                             sources: JSONText.parseArray(row.string(7))))
        }
        var relations: [Relation] = []
        for (pair, step) in steps {
            if relations.last?.pair == pair {
                relations[relations.count - 1].ladder.append(step)
            } else {
                relations.append(Relation(parties: pair.split(separator: "-").map(String.init), ladder: [step]))
            }
        }
        return relations
    }
}
