/// Heads the user anchored with `annals checkpoint`, kept in the file as a convenience; the copy
/// that counts for an audit is the one stored outside it.
public enum Checkpoints {
    /// A recorded head.
    public struct Entry: Sendable, Equatable {
        public var head: LogHead
        public var takenAt: String
    }

    /// Records the current head and returns it; nil for an empty log.
    public static func take(in log: EventLog, note: String? = nil) throws -> Entry? {
        try log.writeTransaction {
            guard let head = try log.head() else { return nil }
            let now = Timestamp.string(from: log.options.clock())
            try log.database.cachedStatement(sql: "INSERT INTO checkpoints (seq, hash, taken_at, note) VALUES (?, ?, ?, ?)")
                .execute([.integer(head.seq), .text(head.hash), .text(now), .optional(note)])
            return Entry(head: head, takenAt: now)
        }
    }

    /// The most recent checkpoint, nil when none was taken.
    public static func last(in log: EventLog) throws -> Entry? {
        try log.database.rows("SELECT seq, hash, taken_at FROM checkpoints ORDER BY rowid DESC LIMIT 1") {
            Entry(head: LogHead(seq: $0.int64(0), hash: $0.string(1) ?? "", recordedAt: nil), takenAt: $0.string(2) ?? "")
        }.first
    }
}
