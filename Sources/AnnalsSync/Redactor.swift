import AnnalsLog
import AnnalsProjections

/// Erases a readout recorded by mistake without breaking the chain: one `PayloadRedacted` event
/// (who, why, when, which events, their digests) and, in the same transaction, those events'
/// payloads emptied; the only change the log's triggers allow.
public struct Redactor {
    /// What a redaction will empty.
    public struct Plan: Sendable, Equatable {
        /// The source the redaction is about, when it is one.
        public var source: String?
        /// The digest of the source's bytes, kept as a tombstone so the same bytes are not taken in again.
        public var sourceSHA256: String?
        /// The events whose payloads go, with their payload digests.
        public var targets: [(seq: Int64, type: String, digest: String)]
        /// The ids of the facts those events asserted.
        public var facts: [String] = []

        public static func == (lhs: Plan, rhs: Plan) -> Bool {
            lhs.source == rhs.source && lhs.targets.map(\.seq) == rhs.targets.map(\.seq)
        }
    }

    public enum RedactError: Error, CustomStringConvertible, Equatable {
        case notFound(String)
        case alreadyRedacted(String)

        public var description: String {
            switch self {
            case let .notFound(target): return "nothing in the log matches \(target) (a source name, seq:N or a fact id)"
            case let .alreadyRedacted(target): return "\(target) is already redacted"
            }
        }
    }

    public let log: EventLog
    public let readModels: (any ReadModelUpdating)?

    public init(log: EventLog, readModels: (any ReadModelUpdating)?) {
        self.log = log
        self.readModels = readModels
    }

    /// Works out what redacting `target` empties: a source name takes its stored texts, every
    /// fact derived from them (their quotes carry its words) and its earlier names' events;
    /// `seq:N` takes one event; a fact id takes the events asserting it.
    public func plan(_ target: String) throws -> Plan {
        var seqs = Set<Int64>()
        var factIDs = Set<String>()
        var source: String?
        var sourceSHA: String?
        if target.hasPrefix("seq:"), let seq = Int64(target.dropFirst(4)) {
            seqs.insert(seq)
        } else if let state = try SourceState.read(target, in: log) {
            source = target
            sourceSHA = state.sha256
            var names = [target]
            var visited = Set<String>()
            while let name = names.popLast(), visited.insert(name).inserted {
                for event in try log.events(inStream: SourceEvents.stream(for: name)) {
                    guard let type = EventType(rawValue: event.type) else { continue }
                    switch type {
                    case .sourceAdded, .sourceRevised, .sourceReextracted:
                        seqs.insert(event.seq)
                        if let content = SourceEvents.decode(SourceEvents.Content.self, from: event) {
                            for fact in content.facts ?? [] {
                                seqs.insert(fact.seq)
                                factIDs.insert(fact.id)
                            }
                        }
                    case .sourceRenamed:
                        if let renamed = SourceEvents.decode(SourceEvents.Renamed.self, from: event) { names.append(renamed.from) }
                    default: break
                    }
                }
            }
        } else {
            let rows = try log.database.rows(
                "SELECT seq FROM events WHERE payload IS NOT NULL AND json_valid(payload) AND json_extract(payload, '$.id') = ?",
                [.text(target)]) { $0.int64(0) }
            seqs.formUnion(rows)
            if !rows.isEmpty { factIDs.insert(target) }
        }
        var targets: [(Int64, String, String)] = []
        for seq in seqs.sorted() {
            guard let event = try log.event(seq: seq) else { continue }
            if event.payload != nil { targets.append((seq, event.type, event.payloadSHA256)) }
        }
        if targets.isEmpty { throw seqs.isEmpty ? RedactError.notFound(target) : RedactError.alreadyRedacted(target) }
        return Plan(source: source, sourceSHA256: sourceSHA, targets: targets, facts: factIDs.sorted())
    }

    /// Carries out a plan in one transaction and returns the `PayloadRedacted` event.
    @discardableResult
    public func redact(_ plan: Plan, reason: String, by: String) throws -> RecordedEvent {
        let recorded: RecordedEvent = try log.writeTransaction {
            var digests: [String: String] = [:]
            for target in plan.targets { digests[String(target.seq)] = target.digest }
            let at = Timestamp.string(from: log.options.clock())
            let event = SourceEvents.redacted(.init(targets: plan.targets.map(\.seq), digests: digests, source: plan.source,
                                                    reason: reason, by: by, at: at, sourceSHA256: plan.sourceSHA256,
                                                    facts: plan.facts))
            let recorded = try log.insert([event], expecting: [:])
            let empty = try log.database.cachedStatement(sql: "UPDATE events SET payload = NULL WHERE seq = ?")
            for target in plan.targets { try empty.execute([.integer(target.seq)]) }
            try readModels?.apply(recorded)
            return recorded[0]
        }
        // Freed pages were zeroed (secure_delete); now fold the WAL into the file and empty it,
        // so no copy of the erased text stays on disk in either.
        try log.checkpointWAL()
        return recorded
    }
}
