import AnnalsLog

extension Queries {
    /// People whose name matches `name` (compared as `PersonName.key`, or as a part of it), or
    /// everyone when nil; with `asOf`, only appearances on or before that day.
    public func people(named name: String? = nil, asOf: String? = nil) throws -> [Person] {
        var sql = """
            SELECT person_key, name, country, title, date, role, fact_type, fact_id, seq, source, summary
            FROM person_appearances WHERE 1 = 1
            """
        var values: [DatabaseValue] = []
        if let name {
            let key = PersonName.key(name)
            let exact = try store.integer("SELECT count(*) FROM people WHERE person_key = ?", [.text(key)])
            if exact > 0 {
                sql += " AND person_key = ?"
                values.append(.text(key))
            } else {
                sql += " AND person_key LIKE ?"
                values.append(.text("%" + key + "%"))
            }
        }
        if let asOf {
            sql += " AND date <= ?"
            values.append(.text(asOf))
        }
        sql += " ORDER BY person_key, seq"
        let rows = try store.rows(sql, values) { row in
            Appearance(person: row.string(0) ?? "", name: row.string(1) ?? "", country: row.string(2), title: row.string(3),
                       date: row.string(4), role: row.string(5) ?? "", factType: row.string(6) ?? "", fact: row.string(7) ?? "",
                       seq: row.int64(8), source: row.string(9) ?? "", summary: row.string(10) ?? "")
        }
        var people: [Person] = []
        var current: [Appearance] = []
        for row in rows {
            if let last = current.last, last.person != row.person {
                people.append(Person(key: last.person, appearances: current))
                current.removeAll()
            }
            current.append(row)
        }
        if let last = current.last { people.append(Person(key: last.person, appearances: current)) }
        return people
    }
}
