import CSQLite

/// An owning connection to one SQLite database file.
///
/// Not `Sendable`: SQLite connections must not be used from two threads at once, so a connection
/// lives inside one actor or one synchronous command. Statements are cached by SQL text and
/// finalized before the connection closes (else `sqlite3_close` reports SQLITE_BUSY).
public final class Database {
    /// How a connection opens its file.
    public enum Mode: Sendable {
        /// Read and write, creating the file when it is missing.
        case readWriteCreate
        /// Read and write an existing file.
        case readWrite
        /// Read only: queries, `verify`, `explain`.
        case readOnly
    }

    let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String
    private var cache: [String: Statement] = [:]

    /// Opens `path` in `mode`, with extended result codes on.
    public init(path: String, mode: Mode = .readWriteCreate) throws(DatabaseError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            // sqlite.org: "a database connection handle is usually returned in *ppDb, even if an
            // error occurs" and must still be released with sqlite3_close().
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open"
            sqlite3_close(connection)
            throw DatabaseError(code: code, message: message)
        }
        sqlite3_extended_result_codes(connection, 1)
        self.handle = connection
        self.path = path
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(code: Int32, sql: String?) -> DatabaseError {
        let extended = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        return DatabaseError(code: extended != 0 ? extended : code, message: message, sql: sql)
    }

    /// Runs one or more SQL statements that return no rows we need.
    public func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Prepares a statement that the caller owns.
    public func makeStatement(sql: String) throws(DatabaseError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A prepared statement kept for reuse on this connection, reset and ready to bind.
    public func cachedStatement(sql: String) throws(DatabaseError) -> Statement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// Runs a query and maps every row.
    public func rows<T>(_ sql: String, _ values: [DatabaseValue] = [], _ map: (Statement) throws -> T) throws -> [T] {
        let statement = try cachedStatement(sql: sql)
        defer { statement.reset() }
        try statement.bind(values)
        var out: [T] = []
        while try statement.step() { out.append(try map(statement)) }
        return out
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ values: [DatabaseValue] = []) throws(DatabaseError) -> DatabaseValue? {
        let statement = try cachedStatement(sql: sql)
        defer { statement.reset() }
        try statement.bind(values)
        return try statement.step() ? statement.value(0) : nil
    }

    /// The first column of the first row as an integer (0 when absent or NULL).
    public func integer(_ sql: String, _ values: [DatabaseValue] = []) throws(DatabaseError) -> Int64 {
        if case let .integer(v)? = try scalar(sql, values) { return v }
        return 0
    }

    /// Runs `body` in a transaction: IMMEDIATE takes the write lock up front (writers), DEFERRED
    /// reads a consistent snapshot. Rolls back on any thrown error and rethrows the first one.
    ///
    /// Inside an open transaction it runs as a savepoint instead: a batch of readouts in one
    /// transaction (one commit, each page written once) still undoes only the one that failed.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction { return try savepoint(body) }
        try execute(kind == .immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` between SAVEPOINT and RELEASE; on a thrown error, undoes its writes alone and
    /// rethrows, leaving the enclosing transaction open.
    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT nested")
        do {
            let result = try body()
            try execute("RELEASE nested")
            return result
        } catch {
            // ROLLBACK TO keeps the savepoint on the stack; RELEASE pops it. Where SQLite already
            // rolled the whole transaction back (a full disk, an interrupt), there is nothing to undo.
            if sqlite3_get_autocommit(handle) == 0 {
                try? execute("ROLLBACK TO nested")
                try? execute("RELEASE nested")
            }
            throw error
        }
    }

    /// Whether a transaction takes the write lock at once.
    public enum TransactionKind: Sendable { case immediate, deferred }

    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    public func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The version of the linked libsqlite3, such as "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}

@available(*, unavailable)
extension Database: Sendable {}
