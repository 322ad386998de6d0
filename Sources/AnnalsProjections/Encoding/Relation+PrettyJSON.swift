/// The bytes of `Relation.encode(to:)` (`Relation+Encodable.swift`), keys in sorted order; keep the two in step.
extension Relation: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("ladder", ladder)
            o.field("level", level)
            o.field("parties", parties)
            o.field("since", since)
        }
    }
}
