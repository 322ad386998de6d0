/// One line of a pair's story: a meeting, partnership, document, position or cooperation fact.
public struct HistoryEntry: Sendable, Equatable, Encodable {
    public var date: String?
    /// The fact type.
    public var type: String
    public var summary: String
    /// The readouts saying so, sorted (several when corroborated).
    public var sources: [String]
    /// The first fact's id and seq.
    public var fact: String
    public var seq: Int64

    public init(date: String?, type: String, summary: String, sources: [String], fact: String, seq: Int64) {
        self.date = date
        self.type = type
        self.summary = summary
        self.sources = sources
        self.fact = fact
        self.seq = seq
    }

    enum CodingKeys: String, CodingKey { case date, type, summary, sources, fact, seq }

    // Encoding/HistoryEntry+PrettyJSON.swift writes the same bytes without JSONEncoder: change both together.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(type, forKey: .type)
        try c.encode(summary, forKey: .summary)
        try c.encode(sources, forKey: .sources)
        try c.encode(fact, forKey: .fact)
        try c.encode(seq, forKey: .seq)
    }
}
