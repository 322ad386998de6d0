/// What a query could not answer, said so a user can act on it (the CLI prints it and exits 1).
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCountry(String)
    case badDate(String)
    case badKnownAt(String)
    case knownAtBeyondHead(seq: Int64, head: Int64)
    case unknownFact(String)
    case unknownPerson(String)

    public var description: String {
        switch self {
        case let .unknownCountry(text):
            return "unknown country '\(text)': give an ISO code (AZ) or an English name (Azerbaijan)"
        case let .badDate(text):
            return "'\(text)' is not a date: use YYYY-MM-DD, e.g. 2024-12-31"
        case let .badKnownAt(text):
            return "'\(text)' is neither a seq (a positive number) nor a time (2026-11-27, 2026-11-27T06:01, ...Z)"
        case let .knownAtBeyondHead(seq, head):
            return "the log has \(head) events; --known-at \(seq) is beyond its head"
        case let .unknownFact(text):
            return "no fact or event '\(text)' in the log: give a fact id (see `annals history` or `--json` output) or seq:N"
        case let .unknownPerson(text):
            return "no person named '\(text)' in the record"
        }
    }
}
