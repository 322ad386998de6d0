// SourceRecord+PrettyJSON.swift writes the same bytes without JSONEncoder: change both together
// (EncodingIdentityTests compares them).
extension SourceRecord: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, sha256, size, state, published, seq, facts
        case recordedAt = "recorded_at", lastSeq = "last_seq"
    }

    /// The object `annals sources --json` prints.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(size, forKey: .size)
        try c.encode(state, forKey: .state)
        try c.encode(published, forKey: .published)
        try c.encode(seq, forKey: .seq)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(lastSeq, forKey: .lastSeq)
        try c.encode(facts, forKey: .facts)
    }
}
