import AnnalsLog

extension Queries {
    /// Every readout, by name.
    public func sources() throws -> [SourceRecord] {
        try store.rows("""
            SELECT name, sha256, size, state, published, arrived_seq, arrived_at, last_seq, facts FROM sources ORDER BY name
            """) { row in
            SourceRecord(name: row.string(0) ?? "", sha256: row.string(1) ?? "", size: Int(row.int64(2)), state: row.string(3) ?? "",
                         published: row.string(4), seq: row.int64(5), recordedAt: row.string(6) ?? "", lastSeq: row.int64(7),
                         facts: Int(row.int64(8)))
        }
    }
}
