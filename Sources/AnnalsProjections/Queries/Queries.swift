import AnnalsLog
import Foundation

/// Answers the questions users ask of the record, from the read-model tables.
///
/// - Current state reads the tables the `Projector` keeps in the log's file.
/// - `--as-of DATE` (valid time) filters those tables by date: a ladder cut at a day is the
///   ladder of the claims up to that day, since steps are made in date order.
/// - `--known-at SEQ` (transaction time) rebuilds the read models as the log stood after that
///   seq into a temporary database (`at(knownAt:)`), then asks the same questions there. That is
///   a replay of the log's prefix: seconds at a million events, fine for audits.
/// - When the file's read models are missing, stale or of another code version (a read-only
///   open of a file a projector has not caught up), the current state is rebuilt the same way.
public final class Queries {
    public let log: EventLog
    /// Where the read models are read from.
    let store: Database
    /// The seq the read models reflect.
    public let seq: Int64
    private let temporary: TemporaryStore?
    /// True when the file's read models were missing or behind the log, so these answers come
    /// from a temporary rebuild (slower; open the log for writing to catch the tables up).
    public var rebuiltBecauseStale: Bool { temporary != nil && !isKnownAt }
    private var isKnownAt = false
    /// The level ranking the read models are built with.
    public let ranking: LevelRanking

    /// Queries over `log` (read-only is fine), as the log knows things now or, with `knownAt`,
    /// as it knew them after that seq.
    ///
    /// - Parameter ranking: the level ranking the writer's projector uses (the lexicon's).
    public convenience init(log: EventLog, knownAt: Int64? = nil, ranking: LevelRanking = .standard) throws {
        // Head and positions from one snapshot, so a writer appending meanwhile cannot make
        // current tables look stale (or the reverse).
        let (head, current) = try log.database.transaction(.deferred) {
            let head = try log.head()?.seq ?? 0
            return (head, try Queries.tablesAreCurrent(in: log.database, head: head, ranking: ranking))
        }
        if let knownAt, knownAt < head {
            let temporary = try TemporaryStore(log: log, through: knownAt, ranking: ranking)
            self.init(log: log, store: temporary.database, seq: knownAt, temporary: temporary, ranking: ranking)
            isKnownAt = true
        } else if current {
            self.init(log: log, store: log.database, seq: head, temporary: nil, ranking: ranking)
        } else {
            let temporary = try TemporaryStore(log: log, through: head, ranking: ranking)
            self.init(log: log, store: temporary.database, seq: head, temporary: temporary, ranking: ranking)
        }
    }

    private init(log: EventLog, store: Database, seq: Int64, temporary: TemporaryStore?, ranking: LevelRanking) {
        self.log = log
        self.ranking = ranking
        self.store = store
        self.seq = seq
        self.temporary = temporary
    }

    /// The same queries over the state the log knew after `seq`.
    public func at(knownAt seq: Int64) throws -> Queries {
        let temporary = try TemporaryStore(log: log, through: seq, ranking: ranking)
        let queries = Queries(log: log, store: temporary.database, seq: seq, temporary: temporary, ranking: ranking)
        queries.isKnownAt = true
        return queries
    }

    /// Whether `database` has the read-model tables.
    static func tablesArePresent(in database: Database) throws -> Bool {
        try database.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'projection_positions'") > 0
    }

    static func tablesAreCurrent(in database: Database, head: Int64, ranking: LevelRanking) throws -> Bool {
        guard try tablesArePresent(in: database) else { return false }
        let rows = try database.rows("SELECT projection, version, position FROM projection_positions", []) {
            ($0.string(0) ?? "", $0.int64(1), $0.int64(2))
        }
        let current = rows.filter { row in
            ProjectionName(rawValue: row.0).map { $0.version(ranking: ranking) == row.1 && row.2 == head } ?? false
        }
        return current.count == ProjectionName.allCases.count
    }
}
