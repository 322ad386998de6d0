import AnnalsLog

/// One event as the reading side of a replay hands it to the folding side: a fact's row,
/// already made (`ReplayFold.makeRow`), or any other event whole.
enum ReplayItem: Sendable {
    case fact(ReplayFactRow)
    case event(RecordedEvent)
}
