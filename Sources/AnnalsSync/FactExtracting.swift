import AnnalsExtract
import AnnalsLog

/// What the recorder needs from extraction: a readout's publication date, the extractor's
/// version and its facts as ready-to-append events. Keeps the recorder free of extraction details.
public protocol FactExtracting: Sendable {
    /// The version `extractFacts` writes into ``ExtractedFacts/extractor``; lets the recorder
    /// tell whether facts extracted ahead of time came from this extractor.
    var version: String { get }

    /// Extracts the facts of one readout; pure and deterministic.
    func extractFacts(from readout: Readout) -> ExtractedFacts
}

/// The facts of one readout, as events.
public struct ExtractedFacts: Sendable {
    public var published: String?
    public var extractor: String
    public var facts: [ExtractedFactEvent]

    public init(published: String?, extractor: String, facts: [ExtractedFactEvent]) {
        self.published = published
        self.extractor = extractor
        self.facts = facts
    }
}

/// One fact ready to append: its stable id and the event that asserts it.
public struct ExtractedFactEvent: Sendable, Equatable {
    public var id: String
    public var event: NewEvent

    public init(id: String, event: NewEvent) {
        self.id = id
        self.event = event
    }
}

/// Updates read models inside the log's append transaction (the projector).
public protocol ReadModelUpdating {
    /// Applies events just recorded, in the same transaction.
    func apply(_ events: [RecordedEvent]) throws
}
