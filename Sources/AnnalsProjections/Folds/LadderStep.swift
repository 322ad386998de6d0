/// One rung of a relation's ladder: a level the pair reached, since when, and the readout behind it.
public struct LadderStep: Sendable, Equatable, Codable {
    public var level: String
    /// The valid-time date it was established (or first referenced, for a seeded ladder).
    public var since: String
    /// The first readout that says so (lowest seq).
    public var source: String
    /// That readout's fact id.
    public var fact: String
    /// The seq of that fact's event.
    public var seq: Int64
    /// `established` (first step), `upgrade`, `downgrade`, `change` (unranked), or `referenced`
    /// (a level named as already holding, seeding an empty ladder).
    public var change: String
    /// Every readout establishing this step on that day, sorted.
    public var sources: [String]

    public init(level: String, since: String, source: String, fact: String, seq: Int64, change: String, sources: [String]) {
        self.level = level
        self.since = since
        self.source = source
        self.fact = fact
        self.seq = seq
        self.change = change
        self.sources = sources
    }
}
