import AnnalsLog

/// The documents read model as a pure fold: the register of joint statements and agreements,
/// corroborated across readouts on kind, parties, date and count.
public struct DocumentsProjection: Sendable {
    public private(set) var ledger = FactLedger(accepting: { $0.type == "document" })

    public init() {}

    /// Folds one event; never fails.
    public mutating func apply(_ event: RecordedEvent) { ledger.apply(event) }

    /// Every document, by date then id; with `asOf`, those on or before that day.
    public func documents(asOf: String? = nil) -> [Document] {
        Corroboration.group(ledger.inOrder, key: \.corroborationKey)
            .compactMap(Document.init(group:))
            .filter { asOf == nil || ($0.date.map { $0 <= asOf! } ?? false) }
            .sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
    }
}
