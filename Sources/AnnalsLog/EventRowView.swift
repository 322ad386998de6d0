/// One row of `events` as a fold scans it, borrowed from SQLite: the columns are read on demand
/// and the payload bytes are lent, not copied.
///
/// Valid only inside the `forEachEventRow` callback that hands it out (the next step reuses
/// SQLite's buffers), so it is neither `Sendable` nor meant to be stored. A fold that needs an
/// owned event (a rare lifecycle event, say) asks for `recordedEvent()`.
public struct EventRowView {
    let statement: Statement

    /// Global position.
    public var seq: Int64 { statement.int64(0) }
    /// The payload's schema version.
    public var schema: Int { Int(statement.int64(4)) }
    /// True when the payload has been redacted.
    public var isRedacted: Bool { statement.isNull(7) }

    /// Lends the UTF-8 bytes of the event type.
    public func withType<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try statement.withBytes(3, body)
    }

    /// Lends the payload bytes (nil when redacted); valid only inside `body`.
    public func withPayload<T>(_ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        if statement.isNull(7) { return try body(nil) }
        return try statement.withBytes(7, body)
    }

    /// The row as an owned event, without its chain fields (as `forEachEventForFolding` gives it).
    public func recordedEvent() -> RecordedEvent {
        RecordedEvent(
            seq: statement.int64(0), stream: statement.string(1) ?? "", streamVersion: statement.int64(2),
            type: statement.string(3) ?? "", schema: Int(statement.int64(4)), validOn: statement.string(5),
            recordedAt: statement.string(6) ?? "", payload: statement.bytes(7), payloadSHA256: "", prevHash: "", hash: "")
    }
}
