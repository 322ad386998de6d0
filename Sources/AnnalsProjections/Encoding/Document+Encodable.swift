// Document+PrettyJSON.swift writes the same bytes without JSONEncoder: change both together
// (EncodingIdentityTests compares them).
extension Document: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, kind, parties, date, count, title, fields, sources, facts
        case countQualifier = "count_qualifier", signedBy = "signed_by"
    }

    /// The object `annals documents --json` prints; absent fields are null.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(parties, forKey: .parties)
        try c.encode(date, forKey: .date)
        try c.encode(count, forKey: .count)
        try c.encode(countQualifier, forKey: .countQualifier)
        try c.encode(title, forKey: .title)
        try c.encode(fields, forKey: .fields)
        try c.encode(signedBy, forKey: .signedBy)
        try c.encode(sources, forKey: .sources)
        try c.encode(facts, forKey: .facts)
    }
}
