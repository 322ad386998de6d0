/// The event log's tables and the triggers that make it append-only.
///
/// Append-only is enforced by the database, whoever opens the file: UPDATE and DELETE on
/// `events` abort, except the one change a redaction needs (emptying the payload of an event
/// that an earlier `PayloadRedacted` event names, every other column unchanged). Inserts must
/// continue the sequence and the chain (`seq` = last + 1, `prev_hash` = last `hash`).
public enum LogSchema {
    /// The migrations of the log itself; read models add their own after these.
    public static let migrations: [Migration] = [
        Migration(id: "2026-11-27-1-events", sql: """
            CREATE TABLE events (
                seq            INTEGER PRIMARY KEY,
                stream         TEXT    NOT NULL,
                stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
                type           TEXT    NOT NULL,
                schema         INTEGER NOT NULL,
                valid_on       TEXT,
                recorded_at    TEXT    NOT NULL,
                payload        TEXT,
                payload_sha256 TEXT    NOT NULL,
                prev_hash      TEXT    NOT NULL,
                hash           TEXT    NOT NULL,
                UNIQUE (stream, stream_version)
            );
            CREATE INDEX events_type ON events (type);
            CREATE INDEX events_recorded_at ON events (recorded_at);

            CREATE TRIGGER events_append_continues_chain BEFORE INSERT ON events
            WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM events)
              OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM events WHERE seq = NEW.seq - 1),
                                               '\(HashChain.genesis)')
            BEGIN
                SELECT RAISE(ABORT, 'events: an insert must continue the chain (seq = last seq + 1, prev_hash = last hash)');
            END;

            CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN
                SELECT RAISE(ABORT, 'events are append-only: DELETE is refused');
            END;

            CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            WHEN NOT (
                NEW.payload IS NULL AND OLD.payload IS NOT NULL
                AND NEW.seq IS OLD.seq AND NEW.stream IS OLD.stream
                AND NEW.stream_version IS OLD.stream_version AND NEW.type IS OLD.type
                AND NEW.schema IS OLD.schema AND NEW.valid_on IS OLD.valid_on
                AND NEW.recorded_at IS OLD.recorded_at AND NEW.payload_sha256 IS OLD.payload_sha256
                AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
                AND EXISTS (
                    SELECT 1 FROM events AS r, json_each(r.payload, '$.targets') AS t
                    WHERE r.type = 'PayloadRedacted' AND r.seq > OLD.seq AND t.value = OLD.seq
                )
            )
            BEGIN
                SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused (only a PayloadRedacted event may empty a payload)');
            END;
            """),
        Migration(id: "2026-11-27-2-checkpoints", sql: """
            CREATE TABLE checkpoints (
                seq        INTEGER NOT NULL,
                hash       TEXT    NOT NULL,
                taken_at   TEXT    NOT NULL,
                note       TEXT
            );
            """),
    ]
}
