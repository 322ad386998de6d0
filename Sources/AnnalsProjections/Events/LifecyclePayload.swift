import AnnalsLog

/// Fast reads of the one or two keys projections need from lifecycle payloads, without
/// `JSONDecoder` (source texts can be large, and replay reads every one).
enum LifecyclePayload {
    /// The `name` key of a `SourceAdded`, `SourceRevised` or `SourceWithdrawn` payload, falling
    /// back to the stream (`source/<name>`) when the payload is redacted or unreadable.
    static func name(of event: RecordedEvent) -> String? {
        if let payload = event.payload, let name = string("name", in: payload) { return name }
        guard event.stream.hasPrefix("source/") else { return nil }
        return String(event.stream.dropFirst("source/".count))
    }

    /// The string values of `keys` at the top level of a JSON object (skipping everything else).
    static func strings(_ keys: Set<String>, in payload: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        payload.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            _ = scanner.forEachMember { s, key in
                guard keys.contains(key) else { return s.skipValue() }
                if let value = s.readOptionalString() {
                    if let value { out[key] = value }
                    return true
                }
                if let number = s.readInteger() { out[key] = String(number); return true }
                return s.skipValue()
            }
        }
        return out
    }

    static func string(_ key: String, in payload: [UInt8]) -> String? { strings([key], in: payload)[key] }
}
