/// The bytes of `LadderStep`'s synthesized `Encodable` (no optional fields).
extension LadderStep: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("change", change)
            o.field("fact", fact)
            o.field("level", level)
            o.field("seq", seq)
            o.field("since", since)
            o.field("source", source)
            o.field("sources", sources)
        }
    }
}
