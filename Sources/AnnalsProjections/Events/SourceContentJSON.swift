/// A hand-written encoder for `SourceEvents.Content`, the 2–5 KB payload of every `SourceAdded`.
///
/// `JSONEncoder` cost about 3.5% of ingest CPU here (boxing every value, sorting keys per object,
/// then copying into `Data`). This writes the same bytes directly: keys in the order
/// `JSONEncoder`'s `.sortedKeys` puts them (all keys are lower-case ASCII, so plain byte order),
/// nil optionals omitted, `/` not escaped (`.withoutEscapingSlashes`), and control characters
/// escaped exactly as Foundation does (`\b \t \n \f \r` by name, the rest as lower-case `\u00xx`).
/// Byte identity with `JSONEncoder` is what keeps old and new logs comparable; a test checks it.
enum SourceContentJSON {
    static func encode(_ content: SourceEvents.Content) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((content.text?.utf8.count ?? 0) + 160 + (content.facts?.count ?? 0) * 120)
        // Sorted: extractor, facts, name, previous_sha256, published, sha256, size, text.
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        out.append(UInt8(ascii: "{"))
        if let extractor = content.extractor { key("extractor"); JSONString.append(extractor, to: &out) }
        if let facts = content.facts {
            key("facts")
            out.append(UInt8(ascii: "["))
            for (index, fact) in facts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendFactRef(fact, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        key("name"); JSONString.append(content.name, to: &out)
        if let previous = content.previousSHA256 { key("previous_sha256"); JSONString.append(previous, to: &out) }
        if let published = content.published { key("published"); JSONString.append(published, to: &out) }
        key("sha256"); JSONString.append(content.sha256, to: &out)
        key("size"); out.append(contentsOf: String(content.size).utf8)
        if let text = content.text { key("text"); JSONString.append(text, to: &out) }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Keys sorted: id, seq, stream, type, valid_on (omitted when nil).
    private static func appendFactRef(_ fact: SourceEvents.FactRef, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        JSONString.append(fact.id, to: &out)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: String(fact.seq).utf8)
        out.append(contentsOf: #","stream":"#.utf8)
        JSONString.append(fact.stream, to: &out)
        out.append(contentsOf: #","type":"#.utf8)
        JSONString.append(fact.type, to: &out)
        if let validOn = fact.validOn {
            out.append(contentsOf: #","valid_on":"#.utf8)
            JSONString.append(validOn, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
