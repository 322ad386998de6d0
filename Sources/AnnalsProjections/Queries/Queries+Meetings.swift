import AnnalsLog

extension Queries {
    /// Meetings matching `filter`, by date then id; a country filter matches any principal's country.
    public func meetings(_ filter: RecordFilter = RecordFilter()) throws -> [Meeting] {
        var sql = """
            SELECT meeting_id, corroboration_key, date, participants, format, city, venue, time_of_day, occasion,
                   sources, fact_ids, first_seq FROM meetings m WHERE 1 = 1
            """
        var values: [DatabaseValue] = []
        let countries = try rarestFirst(Array(Set([filter.country, filter.between?.0, filter.between?.1].compactMap { $0 })))
        if let rarest = countries.first {
            // Start from the rarest country's participants and probe each of their meetings for
            // the others: a pair with China then reads Spain's few hundred rows, not China's 40,000.
            sql += " AND (m.corroboration_key, m.ordinal) IN (SELECT a.corroboration_key, a.ordinal FROM meeting_participants a WHERE a.country = ?"
            values.append(.text(rarest))
            for code in countries.dropFirst() {
                sql += " AND EXISTS (SELECT 1 FROM meeting_participants b WHERE b.corroboration_key = a.corroboration_key AND b.ordinal = a.ordinal AND b.country = ?)"
                values.append(.text(code))
            }
            sql += ")"
        }
        filter.appendDateBounds(to: &sql, values: &values)
        sql += " ORDER BY date, meeting_id, corroboration_key, ordinal"
        return try store.rows(sql, values) { row in
            Meeting(id: row.string(0) ?? "", key: row.string(1) ?? "", date: row.string(2),
                    participants: JSONText.parseParticipants(row.string(3)), format: row.string(4), city: row.string(5),
                    venue: row.string(6), timeOfDay: row.string(7), occasion: row.string(8),
                    sources: JSONText.parseArray(row.string(9)), facts: JSONText.parseArray(row.string(10)), seq: row.int64(11))
        }
    }

    /// `codes` ordered by how many meeting principals each has, fewest first (an index count).
    private func rarestFirst(_ codes: [String]) throws -> [String] {
        guard codes.count > 1 else { return codes }
        let counted = try codes.map { code in
            (code, try store.integer("SELECT count(*) FROM meeting_participants WHERE country = ?", [.text(code)]))
        }
        return counted.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }
}
