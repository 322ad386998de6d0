/// What every event log backend offers: atomic appends with optimistic concurrency, and reads.
///
/// The SQLite `EventLog` is the product; `InMemoryEventStore` holds the same contract for tests
/// and benchmarks, and one shared test suite runs against both.
public protocol EventStore: AnyObject {
    /// Appends `events` atomically: all of them or none.
    ///
    /// - Parameter expecting: per stream, the version it must have now; a mismatch throws
    ///   `LogError.conflict` and appends nothing.
    /// - Returns: the events as recorded, with their seq, versions and hashes.
    @discardableResult
    func append(_ events: [NewEvent], expecting: [String: ExpectedVersion]) throws -> [RecordedEvent]

    /// Events with `seq > after`, in seq order, at most `limit`.
    func events(after seq: Int64, limit: Int) throws -> [RecordedEvent]

    /// Every event of one stream, in stream order.
    func events(inStream stream: String) throws -> [RecordedEvent]

    /// The stream's last version, 0 when it has none.
    func version(of stream: String) throws -> Int64

    /// The newest event's seq and hash, nil for an empty log.
    func head() throws -> LogHead?
}

extension EventStore {
    /// Appends events to one stream, checking its version first (`append(_:expectedVersion:)`).
    @discardableResult
    public func append(_ events: [NewEvent], expectedVersion: ExpectedVersion) throws -> [RecordedEvent] {
        var expecting: [String: ExpectedVersion] = [:]
        for event in events { expecting[event.stream] = expectedVersion }
        return try append(events, expecting: expecting)
    }

    /// Appends events without version checks.
    @discardableResult
    public func append(_ events: [NewEvent]) throws -> [RecordedEvent] {
        try append(events, expecting: [:])
    }
}
