import AnnalsDigest

extension EventLog {
    /// Why an imported event was refused.
    public struct ImportError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason); nothing after it was imported" }
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Appends events exactly as another log recorded them (an export), after checking each one
    /// continues this log's chain and carries the digests its columns imply.
    ///
    /// Used by `annals import` to rebuild a database from an export: the result verifies with
    /// the same head as the original. `firstLine` numbers the events for error messages.
    public func importRecorded(_ events: [RecordedEvent], firstLine: Int) throws {
        try writeTransaction {
            let last = try head()
            var previousSeq = last?.seq ?? 0
            var previousHash = last?.hash ?? HashChain.genesis
            let statement = try database.cachedStatement(sql: """
                INSERT INTO events (seq, stream, stream_version, type, schema, valid_on, recorded_at,
                                    payload, payload_sha256, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (offset, event) in events.enumerated() {
                let line = firstLine + offset
                func refuse(_ reason: String) -> ImportError { ImportError(line: line, reason: "seq \(event.seq): " + reason) }
                guard event.seq == previousSeq + 1 else { throw refuse("expected seq \(previousSeq + 1)") }
                guard event.prevHash == previousHash else { throw refuse("prev_hash does not continue the chain") }
                if let payload = event.payload, SHA256.hex(payload) != event.payloadSHA256 {
                    throw refuse("payload does not match payload_sha256 (the export was edited)")
                }
                guard HashChain.expectedHash(of: event) == event.hash else {
                    throw refuse("hash does not match the row (the export was edited)")
                }
                guard try version(of: event.stream) == event.streamVersion - 1 else {
                    throw refuse("stream \(event.stream) does not continue at version \(event.streamVersion)")
                }
                try statement.bind([
                    .integer(event.seq), .text(event.stream), .integer(event.streamVersion), .text(event.type),
                    .integer(Int64(event.schema)), .optional(event.validOn), .text(event.recordedAt), .null,
                    .text(event.payloadSHA256), .text(event.prevHash), .text(event.hash),
                ])
                if let payload = event.payload { try statement.bindUTF8(payload, at: 8) }
                try statement.step()
                statement.reset()
                previousSeq = event.seq
                previousHash = event.hash
            }
        }
    }
}
