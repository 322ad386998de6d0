import Foundation

/// Transaction time as Annals writes it: UTC, ISO 8601, milliseconds, e.g. `2026-11-27T06:01:02.123Z`.
///
/// Fixed width, so text order is time order and `--known-at TIME` is a string comparison.
public enum Timestamp {
    /// Formats a date.
    public static func string(from date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        let millis = Int((date.timeIntervalSince1970 - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), min(999, max(0, millis)))
    }

    /// Now, formatted.
    public static func now() -> String { string(from: Date()) }

    /// Normalises a user's `--known-at` time (`2026-11-27`, `2026-11-27T06:01`, `...Z`) to the
    /// stored form's prefix order; nil when it is not such a time.
    public static func normalise(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        guard bytes.count >= 10, digits(0..<4), bytes[4] == 45, digits(5..<7), bytes[7] == 45, digits(8..<10) else { return nil }
        if bytes.count == 10 { return text + "T23:59:59.999Z" }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var rest = String(decoding: bytes[11...], as: UTF8.self)
        if rest.hasSuffix("Z") { rest.removeLast() }
        let template = "00:00:00.000"
        guard rest.count <= template.count else { return nil }
        let padded = rest + template.dropFirst(rest.count)
        let p = Array(padded.utf8)
        guard p.count == 12, p[2] == 58, p[5] == 58, p[8] == 46 else { return nil }
        return String(decoding: bytes[0..<10], as: UTF8.self) + "T" + padded + "Z"
    }
}
