import Foundation

/// A small forward-only JSON reader over UTF-8 bytes, for the few fields projections need.
///
/// Fact payloads are read on every replayed event, so this avoids `JSONDecoder` (which builds a
/// `Data`, a container tree and a `Decodable` value per event): it walks the bytes once, reads the
/// keys asked for and skips every other value (evidence quotes included) without building it.
/// Any malformed input makes a read return nil; nothing traps.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var atEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next non-space byte, not consumed.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return atEnd ? nil : bytes[index]
    }

    /// Consumes `byte` if it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// Walks an object: calls `body` with each key, positioned on its value; `body` must read or
    /// skip that value. False on malformed input.
    mutating func forEachMember(_ body: (inout JSONScanner, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = readString(), consume(UInt8(ascii: ":")) else { return false }
            guard body(&self, key) else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// `forEachMember` with each key lent as UTF-8 bytes (escapes decoded) instead of a `String`,
    /// for readers that match keys against a table: no string is built per key.
    mutating func forEachMemberKey(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            guard consume(UInt8(ascii: "\"")) else { return false }
            let start = index
            guard let (end, escaped) = stringEnd(from: start) else { return false }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            index = end + 1
            guard consume(UInt8(ascii: ":")) else { return false }
            let ok: Bool
            if escaped {
                guard var key = JSONScanner.unescape(raw) else { return false }
                ok = key.withUTF8 { body(&self, $0) }
            } else {
                ok = body(&self, raw)
            }
            guard ok else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// Walks an array, calling `body` positioned on each element. False on malformed input.
    mutating func forEachElement(_ body: (inout JSONScanner) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        if consume(UInt8(ascii: "]")) { return true }
        while true {
            guard body(&self) else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }

    /// Reads `null` and returns true, or leaves the position unchanged and returns false.
    mutating func consumeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count,
              bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// Where the string whose contents start at `start` ends (the index of its closing quote)
    /// and whether it holds escapes; nil when it is not terminated. `memchr` finds the quote
    /// and any backslash before it, so a 300-byte evidence quote costs two vector scans rather
    /// than a loop over its bytes; a backslash skips the byte after it, as JSON escapes do.
    private func stringEnd(from start: Int) -> (end: Int, escaped: Bool)? {
        guard let base = bytes.baseAddress else { return nil }
        var from = start, escaped = false
        while from < bytes.count {
            guard let quote = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) else { return nil }
            let end = UnsafePointer<UInt8>(quote.assumingMemoryBound(to: UInt8.self)) - base
            guard let backslash = memchr(base + from, Int32(UInt8(ascii: "\\")), end - from) else { return (end, escaped) }
            escaped = true
            from = UnsafePointer<UInt8>(backslash.assumingMemoryBound(to: UInt8.self)) - base + 2
        }
        return nil
    }

    /// A string value (escapes decoded), or nil when the next value is not a string.
    mutating func readString() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        guard let (end, escaped) = stringEnd(from: start) else {
            index = bytes.count
            return nil
        }
        index = end + 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return escaped ? JSONScanner.unescape(raw) : String(decoding: raw, as: UTF8.self)
    }

    /// A string or null: `.some(nil)` for null, nil when malformed.
    mutating func readOptionalString() -> String?? {
        if consumeNull() { return .some(nil) }
        if let text = readString() { return .some(text) }
        return nil
    }

    /// A number as an integer (fractions truncated), or nil.
    mutating func readInteger() -> Int? {
        skipWhitespace()
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): index += 1
            default:
                return JSONScanner.integer(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
        }
        return JSONScanner.integer(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    }

    /// An array of strings (non-strings skipped), or nil when malformed.
    mutating func readStringArray() -> [String]? {
        var out: [String] = []
        let ok = forEachElement { scanner in
            if let text = scanner.readString() { out.append(text); return true }
            return scanner.skipValue()
        }
        return ok ? out : nil
    }

    /// Skips a string value without building it (evidence quotes are most of a fact's bytes):
    /// false exactly when `readString` would give nil.
    mutating func skipString() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        let start = index
        guard let (end, escaped) = stringEnd(from: start) else {
            index = bytes.count
            return false
        }
        index = end + 1
        return !escaped || JSONScanner.unescape(UnsafeBufferPointer(rebasing: bytes[start..<end])) != nil
    }

    /// Skips one value of any kind. False on malformed input.
    mutating func skipValue() -> Bool {
        guard let byte = peek() else { return false }
        switch byte {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"): return forEachMemberKey { scanner, _ in scanner.skipValue() }
        case UInt8(ascii: "["): return forEachElement { $0.skipValue() }
        default:
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                    return index > start
                default: index += 1
                }
            }
            return index > start
        }
    }

    private static func integer(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !raw.isEmpty else { return nil }
        var value = 0
        var negative = false
        var sawDigit = false
        for (offset, byte) in raw.enumerated() {
            if offset == 0 && byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= 48 && byte <= 57 else { break }
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int(byte - 48))
            if overflow1 || overflow2 { return nil }
            value = sum
            sawDigit = true
        }
        return sawDigit ? (negative ? -value : value) : nil
    }

    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for byte in raw[at..<at + 4] {
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 65...70: digit = UInt32(byte - 55)
                case 97...102: digit = UInt32(byte - 87)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
            guard i + 1 < raw.count else { return nil }
            let code = raw[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(i) else { return nil }
                i += 4
                if scalar >= 0xD800 && scalar < 0xDC00, i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"),
                   raw[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), low >= 0xDC00 && low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: out.append(code)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
