/// `JSONText`'s list columns written as UTF-8 bytes into a buffer, byte for byte the same text
/// (`JSONBytesTests` compares them), for replay's digests, which build one per meeting and
/// document row.
enum JSONBytes {
    /// `JSONText.string`: quotes, `\"`, `\\`, `\n`, `\r`, `\t`, other controls as `\u00xx`
    /// (lower-case hex); every other byte, UTF-8 of any scalar included, as it is.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `JSONText.optional`: the string, or `null`.
    static func optional(_ text: String?, into out: inout [UInt8]) {
        if let text { string(text, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    /// `JSONText.array`: `["a","b"]`.
    static func array<Items: Sequence>(_ items: Items, into out: inout [UInt8]) where Items.Element == String {
        out.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            string(item, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `JSONText.participants`: `[{"name":…,"country":…,"title":…}]`.
    static func participants(_ items: [Participant], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, p) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "{\"name\":".utf8)
            string(p.name, into: &out)
            out.append(contentsOf: ",\"country\":".utf8)
            optional(p.country, into: &out)
            out.append(contentsOf: ",\"title\":".utf8)
            optional(p.title, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }
}
