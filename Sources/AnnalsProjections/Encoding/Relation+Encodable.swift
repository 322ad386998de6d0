// Relation+PrettyJSON.swift writes the same bytes without JSONEncoder: change both together
// (EncodingIdentityTests compares them).
extension Relation: Encodable {
    enum CodingKeys: String, CodingKey { case parties, level, since, ladder }

    /// `{parties, level, since, ladder: [{level, since, source, fact, ...}]}`, as `annals relations --json` prints.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parties, forKey: .parties)
        try c.encode(level, forKey: .level)
        try c.encode(since, forKey: .since)
        try c.encode(ladder, forKey: .ladder)
    }
}
