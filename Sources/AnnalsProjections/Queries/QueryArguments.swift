import AnnalsLog
import Foundation

/// Parsing and checking of the values users type: dates, countries, `--known-at`.
public enum QueryArguments {
    /// A valid calendar date `YYYY-MM-DD`, returned as given; throws `QueryError.badDate`.
    public static func date(_ text: String) throws(QueryError) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { throw .badDate(text) }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { throw .badDate(text) }
        return text
    }

    /// The ISO code of a country typed as a code or a name; throws `QueryError.unknownCountry`.
    public static func country(_ text: String, in countries: Countries = .builtIn) throws(QueryError) -> String {
        guard let code = countries.code(for: text) else { throw .unknownCountry(text) }
        return code
    }

    /// The seq a `--known-at SEQ|TIMESTAMP` names in `log`: a number is a seq (at most the head),
    /// a time is the last event recorded at or before it (0 when none).
    public static func knownAt(_ text: String, in log: EventLog) throws -> Int64 {
        let head = try log.head()?.seq ?? 0
        let trimmed = text.hasPrefix("seq:") ? String(text.dropFirst(4)) : text
        if let seq = Int64(trimmed) {
            guard seq >= 0 else { throw QueryError.badKnownAt(text) }
            guard seq <= head else { throw QueryError.knownAtBeyondHead(seq: seq, head: head) }
            return seq
        }
        guard let time = Timestamp.normalise(text) else { throw QueryError.badKnownAt(text) }
        return try log.lastSeq(recordedAtOrBefore: time)
    }
}
