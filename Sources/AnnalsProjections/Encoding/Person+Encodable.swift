// Person+PrettyJSON.swift and Appearance+PrettyJSON.swift write the same bytes without JSONEncoder:
// change them together (EncodingIdentityTests compares them).
extension Person: Encodable {
    enum CodingKeys: String, CodingKey { case name, key, countries, titles, appearances }
    enum TitleKeys: String, CodingKey { case date, title, country }

    /// `{name, key, countries, titles: [{date, title, country}], appearances: [...]}`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(key, forKey: .key)
        try c.encode(countries, forKey: .countries)
        var list = c.nestedUnkeyedContainer(forKey: .titles)
        for held in titles {
            var t = list.nestedContainer(keyedBy: TitleKeys.self)
            try t.encode(held.date, forKey: .date)
            try t.encode(held.title, forKey: .title)
            try t.encode(held.country, forKey: .country)
        }
        try c.encode(appearances, forKey: .appearances)
    }
}

extension Appearance: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, country, title, date, role, fact, seq, source, summary
        case factType = "type"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(country, forKey: .country)
        try c.encode(title, forKey: .title)
        try c.encode(date, forKey: .date)
        try c.encode(role, forKey: .role)
        try c.encode(factType, forKey: .factType)
        try c.encode(fact, forKey: .fact)
        try c.encode(seq, forKey: .seq)
        try c.encode(source, forKey: .source)
        try c.encode(summary, forKey: .summary)
    }
}
