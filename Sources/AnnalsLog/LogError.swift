/// Errors of the event log, each with a message a user can act on.
public enum LogError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Optimistic concurrency: the stream moved on since the caller read it.
    case conflict(stream: String, expected: ExpectedVersion, found: Int64)
    /// The file is not a SQLite database (or is encrypted, or truncated).
    case notADatabase(path: String)
    /// The database was written by a newer Annals than this one.
    case newerSchema(path: String, unknown: [String])
    /// The file cannot be written (permissions, read-only mount).
    case readOnly(path: String)
    /// No database exists where a read-only command looked.
    /// No file at the path, or (opening to read) an empty SQLite file: no log yet, as while a
    /// writer creates the database.
    case missing(path: String)
    /// Another process held the write lock past the busy timeout.
    case writerBusy(path: String, waitedMilliseconds: Int32)
    /// Any other SQLite failure, with SQLite's code and message.
    case database(DatabaseError)

    public var description: String {
        switch self {
        case let .conflict(stream, expected, found):
            return "conflict on stream \(stream): expected version \(expected), found \(found)"
        case let .notADatabase(path):
            return "\(path) is not an Annals database (not a SQLite file, or damaged); nothing was changed"
        case let .newerSchema(path, unknown):
            return "\(path) was written by a newer Annals (unknown migrations: \(unknown.joined(separator: ", "))); upgrade Annals to open it"
        case let .readOnly(path):
            return "\(path) is read-only; check its permissions (and those of its folder, which holds the -wal and -shm files)"
        case let .missing(path):
            return "no database at \(path) (or no log in it yet); create one with `annals ingest seeds` or `annals daemon`, or point --db / ANNALS_DB at it"
        case let .writerBusy(path, waited):
            return "\(path) is locked by another writer (waited \(waited) ms); is `annals daemon` running on it? Stop it or retry"
        case let .database(error):
            return error.description
        }
    }

    /// Wraps a SQLite error, recognising the ones a user can act on.
    static func from(_ error: DatabaseError, path: String, busyTimeout: Int32) -> LogError {
        switch error.primaryCode {
        case 26: return .notADatabase(path: path)          // SQLITE_NOTADB
        case 8: return .readOnly(path: path)               // SQLITE_READONLY
        case 5, 6: return .writerBusy(path: path, waitedMilliseconds: busyTimeout) // BUSY, LOCKED
        default: return .database(error)
        }
    }
}

extension DatabaseError: Equatable {
    public static func == (lhs: DatabaseError, rhs: DatabaseError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.sql == rhs.sql
    }
}
