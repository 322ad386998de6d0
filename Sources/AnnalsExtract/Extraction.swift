/// What one readout yields: the FACTS.md envelope (source, digest, header date, extractor, facts).
public struct Extraction: Sendable, Codable, Equatable {
    /// The readout's name, as given to `Readout`.
    public var source: String
    /// Lower-case hex SHA-256 of the readout's bytes.
    public var sha256: String
    /// The date the readout carries as a header or dateline (`YYYY-MM-DD`), or nil.
    public var published: String?
    /// The extractor version that produced the facts (changes with the lexicon).
    public var extractor: String
    public var facts: [Fact]

    public init(source: String, sha256: String, published: String?, extractor: String, facts: [Fact]) {
        self.source = source
        self.sha256 = sha256
        self.published = published
        self.extractor = extractor
        self.facts = facts
    }

    enum CodingKeys: String, CodingKey { case source, sha256, published, extractor, facts }

    /// Encodes `published` as an explicit null when absent, as FACTS.md's envelope has it.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(published, forKey: .published)
        try c.encode(extractor, forKey: .extractor)
        try c.encode(facts, forKey: .facts)
    }

    /// The envelope as one line of JSON with a fixed key order (no trailing newline).
    ///
    /// Written by hand rather than with `JSONEncoder` so the bytes are the same on every platform
    /// and run: the log hashes payloads, and `replay` compares digests.
    public func jsonLine() -> String {
        var w = JSONWriter()
        w.open()
        w.key("source"); w.string(source)
        w.key("sha256"); w.string(sha256)
        w.key("published"); w.optionalString(published)
        w.key("extractor"); w.string(extractor)
        w.key("facts")
        w.openArray()
        for fact in facts { w.fact(fact) }
        w.closeArray()
        w.close()
        return w.output
    }
}

extension Fact {
    /// The fact alone as one line of JSON, keys in the order of `jsonLine` (the log's payload).
    public func jsonLine() -> String {
        var w = JSONWriter()
        w.fact(self)
        return w.output
    }
}
