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
        if let extractor = content.extractor { key("extractor"); appendString(extractor, to: &out) }
        if let facts = content.facts {
            key("facts")
            out.append(UInt8(ascii: "["))
            for (index, fact) in facts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendFactRef(fact, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        key("name"); appendString(content.name, to: &out)
        if let previous = content.previousSHA256 { key("previous_sha256"); appendString(previous, to: &out) }
        if let published = content.published { key("published"); appendString(published, to: &out) }
        key("sha256"); appendString(content.sha256, to: &out)
        key("size"); out.append(contentsOf: String(content.size).utf8)
        if let text = content.text { key("text"); appendString(text, to: &out) }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Keys sorted: id, seq, stream, type, valid_on (omitted when nil).
    private static func appendFactRef(_ fact: SourceEvents.FactRef, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"#.utf8)
        appendString(fact.id, to: &out)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: String(fact.seq).utf8)
        out.append(contentsOf: #","stream":"#.utf8)
        appendString(fact.stream, to: &out)
        out.append(contentsOf: #","type":"#.utf8)
        appendString(fact.type, to: &out)
        if let validOn = fact.validOn {
            out.append(contentsOf: #","valid_on":"#.utf8)
            appendString(validOn, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A quoted JSON string; unescaped runs are copied in one piece.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: out.append(UInt8(ascii: "\""))
                case 0x5C: out.append(UInt8(ascii: "\\"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
