import CSQLite

/// A prepared statement that finalizes itself; bind 1-based, step, read columns, reset.
///
/// Not `Sendable`: it belongs to the connection that made it, and that connection is confined
/// to one thread or actor at a time.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL the statement was prepared from, kept for error messages.
    public let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws(DatabaseError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw database.error(code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears bindings and rewinds, ready for the next execution.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Rewinds without clearing the bindings, for a loop that binds every parameter each time.
    func rewind() {
        sqlite3_reset(handle)
    }

    /// Binds a value to the 1-based parameter `index`.
    public func bind(_ value: DatabaseValue, at index: Int32) throws(DatabaseError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case let .integer(v): code = sqlite3_bind_int64(handle, index, v)
        case let .real(v): code = sqlite3_bind_double(handle, index, v)
        case let .text(v): code = bindText(v, at: index)
        case let .blob(v):
            code = v.withUnsafeBytes { raw in
                sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), annals_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds a string's UTF-8 bytes straight from its storage with their count: no C-string
    /// conversion (a copy per call) and no strlen.
    private func bindText(_ text: String, at index: Int32) -> Int32 {
        if let code = text.utf8.withContiguousStorageIfAvailable({ bytes -> Int32 in
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, annals_sqlite_transient()) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), annals_sqlite_transient())
            }
        }) {
            return code
        }
        return sqlite3_bind_text(handle, index, text, -1, annals_sqlite_transient())
    }

    /// Binds text given as UTF-8 bytes without building a `String` first.
    public func bindUTF8(_ bytes: [UInt8], at index: Int32) throws(DatabaseError) {
        let code: Int32 = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, annals_sqlite_transient())
            }
            return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), annals_sqlite_transient())
        }
        guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
    }

    /// Binds all values in order, from parameter 1.
    public func bind(_ values: [DatabaseValue]) throws(DatabaseError) {
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    /// Steps once: true when a row is ready to read, false when the statement is done.
    @discardableResult
    public func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion with `values` bound, then resets it.
    public func execute(_ values: [DatabaseValue] = []) throws(DatabaseError) {
        defer { reset() }
        try bind(values)
        while try step() {}
    }

    /// The number of columns in a result row.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// True when column `index` (0-based) of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` as an integer (0 for NULL).
    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` as a double (0 for NULL).
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` as text, or nil for NULL.
    public func string(_ index: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` as raw bytes (text or blob), or nil for NULL.
    public func bytes(_ index: Int32) -> [UInt8]? {
        if sqlite3_column_type(handle, index) == SQLITE_NULL { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Lends column `index`'s bytes without copying; valid only inside `body`.
    public func withBytes<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(handle, index))
        let pointer = sqlite3_column_blob(handle, index)
        return try body(UnsafeRawBufferPointer(start: count > 0 ? pointer : nil, count: count))
    }

    /// The storage class of column `index` in the current row.
    public func storageClass(_ index: Int32) -> StorageClass {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    /// Column `index` as a `DatabaseValue`.
    public func value(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index) ?? "")
        case SQLITE_BLOB: return .blob(bytes(index) ?? [])
        default: return .null
        }
    }

    /// The name of column `index`.
    public func columnName(_ index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }
}

@available(*, unavailable)
extension Statement: Sendable {}

/// SQLite's five storage classes, as `sqlite3_column_type` reports them.
public enum StorageClass: Sendable {
    case null, integer, real, text, blob
}

/// A value SQLite stores: the five storage classes.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension DatabaseValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }

    /// Text, or NULL for nil.
    public static func optional(_ text: String?) -> DatabaseValue { text.map { .text($0) } ?? .null }
    /// An integer, or NULL for nil.
    public static func optional(_ number: Int?) -> DatabaseValue { number.map { .integer(Int64($0)) } ?? .null }
}
