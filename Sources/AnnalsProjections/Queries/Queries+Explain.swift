import AnnalsLog
import Foundation

extension Queries {
    /// Explains a fact id (every event asserting it, newest last) or `seq:N` (that event).
    /// Throws `QueryError.unknownFact` when nothing matches.
    public func explain(_ reference: String) throws -> [Explanation] {
        var seqs: [Int64] = []
        if reference.hasPrefix("seq:"), let seq = Int64(reference.dropFirst(4)) {
            seqs = [seq]
        } else {
            seqs = try store.rows("SELECT seq FROM facts WHERE fact_id = ? ORDER BY seq", [.text(reference)]) { $0.int64(0) }
        }
        let events = try seqs.compactMap { try log.event(seq: $0) }.filter { $0.seq <= seq }
        if events.isEmpty, !reference.hasPrefix("seq:"), let (redactionEvent, note) = try redaction(seq: nil, fact: reference) {
            // The fact's events were redacted: say so, by whom and why, instead of a quote.
            var explanation = try explanation(of: redactionEvent)
            explanation.fact = reference
            explanation.redaction = note
            return [explanation]
        }
        guard !events.isEmpty else { throw QueryError.unknownFact(reference) }
        return try events.map { event in
            var explanation = try explanation(of: event)
            if event.payload == nil { explanation.redaction = try redaction(seq: event.seq, fact: nil)?.note }
            return explanation
        }
    }

    /// The `PayloadRedacted` event that names a seq or a fact id, with its one-line account.
    func redaction(seq target: Int64?, fact: String?) throws -> (event: RecordedEvent, note: String)? {
        let seqs = try log.database.rows("""
            SELECT r.seq FROM events AS r
            WHERE r.type = 'PayloadRedacted' AND r.payload IS NOT NULL AND r.seq <= ?
              AND (EXISTS (SELECT 1 FROM json_each(r.payload, '$.targets') WHERE value = ?)
                   OR EXISTS (SELECT 1 FROM json_each(r.payload, '$.facts') WHERE value = ?))
            ORDER BY r.seq LIMIT 1
            """, [.integer(seq), .integer(target ?? -1), .text(fact ?? "")]) { $0.int64(0) }
        guard let redactionSeq = seqs.first, let event = try log.event(seq: redactionSeq),
              let redacted = SourceEvents.decode(SourceEvents.Redacted.self, from: event) else { return nil }
        return (event, "redacted on \(redacted.at.prefix(10)) by \(redacted.by): \(redacted.reason)")
    }

    private struct EvidencePayload: Decodable {
        struct Span: Decodable { var quote: String?; var start: Int; var end: Int }
        var evidence: [Span]?
    }

    private func explanation(of event: RecordedEvent) throws -> Explanation {
        var explanation = Explanation(
            fact: nil, type: nil, summary: nil, date: event.validOn, source: nil, sourceState: nil, live: false, endedBy: nil,
            extractor: nil, evidence: [], seq: event.seq, eventType: event.type, stream: event.stream,
            recordedAt: event.recordedAt, hash: event.hash, payload: event.payload.map { String(decoding: $0, as: UTF8.self) })
        guard let payload = Upcaster.upcast(event).payload, let fact = AssertedFact.parse(payload) else { return explanation }
        explanation.fact = fact.id
        explanation.type = fact.type
        explanation.summary = fact.summary
        explanation.date = fact.date
        explanation.extractor = fact.extractor
        explanation.source = fact.source
        let row = try store.rows("SELECT source, live, ended_by FROM facts WHERE seq = ?", [.integer(event.seq)]) {
            ($0.string(0), $0.int64(1) == 1, $0.isNull(2) ? nil : $0.int64(2))
        }.first
        if let row {
            explanation.source = row.0 ?? fact.source
            explanation.live = row.1
            explanation.endedBy = row.2
        }
        explanation.sourceState = try store.rows("SELECT state FROM sources WHERE name = ?", [.text(explanation.source ?? "")]) {
            $0.string(0)
        }.first ?? nil
        let text = try sourceText(name: fact.source, before: event.seq)
        let spans = (try? JSONDecoder().decode(EvidencePayload.self, from: Data(payload)))?.evidence ?? []
        explanation.evidence = spans.map { span in
            let bytes = text.map { Array($0.utf8) } ?? []
            let inRange = span.start >= 0 && span.start <= span.end && span.end <= bytes.count
            let stored = inRange ? String(decoding: bytes[span.start..<span.end], as: UTF8.self) : nil
            return Explanation.Evidence(quote: span.quote ?? stored ?? "", start: span.start, end: span.end,
                                        context: inRange ? Queries.context(bytes, span.start, span.end) : [],
                                        matchesText: stored != nil && (span.quote == nil || stored == span.quote))
        }
        return explanation
    }

    /// The text of the readout as it stood when the fact was asserted: the latest `SourceAdded`
    /// or `SourceRevised` of its stream before `seq`.
    func sourceText(name: String, before seq: Int64) throws -> String? {
        let payload = try log.database.rows("""
            SELECT payload FROM events WHERE stream = ? AND +type IN ('SourceAdded', 'SourceRevised') AND seq < ?
            ORDER BY seq DESC LIMIT 1
            """, [.text(SourceEvents.stream(for: name)), .integer(seq)]) { $0.bytes(0) }.first ?? nil
        guard let payload else { return nil }
        return (try? JSONDecoder().decode(SourceEvents.Content.self, from: Data(payload)))?.text
    }

    /// The lines holding bytes `start..<end`, with one line either side (blank lines skipped).
    static func context(_ bytes: [UInt8], _ start: Int, _ end: Int) -> [String] {
        var lineStart = start
        func back(_ from: Int) -> Int {
            var i = from
            while i > 0 && bytes[i - 1] != 0x0A { i -= 1 }
            return i
        }
        func forward(_ from: Int) -> Int {
            var i = from
            while i < bytes.count && bytes[i] != 0x0A { i += 1 }
            return i
        }
        lineStart = back(start)
        var lineEnd = forward(max(end - 1, start))
        var before = lineStart
        while before > 0 {
            let previous = back(before - 1)
            if previous < before - 1 { lineStart = previous; break }
            before = previous
        }
        var after = lineEnd
        while after < bytes.count {
            let next = forward(after + 1)
            if next > after + 1 { lineEnd = next; break }
            after = next
        }
        return String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
