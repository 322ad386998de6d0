extension EventLog {
    /// `forEachEvent` for folds: the events come without their chain fields (`payloadSHA256`,
    /// `prevHash` and `hash` are empty), which folds never read, so the scan builds three fewer
    /// strings per row. Never use it to verify or export the log.
    public func forEachEventForFolding(after: Int64 = 0, through: Int64 = .max, _ body: (RecordedEvent) throws -> Void) throws {
        let statement = try database.makeStatement(sql: """
            SELECT seq, stream, stream_version, type, schema, valid_on, recorded_at, payload
            FROM events WHERE seq > ? AND seq <= ? ORDER BY seq
            """)
        try statement.bind([.integer(after), .integer(through)])
        while try statement.step() {
            try body(RecordedEvent(
                seq: statement.int64(0), stream: statement.string(1) ?? "", streamVersion: statement.int64(2),
                type: statement.string(3) ?? "", schema: Int(statement.int64(4)), validOn: statement.string(5),
                recordedAt: statement.string(6) ?? "", payload: statement.bytes(7), payloadSHA256: "", prevHash: "", hash: ""))
        }
    }
}
