import AnnalsDigest

/// The hash recipe of the log, in one place so the store, `verify` and tests agree.
///
/// `hash = SHA-256(bytes(prev_hash) ‖ canonical row)` where the canonical row is the compact JSON
/// array `[seq, stream, stream_version, type, schema, valid_on, recorded_at, payload_sha256]`
/// encoded as Python's `json.dumps(row, separators=(",", ":"), ensure_ascii=False)` does, so an
/// auditor can recompute it with a few lines of another language. The chain covers the payload's
/// digest, not its bytes: a redaction can empty a payload and the chain still verifies.
public enum HashChain {
    /// The `prev_hash` of seq 1: 32 zero bytes.
    public static let genesis = String(repeating: "0", count: 64)

    /// The canonical bytes of a row, as hashed.
    public static func canonicalRow(seq: Int64, stream: String, streamVersion: Int64, type: String, schema: Int,
                                    validOn: String?, recordedAt: String, payloadSHA256: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + stream.utf8.count)
        appendCanonicalRow(seq: seq, stream: stream, streamVersion: streamVersion, type: type, schema: schema,
                           validOn: validOn, recordedAt: recordedAt, payloadSHA256: payloadSHA256, to: &out)
        return out
    }

    /// Appends the canonical bytes of a row to `out`, so a caller hashing many rows reuses one buffer.
    static func appendCanonicalRow(seq: Int64, stream: String, streamVersion: Int64, type: String, schema: Int,
                                   validOn: String?, recordedAt: String, payloadSHA256: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendInteger(seq, to: &out)
        out.append(UInt8(ascii: ","))
        appendJSONString(stream, to: &out)
        out.append(UInt8(ascii: ","))
        appendInteger(streamVersion, to: &out)
        out.append(UInt8(ascii: ","))
        appendJSONString(type, to: &out)
        out.append(UInt8(ascii: ","))
        appendInteger(Int64(schema), to: &out)
        out.append(UInt8(ascii: ","))
        if let validOn { appendJSONString(validOn, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(UInt8(ascii: ","))
        appendJSONString(recordedAt, to: &out)
        out.append(UInt8(ascii: ","))
        appendJSONString(payloadSHA256, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// The hash of a row given its predecessor's hash (hex in, hex out).
    public static func hash(prevHash: String, canonicalRow: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(Hex.decode(prevHash) ?? [])
        hasher.update(canonicalRow)
        return Hex.encode(hasher.finalize())
    }

    /// The digest of a row given its predecessor's digest (bytes in, bytes out): what `hash`
    /// computes, for callers that chain many rows and keep the previous digest as bytes.
    static func digest(prevDigest: [UInt8], canonicalRow: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(prevDigest)
        hasher.update(canonicalRow)
        return hasher.finalize()
    }

    /// Recomputes the hash an event should carry.
    public static func expectedHash(of event: RecordedEvent) -> String {
        hash(prevHash: event.prevHash, canonicalRow: canonicalRow(
            seq: event.seq, stream: event.stream, streamVersion: event.streamVersion, type: event.type,
            schema: event.schema, validOn: event.validOn, recordedAt: event.recordedAt, payloadSHA256: event.payloadSHA256))
    }

    /// Appends the decimal digits of `value` (as `String(value)` writes them) without building a String.
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// Appends a JSON string literal with Python's escaping: `"` `\` and control characters;
    /// everything else, non-ASCII included, as its UTF-8 bytes.
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Fast path: streams, types, dates and digests need no escaping; copy them in one go.
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
