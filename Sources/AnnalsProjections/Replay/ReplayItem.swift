import AnnalsLog

/// One event as the reading side of a replay hands it to the folding side: a fact already
/// parsed from its payload, or any other event whole.
enum ReplayItem: Sendable {
    case fact(seq: Int64, type: EventType, AssertedFact)
    case event(RecordedEvent)
}
