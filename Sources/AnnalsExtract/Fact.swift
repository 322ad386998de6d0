/// A span of the readout that supports a fact: UTF-8 byte offsets `[start, end)` and those bytes.
public struct Evidence: Sendable, Codable, Hashable {
    public var quote: String
    public var start: Int
    public var end: Int

    public init(quote: String, start: Int, end: Int) {
        self.quote = quote
        self.start = start
        self.end = end
    }
}

/// A principal of a meeting: the name as the readout gives it, with country and title where known.
public struct Participant: Sendable, Codable, Hashable {
    public var name: String
    public var country: String?
    public var title: String?

    public init(name: String, country: String? = nil, title: String? = nil) {
        self.name = name
        self.country = country
        self.title = title
    }
}

/// One fact of FACTS.md: a flat record whose optional fields are those of its `type`.
///
/// One struct for all types keeps the JSON, the log payload and the projections' decoding in one
/// shape; `jsonLine`/`Codable` use the snake_case keys of FACTS.md.
public struct Fact: Sendable, Codable, Hashable {
    /// Stable id: "f-" and 16 hex digits derived from the source name (its SHA-256), the type and
    /// the key fields, so re-extracting the same text gives the same ids.
    public var id: String
    /// `meeting`, `partnership`, `document`, `attendance`, `position`, `cooperation` or `ceremony`.
    public var type: String
    public var date: String?
    public var participants: [Participant]?
    public var format: String?
    public var city: String?
    public var venue: String?
    public var timeOfDay: String?
    public var occasion: String?
    public var parties: [String]?
    public var level: String?
    public var action: String?
    public var previousLevel: String?
    public var kind: String?
    public var count: Int?
    public var countQualifier: String?
    public var title: String?
    public var fields: [String]?
    public var signedBy: String?
    public var persons: [String]?
    public var holder: String?
    public var stance: String?
    public var target: String?
    public var areas: [String]?
    public var host: String?
    public var guest: String?
    public var evidence: [Evidence]

    public init(id: String = "", type: String, evidence: [Evidence] = []) {
        self.id = id
        self.type = type
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, type, date, participants, format, city, venue
        case timeOfDay = "time_of_day"
        case occasion, parties, level, action
        case previousLevel = "previous_level"
        case kind, count
        case countQualifier = "count_qualifier"
        case title, fields
        case signedBy = "signed_by"
        case persons, holder, stance, target, areas, host, guest, evidence
    }

    /// The event type the log records this fact as (past tense, per the vocabulary).
    public var eventType: String {
        switch type {
        case "meeting": return "MeetingHeld"
        case "partnership": return action == "established" ? "PartnershipEstablished" : "PartnershipReferenced"
        case "document": return "DocumentSigned"
        case "attendance": return "OfficialsAttended"
        case "position": return "PositionStated"
        case "cooperation": return "CooperationAgreed"
        case "ceremony": return "CeremonyHeld"
        default: return "FactStated"
        }
    }

    /// Encodes like `jsonLine`: absent fields left out, except a document's `count`, which is
    /// written as null where the text gives no number (FACTS.md requires the key).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(participants, forKey: .participants)
        try c.encodeIfPresent(format, forKey: .format)
        try c.encodeIfPresent(city, forKey: .city)
        try c.encodeIfPresent(venue, forKey: .venue)
        try c.encodeIfPresent(timeOfDay, forKey: .timeOfDay)
        try c.encodeIfPresent(occasion, forKey: .occasion)
        try c.encodeIfPresent(parties, forKey: .parties)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(action, forKey: .action)
        try c.encodeIfPresent(previousLevel, forKey: .previousLevel)
        try c.encodeIfPresent(kind, forKey: .kind)
        if type == "document" { try c.encode(count, forKey: .count) } else { try c.encodeIfPresent(count, forKey: .count) }
        try c.encodeIfPresent(countQualifier, forKey: .countQualifier)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(fields, forKey: .fields)
        try c.encodeIfPresent(signedBy, forKey: .signedBy)
        try c.encodeIfPresent(persons, forKey: .persons)
        try c.encodeIfPresent(holder, forKey: .holder)
        try c.encodeIfPresent(stance, forKey: .stance)
        try c.encodeIfPresent(target, forKey: .target)
        try c.encodeIfPresent(areas, forKey: .areas)
        try c.encodeIfPresent(host, forKey: .host)
        try c.encodeIfPresent(guest, forKey: .guest)
        try c.encode(evidence, forKey: .evidence)
    }
}
