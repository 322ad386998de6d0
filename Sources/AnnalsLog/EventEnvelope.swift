/// An event about to be appended: what it is about, its type and schema, and its payload.
///
/// The log adds the rest (seq, stream version, recorded_at, digests) when it appends, so callers
/// cannot forge a position or a hash.
public struct NewEvent: Sendable, Equatable {
    /// What the event is about, e.g. `source/002_f615c0baa5c69549.txt` or `relation/AZ-CN`.
    public var stream: String
    /// The past-tense event type, e.g. `SourceAdded`, `MeetingHeld`.
    public var type: String
    /// The payload's schema version; upcasters read older versions.
    public var schema: Int
    /// The day the fact happened in the world (ISO 8601 date), or nil.
    public var validOn: String?
    /// The payload: compact UTF-8 JSON.
    public var payload: [UInt8]

    public init(stream: String, type: String, schema: Int = 1, validOn: String? = nil, payload: [UInt8]) {
        self.stream = stream
        self.type = type
        self.schema = schema
        self.validOn = validOn
        self.payload = payload
    }
}

/// An event as the log holds it: every column of one row of `events`.
public struct RecordedEvent: Sendable, Equatable {
    /// Global position, gapless from 1.
    public var seq: Int64
    public var stream: String
    /// Position within the stream, gapless from 1.
    public var streamVersion: Int64
    public var type: String
    public var schema: Int
    public var validOn: String?
    /// When the log learned it: UTC, ISO 8601 with milliseconds, never decreasing.
    public var recordedAt: String
    /// The payload bytes, or nil once a `PayloadRedacted` event has emptied them.
    public var payload: [UInt8]?
    /// SHA-256 of the payload bytes (hex); kept after redaction, so the chain still verifies.
    public var payloadSHA256: String
    /// The previous event's `hash` (hex); the genesis value for seq 1.
    public var prevHash: String
    /// SHA-256 of `prevHash` bytes followed by the canonical bytes of this row (hex).
    public var hash: String

    public init(seq: Int64, stream: String, streamVersion: Int64, type: String, schema: Int, validOn: String?,
                recordedAt: String, payload: [UInt8]?, payloadSHA256: String, prevHash: String, hash: String) {
        self.seq = seq
        self.stream = stream
        self.streamVersion = streamVersion
        self.type = type
        self.schema = schema
        self.validOn = validOn
        self.recordedAt = recordedAt
        self.payload = payload
        self.payloadSHA256 = payloadSHA256
        self.prevHash = prevHash
        self.hash = hash
    }

    /// True when the payload has been redacted (its digest remains).
    public var isRedacted: Bool { payload == nil }

    /// The payload as text (empty when redacted).
    public var payloadText: String { payload.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}

/// What a stream's version must be for an append to go ahead (optimistic concurrency).
public enum ExpectedVersion: Sendable, Equatable, CustomStringConvertible {
    /// Append whatever the stream's version is.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last version must be exactly this.
    case exact(Int64)

    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no stream"
        case let .exact(version): return "\(version)"
        }
    }

    func admits(_ current: Int64) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return current == 0
        case let .exact(version): return current == version
        }
    }
}

/// The newest event of the log: its position and hash, the value an auditor anchors.
public struct LogHead: Sendable, Equatable, CustomStringConvertible {
    public var seq: Int64
    public var hash: String
    public var recordedAt: String?

    public init(seq: Int64, hash: String, recordedAt: String?) {
        self.seq = seq
        self.hash = hash
        self.recordedAt = recordedAt
    }

    /// The `SEQ:HASH` form that `verify --expect` takes.
    public var description: String { "\(seq):\(hash)" }
}
