/// The bytes of `Appearance.encode(to:)` (`Person+Encodable.swift`), keys in sorted order; keep the two in step.
extension Appearance: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("country", country)
            o.field("date", date)
            o.field("fact", fact)
            o.field("name", name)
            o.field("role", role)
            o.field("seq", seq)
            o.field("source", source)
            o.field("summary", summary)
            o.field("title", title)
            o.field("type", factType)
        }
    }
}
