/// The bytes of `Participant`'s synthesized `Encodable`, which omits a nil country or title.
extension Participant: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.fieldIfPresent("country", country)
            o.field("name", name)
            o.fieldIfPresent("title", title)
        }
    }
}
