/// Compact, deterministic JSON text for the list-valued columns of the read models.
enum JSONText {
    /// `"text"` with JSON escapes.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    /// `["a","b"]`.
    static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }

    /// `[{"name":…,"country":…,"title":…}]`.
    static func participants(_ items: [Participant]) -> String {
        "[" + items.map { "{\"name\":\(string($0.name)),\"country\":\(optional($0.country)),\"title\":\(optional($0.title))}" }
            .joined(separator: ",") + "]"
    }

    /// Reads back an array of strings written by `array`.
    static func parseArray(_ text: String?) -> [String] {
        guard let text else { return [] }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return scanner.readStringArray() ?? []
        }
    }

    /// Reads back participants written by `participants`.
    static func parseParticipants(_ text: String?) -> [Participant] {
        guard let text else { return [] }
        let wrapped = Array("{\"id\":\"x\",\"type\":\"meeting\",\"source\":\"x\",\"participants\":\(text)}".utf8)
        return AssertedFact.parse(wrapped)?.participants ?? []
    }
}
