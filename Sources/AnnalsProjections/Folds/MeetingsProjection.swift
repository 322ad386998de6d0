import AnnalsLog

/// The meetings read model as a pure fold: the timeline of meetings, talks and calls, with the
/// same meeting from several readouts corroborated into one (`Corroboration`).
public struct MeetingsProjection: Sendable {
    public private(set) var ledger = FactLedger(accepting: { $0.type == "meeting" })

    public init() {}

    /// Folds one event; never fails.
    public mutating func apply(_ event: RecordedEvent) { ledger.apply(event) }

    /// Every meeting, by date then id; with `asOf`, those on or before that day.
    public func meetings(asOf: String? = nil) -> [Meeting] {
        Corroboration.group(ledger.inOrder, key: \.corroborationKey)
            .compactMap(Meeting.init(group:))
            .filter { asOf == nil || ($0.date.map { $0 <= asOf! } ?? false) }
            .sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
    }
}
