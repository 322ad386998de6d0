/// The bytes of `Meeting.encode(to:)` (`Meeting+Encodable.swift`), keys in sorted order; keep the two in step.
extension Meeting: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("city", city)
            o.field("date", date)
            o.field("facts", facts)
            o.field("format", format)
            o.field("id", id)
            o.field("occasion", occasion)
            o.field("participants", participants)
            o.field("sources", sources)
            o.field("time_of_day", timeOfDay)
            o.field("venue", venue)
        }
    }
}
