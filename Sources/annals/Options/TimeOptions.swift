import AnnalsLog
import AnnalsProjections
import ArgumentParser

/// `--as-of DATE` and `--known-at SEQ|TIMESTAMP`, shared by the query commands.
struct TimeOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Valid time: the world at the end of this day (YYYY-MM-DD), as the log knows it now.")
    var asOf: String?

    @Option(name: .customLong("known-at"), help: "Transaction time: what the log knew after this seq, or at this time (2026-11-27T06:00).")
    var knownAt: String?

    /// The checked `--as-of` date.
    func asOfDate() throws -> String? {
        guard let asOf else { return nil }
        return try QueryArguments.date(asOf)
    }

    /// Queries over `log`, at `--known-at` when given.
    func queries(over log: EventLog) throws -> Queries {
        var seq: Int64?
        if let knownAt { seq = try QueryArguments.knownAt(knownAt, in: log) }
        return try Output.noteIfStale(Queries(log: log, knownAt: seq, ranking: Vocabulary.ranking))
    }
}
