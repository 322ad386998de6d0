import AnnalsLog
import AnnalsProjections

/// What the log currently says about one source name: answered from the log itself (its
/// `source/<name>` stream), so the writer's decisions never depend on a read model.
public struct SourceState: Sendable, Equatable {
    public enum Status: String, Sendable { case active, withdrawn, renamedAway = "renamed", redacted }

    public var name: String
    public var status: Status
    /// The digest of the file's bytes as last recorded.
    public var sha256: String
    /// The live facts of the current text.
    public var facts: [SourceEvents.FactRef]
    /// The seq of the event the state was read from.
    public var seq: Int64

    /// Reads the state of `name`, nil when the log has never seen it.
    ///
    /// The source's stream also carries the facts that name fewer than two countries (and their
    /// retractions), so the state is read from the stream's last *lifecycle* event, not its last event.
    public static func read(_ name: String, in log: EventLog) throws -> SourceState? {
        let stream = SourceEvents.stream(for: name)
        let rows = try log.database.rows(
            """
            SELECT seq, type, payload, payload_sha256 FROM events
            WHERE stream = ? AND type IN ('SourceAdded', 'SourceRevised', 'SourceReextracted', 'SourceRenamed', 'SourceWithdrawn')
            ORDER BY stream_version DESC LIMIT 1
            """,
            [.text(stream)]) { ($0.int64(0), $0.string(1) ?? "", $0.bytes(2), $0.string(3) ?? "") }
        guard let (seq, type, payload, _) = rows.first else { return nil }
        let event = RecordedEvent(seq: seq, stream: stream, streamVersion: 0, type: type, schema: 1, validOn: nil,
                                  recordedAt: "", payload: payload, payloadSHA256: "", prevHash: "", hash: "")
        var state: SourceState
        switch EventType(rawValue: type) {
        case .sourceAdded?, .sourceRevised?, .sourceReextracted?:
            guard let content = SourceEvents.decode(SourceEvents.Content.self, from: event) else {
                return try redactedState(name, seq: seq, in: log)
            }
            state = SourceState(name: name, status: .active, sha256: content.sha256, facts: content.facts ?? [], seq: seq)
        case .sourceRenamed?:
            guard let renamed = SourceEvents.decode(SourceEvents.Renamed.self, from: event) else {
                return try redactedState(name, seq: seq, in: log)
            }
            state = SourceState(name: name, status: .active, sha256: renamed.sha256, facts: renamed.facts ?? [], seq: seq)
        case .sourceWithdrawn?:
            let withdrawn = SourceEvents.decode(SourceEvents.Withdrawn.self, from: event)
            state = SourceState(name: name, status: .withdrawn, sha256: withdrawn?.sha256 ?? "", facts: [], seq: seq)
        default:
            return nil
        }
        // A rename away from this name is written to the new name's stream; look for one after.
        let movedAway = try log.database.integer(
            "SELECT count(*) FROM events WHERE type = 'SourceRenamed' AND seq > ? AND json_extract(payload, '$.from') = ?",
            [.integer(seq), .text(name)])
        if movedAway > 0 && state.status == .active {
            state.status = .renamedAway
            state.facts = []
        }
        return state
    }

    private static func redactedState(_ name: String, seq: Int64, in log: EventLog) throws -> SourceState? {
        let count = try log.database.integer(
            "SELECT count(*) FROM events WHERE type = 'PayloadRedacted' AND json_extract(payload, '$.source') = ?",
            [.text(name)])
        guard count > 0 else { return nil }
        let digest = try log.database.scalar(
            "SELECT json_extract(payload, '$.source_sha256') FROM events WHERE type = 'PayloadRedacted' AND json_extract(payload, '$.source') = ? ORDER BY seq DESC LIMIT 1",
            [.text(name)])
        var sha = ""
        if case let .text(text)? = digest { sha = text }
        return SourceState(name: name, status: .redacted, sha256: sha, facts: [], seq: seq)
    }

    /// Every name whose current state is active, with its digest: what reconciliation compares
    /// the folder against. Reads names and digests only, never the stored texts.
    public static func activeSources(in log: EventLog) throws -> [String: String] {
        var latest: [String: (type: String, sha: String)] = [:]
        var movedAway = Set<String>()
        var redacted = Set<String>()
        _ = try log.database.rows("""
            SELECT stream, type, json_extract(payload, '$.sha256'), json_extract(payload, '$.from'),
                   json_extract(payload, '$.source')
            FROM events
            WHERE type IN ('SourceAdded', 'SourceRevised', 'SourceReextracted', 'SourceRenamed', 'SourceWithdrawn', 'PayloadRedacted')
            ORDER BY seq
            """) { row in
            let stream = row.string(0) ?? ""
            let type = row.string(1) ?? ""
            if type == "PayloadRedacted" {
                if let source = row.string(4) { redacted.insert(source) }
                return
            }
            let name = String(stream.dropFirst("source/".count))
            latest[name] = (type, row.string(2) ?? "")
            redacted.remove(name)
            movedAway.remove(name)
            if type == "SourceRenamed", let from = row.string(3) { movedAway.insert(from) }
        }
        var active: [String: String] = [:]
        for (name, entry) in latest where entry.type != "SourceWithdrawn" && !movedAway.contains(name) && !redacted.contains(name) {
            active[name] = entry.sha
        }
        return active
    }
}
