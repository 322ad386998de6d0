/// The bytes of `Explanation.encode(to:)` (`Queries/Explanation.swift`), keys in sorted order; keep the two in step.
extension Explanation: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("date", date)
            o.field("ended_by", endedBy)
            o.field("event_type", eventType)
            o.field("evidence", evidence)
            o.field("extractor", extractor)
            o.field("fact", fact)
            o.field("hash", hash)
            o.field("live", live)
            o.field("payload", payload)
            o.field("recorded_at", recordedAt)
            o.field("redaction", redaction)
            o.field("seq", seq)
            o.field("source", source)
            o.field("source_state", sourceState)
            o.field("stream", stream)
            o.field("summary", summary)
            o.field("type", type)
        }
    }
}
