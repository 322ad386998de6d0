import AnnalsLog

extension Queries {
    /// Meetings matching `filter`, by date then id; a country filter matches any principal's country.
    public func meetings(_ filter: RecordFilter = RecordFilter()) throws -> [Meeting] {
        var sql = """
            SELECT meeting_id, corroboration_key, date, participants, format, city, venue, time_of_day, occasion,
                   sources, fact_ids, first_seq FROM meetings m WHERE 1 = 1
            """
        var values: [DatabaseValue] = []
        let countries = [filter.country, filter.between?.0, filter.between?.1].compactMap { $0 }
        for code in countries {
            // Start from the participants' country index, not a probe of every meeting.
            sql += " AND (m.corroboration_key, m.ordinal) IN (SELECT corroboration_key, ordinal FROM meeting_participants WHERE country = ?)"
            values.append(.text(code))
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
}
