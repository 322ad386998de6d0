import AnnalsLog

/// The sources read model as a pure fold: each readout's digest, size, arrival, state and count
/// of live facts.
public struct SourcesProjection: Sendable {
    private var records: [String: SourceRecord] = [:]
    public private(set) var ledger = FactLedger()

    public init() {}

    /// Folds one event; never fails.
    public mutating func apply(_ event: RecordedEvent) {
        ledger.apply(event)
        guard let type = EventType(rawValue: event.type) else { return }
        switch type {
        case .sourceAdded, .sourceRevised:
            guard let content = SourceContentFields(event) else { return }
            var record = records[content.name] ?? SourceRecord(
                name: content.name, sha256: content.sha256, size: content.size, state: "active",
                published: content.published, seq: event.seq, recordedAt: event.recordedAt, lastSeq: event.seq, facts: 0)
            if type == .sourceAdded && record.state != "active" {
                // Added again after a withdrawal: a new arrival.
                record.seq = event.seq
                record.recordedAt = event.recordedAt
            }
            record.sha256 = content.sha256
            record.size = content.size
            record.published = content.published
            record.state = type == .sourceRevised ? "revised" : "active"
            record.lastSeq = event.seq
            records[content.name] = record
        case .sourceRenamed:
            guard let renamed = SourceEvents.decode(SourceEvents.Renamed.self, from: event),
                  var record = records.removeValue(forKey: renamed.from) else { return }
            record.name = renamed.to
            record.lastSeq = event.seq
            records[renamed.to] = record
        case .sourceWithdrawn:
            guard let name = LifecyclePayload.name(of: event) else { return }
            records[name]?.state = "withdrawn"
            records[name]?.lastSeq = event.seq
        case .payloadRedacted:
            guard let redacted = SourceEvents.decode(SourceEvents.Redacted.self, from: event),
                  let name = redacted.source else { return }
            records[name]?.state = "redacted"
            records[name]?.lastSeq = event.seq
        default:
            break
        }
    }

    /// Every readout, by name, with its live fact count.
    public var sources: [SourceRecord] {
        records.keys.sorted().compactMap { name in
            guard var record = records[name] else { return nil }
            record.facts = ledger.count(of: name)
            return record
        }
    }
}
