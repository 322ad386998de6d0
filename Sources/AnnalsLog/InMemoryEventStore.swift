import AnnalsDigest
import Foundation

/// The event store contract held in memory: same sequence, versions and hash chain as the SQLite
/// log, for tests of code above the log and as the shared contract suite's second backend.
public final class InMemoryEventStore: EventStore {
    public private(set) var all: [RecordedEvent] = []
    private var versions: [String: Int64] = [:]
    private let clock: @Sendable () -> Date

    public init(clock: @escaping @Sendable () -> Date = { Date() }) { self.clock = clock }

    @discardableResult
    public func append(_ events: [NewEvent], expecting: [String: ExpectedVersion]) throws -> [RecordedEvent] {
        for (stream, expected) in expecting {
            let current = versions[stream, default: 0]
            guard expected.admits(current) else { throw LogError.conflict(stream: stream, expected: expected, found: current) }
        }
        var recordedAt = Timestamp.string(from: clock())
        if let previous = all.last?.recordedAt, previous > recordedAt { recordedAt = previous }
        var prevHash = all.last?.hash ?? HashChain.genesis
        var seq = all.last?.seq ?? 0
        var staged = versions
        var recorded: [RecordedEvent] = []
        for event in events {
            seq += 1
            let version = staged[event.stream, default: 0] + 1
            staged[event.stream] = version
            let digest = SHA256.hex(event.payload)
            let hash = HashChain.hash(prevHash: prevHash, canonicalRow: HashChain.canonicalRow(
                seq: seq, stream: event.stream, streamVersion: version, type: event.type, schema: event.schema,
                validOn: event.validOn, recordedAt: recordedAt, payloadSHA256: digest))
            recorded.append(RecordedEvent(
                seq: seq, stream: event.stream, streamVersion: version, type: event.type, schema: event.schema,
                validOn: event.validOn, recordedAt: recordedAt, payload: event.payload, payloadSHA256: digest,
                prevHash: prevHash, hash: hash))
            prevHash = hash
        }
        versions = staged
        all.append(contentsOf: recorded)
        return recorded
    }

    public func events(after seq: Int64, limit: Int) throws -> [RecordedEvent] {
        Array(all.lazy.filter { $0.seq > seq }.prefix(limit))
    }

    public func events(inStream stream: String) throws -> [RecordedEvent] {
        all.filter { $0.stream == stream }
    }

    public func version(of stream: String) throws -> Int64 { versions[stream, default: 0] }

    public func head() throws -> LogHead? {
        all.last.map { LogHead(seq: $0.seq, hash: $0.hash, recordedAt: $0.recordedAt) }
    }
}
