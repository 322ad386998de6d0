/// Where a fact came from: the readout, the words, the extractor and the event that recorded it.
public struct Explanation: Sendable, Equatable, Encodable {
    /// One evidence span: the quote and its UTF-8 byte offsets in the readout, with context lines.
    public struct Evidence: Sendable, Equatable, Encodable {
        public var quote: String
        public var start: Int
        public var end: Int
        /// The lines of the readout around the quote (the quote's own lines and one either side).
        public var context: [String]
        /// Whether the stored text at those offsets is the quote byte for byte.
        public var matchesText: Bool

        enum CodingKeys: String, CodingKey { case quote, start, end, context, matchesText = "matches_text" }
    }

    public var fact: String?
    public var type: String?
    public var summary: String?
    public var date: String?
    /// The readout as named now (after renames).
    public var source: String?
    public var sourceState: String?
    /// Whether the fact still counts; when not, the seq of the event that ended it.
    public var live: Bool
    public var endedBy: Int64?
    public var extractor: String?
    public var evidence: [Evidence]
    public var seq: Int64
    public var eventType: String
    public var stream: String
    public var recordedAt: String
    public var hash: String
    /// The payload as stored (nil when redacted).
    public var payload: String?
    /// `redacted on DATE by NAME: REASON` when a redaction emptied what this was.
    public var redaction: String?

    enum CodingKeys: String, CodingKey {
        case fact, type, summary, date, source, live, extractor, evidence, seq, stream, hash, payload, redaction
        case sourceState = "source_state", endedBy = "ended_by", eventType = "event_type", recordedAt = "recorded_at"
    }

    // Encoding/Explanation+PrettyJSON.swift writes the same bytes without JSONEncoder: change both together.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(fact, forKey: .fact)
        try c.encode(type, forKey: .type)
        try c.encode(summary, forKey: .summary)
        try c.encode(date, forKey: .date)
        try c.encode(source, forKey: .source)
        try c.encode(sourceState, forKey: .sourceState)
        try c.encode(live, forKey: .live)
        try c.encode(endedBy, forKey: .endedBy)
        try c.encode(extractor, forKey: .extractor)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(seq, forKey: .seq)
        try c.encode(eventType, forKey: .eventType)
        try c.encode(stream, forKey: .stream)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(hash, forKey: .hash)
        try c.encode(payload, forKey: .payload)
        try c.encode(redaction, forKey: .redaction)
    }
}
