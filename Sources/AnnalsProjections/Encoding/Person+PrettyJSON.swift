/// The bytes of `Person.encode(to:)` (`Person+Encodable.swift`), keys in sorted order; keep the two in step.
extension Person: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("appearances", appearances)
            o.field("countries", countries)
            o.field("key", key)
            o.field("name", name)
            o.arrayField("titles", titles) { writer, held in
                writer.object { t in
                    t.field("country", held.country)
                    t.field("date", held.date)
                    t.field("title", held.title)
                }
            }
        }
    }
}
