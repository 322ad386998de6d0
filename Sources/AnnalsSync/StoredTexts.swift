import AnnalsExtract
import AnnalsLog
import AnnalsProjections

/// The texts the log holds for its active sources, so re-extraction never needs the folder.
public enum StoredTexts {
    /// Calls `body` with a `Readout` of each active source's current text, one at a time.
    /// Sources whose text was redacted are passed over.
    public static func forEachActive(in log: EventLog, _ body: (Readout) throws -> Void) throws {
        let active = try SourceState.activeSources(in: log)
        // The latest event that stored each digest's text (a renamed source's text lives on the
        // stream of the name it had when its bytes arrived).
        var textSeq: [String: Int64] = [:]
        _ = try log.database.rows("""
            SELECT seq, json_extract(payload, '$.sha256') FROM events
            WHERE type IN ('SourceAdded', 'SourceRevised') AND payload IS NOT NULL ORDER BY seq
            """) { row in
            if let sha = row.string(1) { textSeq[sha] = row.int64(0) }
        }
        for (name, sha) in active.sorted(by: { $0.key < $1.key }) {
            guard let seq = textSeq[sha], let event = try log.event(seq: seq),
                  let content = SourceEvents.decode(SourceEvents.Content.self, from: event),
                  let text = content.text,
                  let readout = try? Readout(name: name, bytes: Array(text.utf8), maximumSize: .max) else { continue }
            try body(readout)
        }
    }
}
