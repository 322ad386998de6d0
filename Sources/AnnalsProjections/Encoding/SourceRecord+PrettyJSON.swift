/// The bytes of `SourceRecord.encode(to:)` (`SourceRecord+Encodable.swift`), keys in sorted order; keep the two in step.
extension SourceRecord: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("facts", facts)
            o.field("last_seq", lastSeq)
            o.field("name", name)
            o.field("published", published)
            o.field("recorded_at", recordedAt)
            o.field("seq", seq)
            o.field("sha256", sha256)
            o.field("size", size)
            o.field("state", state)
        }
    }
}
