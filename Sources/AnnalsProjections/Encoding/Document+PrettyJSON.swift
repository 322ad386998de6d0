/// The bytes of `Document.encode(to:)` (`Document+Encodable.swift`), keys in sorted order; keep the two in step.
extension Document: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("count", count)
            o.field("count_qualifier", countQualifier)
            o.field("date", date)
            o.field("facts", facts)
            o.field("fields", fields)
            o.field("id", id)
            o.field("kind", kind)
            o.field("parties", parties)
            o.field("signed_by", signedBy)
            o.field("sources", sources)
            o.field("title", title)
        }
    }
}
