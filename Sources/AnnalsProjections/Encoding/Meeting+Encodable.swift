// Meeting+PrettyJSON.swift writes the same bytes without JSONEncoder: change both together
// (EncodingIdentityTests compares them).
extension Meeting: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, date, participants, format, city, venue, occasion, sources, facts
        case timeOfDay = "time_of_day"
    }

    /// The object `annals meetings --json` prints; absent fields are null.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(participants, forKey: .participants)
        try c.encode(format, forKey: .format)
        try c.encode(city, forKey: .city)
        try c.encode(venue, forKey: .venue)
        try c.encode(timeOfDay, forKey: .timeOfDay)
        try c.encode(occasion, forKey: .occasion)
        try c.encode(sources, forKey: .sources)
        try c.encode(facts, forKey: .facts)
    }
}
