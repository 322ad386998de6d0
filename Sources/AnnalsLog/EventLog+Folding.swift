extension EventLog {
    static let foldingColumns = "seq, stream, stream_version, type, schema, valid_on, recorded_at, payload"

    /// `forEachEvent` for folds: the events come without their chain fields (`payloadSHA256`,
    /// `prevHash` and `hash` are empty), which folds never read, so the scan builds three fewer
    /// strings per row. Never use it to verify or export the log.
    public func forEachEventForFolding(after: Int64 = 0, through: Int64 = .max, _ body: (RecordedEvent) throws -> Void) throws {
        try forEachEventRow(after: after, through: through) { try body($0.recordedEvent()) }
    }

    /// The rows of `forEachEventForFolding`, borrowed: nothing is copied or decoded until the
    /// fold asks, so a fold that reads the type and a few payload bytes in place (replay) pays
    /// for no `String` or `[UInt8]` per event. One prepared statement for the whole scan.
    public func forEachEventRow(after: Int64 = 0, through: Int64 = .max, _ body: (EventRowView) throws -> Void) throws {
        let statement = try database.makeStatement(sql: """
            SELECT \(EventLog.foldingColumns) FROM events WHERE seq > ? AND seq <= ? ORDER BY seq
            """)
        try statement.bind([.integer(after), .integer(through)])
        let row = EventRowView(statement: statement)
        while try statement.step() { try body(row) }
    }
}
