/// A readout as the log knows it.
public struct SourceRecord: Sendable, Equatable {
    /// The name relative to the watched folder (the current one, after renames).
    public var name: String
    public var sha256: String
    /// Bytes.
    public var size: Int
    /// `active`, `revised`, `withdrawn` or `redacted`.
    public var state: String
    /// The publication date the readout carries, or nil.
    public var published: String?
    /// When it arrived: the seq and time of its `SourceAdded`.
    public var seq: Int64
    public var recordedAt: String
    /// The seq of its latest lifecycle event.
    public var lastSeq: Int64
    /// Its live facts.
    public var facts: Int

    public init(name: String, sha256: String, size: Int, state: String, published: String?, seq: Int64,
                recordedAt: String, lastSeq: Int64, facts: Int) {
        self.name = name
        self.sha256 = sha256
        self.size = size
        self.state = state
        self.published = published
        self.seq = seq
        self.recordedAt = recordedAt
        self.lastSeq = lastSeq
        self.facts = facts
    }
}
