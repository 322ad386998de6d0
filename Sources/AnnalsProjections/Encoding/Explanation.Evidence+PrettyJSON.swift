/// The bytes of `Explanation.Evidence`'s synthesized `Encodable` (no optional fields).
extension Explanation.Evidence: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.object { o in
            o.field("context", context)
            o.field("end", end)
            o.field("matches_text", matchesText)
            o.field("quote", quote)
            o.field("start", start)
        }
    }
}
