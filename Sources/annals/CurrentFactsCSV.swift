import AnnalsLog

/// The facts the log supports now, one CSV row each, for spreadsheets: read from the `facts`
/// read model joined to the event that asserted each fact (for its quote).
enum CurrentFactsCSV {
    static let header = ["type", "id", "date", "parties", "summary", "level", "action", "source", "seq", "quote"]

    static func write(log: EventLog, type: String?, to sink: OutputSink) throws {
        sink.write(header.joined(separator: ",") + "\n")
        var sql = """
            SELECT f.fact_type, f.fact_id, f.valid_on, f.pair, f.summary, f.level, f.action, f.source, f.seq,
                   CASE WHEN e.payload IS NULL THEN '(redacted)' ELSE json_extract(e.payload, '$.evidence[0].quote') END
            FROM facts AS f JOIN events AS e ON e.seq = f.seq
            WHERE f.live = 1
            """
        var values: [DatabaseValue] = []
        if let type {
            sql += " AND (f.fact_type = ? OR f.event_type = ?)"
            values = [.text(type), .text(type)]
        }
        sql += " ORDER BY f.valid_on, f.seq"
        let statement = try log.database.makeStatement(sql: sql)
        try statement.bind(values)
        while try statement.step() {
            let row = (0..<Int32(header.count)).map { index -> String in
                statement.isNull(index) ? "" : (statement.string(index) ?? "")
            }
            sink.write(row.map(escape).joined(separator: ",") + "\n")
        }
    }

    /// RFC 4180: quote fields holding a comma, quote or line break, doubling inner quotes.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
