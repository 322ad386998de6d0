import AnnalsLog

extension Queries {
    /// Every live fact touching the pair, in valid-time order; readouts of one meeting or
    /// document (same corroboration key) make one line with their sources.
    public func history(_ a: String, _ b: String, asOf: String? = nil) throws -> [HistoryEntry] {
        let pair = [a, b].sorted().joined(separator: "-")
        var sql = """
            SELECT valid_on, fact_type, summary, group_concat(DISTINCT source), fact_id, min(seq) FROM facts
            WHERE pair = ? AND live = 1
            """
        var values: [DatabaseValue] = [.text(pair)]
        if let asOf {
            sql += " AND valid_on <= ?"
            values.append(.text(asOf))
        }
        sql += " GROUP BY fact_type, coalesce(corroboration_key, 'seq:' || seq) ORDER BY valid_on IS NULL, valid_on, min(seq)"
        return try store.rows(sql, values) { row in
            HistoryEntry(date: row.string(0), type: row.string(1) ?? "", summary: row.string(2) ?? "",
                         sources: (row.string(3) ?? "").split(separator: ",").map(String.init).sorted(),
                         fact: row.string(4) ?? "", seq: row.int64(5))
        }
    }
}
