/// One event as one JSON object with every column: the line format of `annals log --json` and
/// `annals export --format jsonl`. The payload is a JSON string holding its exact bytes, so an
/// import can check them against `payload_sha256`; redacted payloads are `null`.
public enum EventJSON {
    /// Encodes an event as one line (no trailing newline).
    public static func line(_ event: RecordedEvent) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + (event.payload?.count ?? 0))
        func key(_ name: String) {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            HashChain.appendJSONString(name, to: &out)
            out.append(UInt8(ascii: ":"))
        }
        func string(_ value: String?) {
            if let value { HashChain.appendJSONString(value, to: &out) } else { out.append(contentsOf: Array("null".utf8)) }
        }
        out.append(UInt8(ascii: "{"))
        key("seq"); out.append(contentsOf: Array(String(event.seq).utf8))
        key("stream"); string(event.stream)
        key("stream_version"); out.append(contentsOf: Array(String(event.streamVersion).utf8))
        key("type"); string(event.type)
        key("schema"); out.append(contentsOf: Array(String(event.schema).utf8))
        key("valid_on"); string(event.validOn)
        key("recorded_at"); string(event.recordedAt)
        key("payload"); string(event.payload.map { String(decoding: $0, as: UTF8.self) })
        key("payload_sha256"); string(event.payloadSHA256)
        key("prev_hash"); string(event.prevHash)
        key("hash"); string(event.hash)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
