/// The bytes of `HistoryEntry.encode(to:)` (`Queries/HistoryEntry.swift`), keys in sorted order; keep the two in step.
extension HistoryEntry: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("date", date)
            o.field("fact", fact)
            o.field("seq", seq)
            o.field("sources", sources)
            o.field("summary", summary)
            o.field("type", type)
        }
    }
}
