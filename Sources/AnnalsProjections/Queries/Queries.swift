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

    /// Queries over `log` (read-only is fine), as the log knows things now or, with `knownAt`,
    /// as it knew them after that seq.
    public convenience init(log: EventLog, knownAt: Int64? = nil) throws {
        // Head and positions from one snapshot, so a writer appending meanwhile cannot make
        // current tables look stale (or the reverse).
        let (head, current) = try log.database.transaction(.deferred) {
            let head = try log.head()?.seq ?? 0
            return (head, try Queries.tablesAreCurrent(in: log.database, head: head))
        }
        if let knownAt, knownAt < head {
            let temporary = try TemporaryStore(log: log, through: knownAt)
            self.init(log: log, store: temporary.database, seq: knownAt, temporary: temporary)
        } else if current {
            self.init(log: log, store: log.database, seq: head, temporary: nil)
        } else {
            let temporary = try TemporaryStore(log: log, through: head)
            self.init(log: log, store: temporary.database, seq: head, temporary: temporary)
        }
    }

    private init(log: EventLog, store: Database, seq: Int64, temporary: TemporaryStore?) {
        self.log = log
        self.store = store
        self.seq = seq
        self.temporary = temporary
    }

    /// The same queries over the state the log knew after `seq`.
    public func at(knownAt seq: Int64) throws -> Queries {
        let temporary = try TemporaryStore(log: log, through: seq)
        return Queries(log: log, store: temporary.database, seq: seq, temporary: temporary)
    }

    /// Whether `database` has the read-model tables.
    static func tablesArePresent(in database: Database) throws -> Bool {
        try database.integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'projection_positions'") > 0
    }

    static func tablesAreCurrent(in database: Database, head: Int64) throws -> Bool {
        guard try tablesArePresent(in: database) else { return false }
        let rows = try database.rows("SELECT projection, version, position FROM projection_positions", []) {
            ($0.string(0) ?? "", $0.int64(1), $0.int64(2))
        }
        let current = rows.filter { row in
            ProjectionName(rawValue: row.0).map { $0.version == row.1 && row.2 == head } ?? false
        }
        return current.count == ProjectionName.allCases.count
    }
}

/// A throwaway database file holding read models rebuilt from a prefix of the log.
final class TemporaryStore {
    let path: String
    let database: Database

    init(log: EventLog, through seq: Int64) throws {
        path = NSTemporaryDirectory() + "annals-readmodels-\(UUID().uuidString).sqlite"
        database = try Database(path: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        let projector = try Projector(log: log, store: database)
        try projector.catchUp(through: seq)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
