import AnnalsLog

extension Queries {
    /// Documents matching `filter`, by date then id; a country filter matches any party.
    public func documents(_ filter: RecordFilter = RecordFilter()) throws -> [Document] {
        var sql = """
            SELECT document_id, corroboration_key, kind, parties, date, count, count_qualifier, title, fields, signed_by,
                   sources, fact_ids, first_seq FROM documents d WHERE 1 = 1
            """
        var values: [DatabaseValue] = []
        for code in [filter.country, filter.between?.0, filter.between?.1].compactMap({ $0 }) {
            sql += " AND EXISTS (SELECT 1 FROM json_each(d.parties) WHERE value = ?)"
            values.append(.text(code))
        }
        filter.appendDateBounds(to: &sql, values: &values)
        sql += " ORDER BY date, document_id, corroboration_key, ordinal"
        return try store.rows(sql, values) { row in
            Document(id: row.string(0) ?? "", key: row.string(1) ?? "", kind: row.string(2),
                     parties: JSONText.parseArray(row.string(3)), date: row.string(4),
                     count: row.isNull(5) ? nil : Int(row.int64(5)), countQualifier: row.string(6), title: row.string(7),
                     fields: JSONText.parseArray(row.string(8)), signedBy: row.string(9),
                     sources: JSONText.parseArray(row.string(10)), facts: JSONText.parseArray(row.string(11)), seq: row.int64(12))
        }
    }
}
