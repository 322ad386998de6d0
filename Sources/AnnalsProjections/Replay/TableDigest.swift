import Foundation
import AnnalsDigest
import AnnalsLog

/// The canonical encoding of read-model rows and its SHA-256, as `replay` compares them.
///
/// A projection's digest is SHA-256 over, for each of its tables in `ProjectionName.tables`
/// order: the line `table <name>\n`, then every row in the order of the table's key columns
/// (`ORDER BY` key), each row being its columns in declared order, each column encoded as
///
/// - NULL: `N`
/// - INTEGER: `I`, the decimal digits, `;`
/// - REAL: `R`, SQLite's text form of the value, `;`
/// - TEXT: `T`, the UTF-8 byte length in decimal, `:`, the bytes
/// - BLOB: `B`, the byte length in decimal, `:`, the bytes
///
/// followed by `\n`. The overall digest is SHA-256 over the lines `<projection> <hex digest>\n`
/// for every projection in `ProjectionName.allCases` order. Lengths make the encoding
/// unambiguous; key order makes it independent of insertion order and rowids. `rowExpression`
/// states the encoding in SQL (and names differing rows); `digest(of:in:)` encodes the columns
/// it reads in Swift, to the same bytes, at a third of the cost.
public enum TableDigest {
    /// A SQL expression giving the canonical encoding of a row of `table`, from its declared columns.
    static func rowExpression(_ table: String, in database: Database) throws -> String {
        let columns = try database.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)]) { $0.string(0) ?? "" }
        let parts = columns.map { raw -> String in
            let c = "\"" + raw.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return """
                CASE typeof(\(c)) WHEN 'null' THEN 'N' WHEN 'integer' THEN 'I' || \(c) || ';' WHEN 'real' THEN 'R' || \(c) || ';' \
                WHEN 'text' THEN 'T' || length(CAST(\(c) AS BLOB)) || ':' || \(c) ELSE 'B' || length(\(c)) || ':' || \(c) END
                """
        }
        return "CAST(" + (parts + ["char(10)"]).joined(separator: " || ") + " AS BLOB)"
    }

    /// A statement reading every row of `table` in key order, the encoded row in column 0 and
    /// the row's columns after it.
    static func orderedRows(_ table: (name: String, key: String), in database: Database) throws -> Statement {
        try database.makeStatement(sql: "SELECT \(try rowExpression(table.name, in: database)), * FROM \(table.name) ORDER BY \(table.key)")
    }

    /// The digest of one projection's tables in `database`, with its row count.
    ///
    /// Reads the plain columns and encodes them here (`RowEncoder`), the same bytes
    /// `rowExpression` makes SQLite build (`aSwiftEncodedRowEqualsSQLites` checks every storage
    /// class) at about a third of the cost: SQLite's concatenations allocate a string per column.
    public static func digest(of projection: ProjectionName, in database: Database) throws -> (hex: String, rows: Int) {
        var encoder = RowEncoder()
        for table in projection.tables {
            encoder.table(table.name)
            let statement = try database.makeStatement(sql: "SELECT * FROM \(table.name) ORDER BY \(table.key)")
            let columns = statement.columnCount
            while try statement.step() {
                encoder.rows(1) { row in
                    for column in 0..<columns { encode(statement, column, into: &row) }
                    row.endRow()
                }
            }
        }
        return encoder.finish()
    }

    /// One column of the current row, as `rowExpression` encodes it: SQLite's text of a REAL
    /// (what `||` gives), the bytes of TEXT and BLOB values.
    static func encode(_ statement: Statement, _ column: Int32, into row: inout RowBytes) {
        switch statement.storageClass(column) {
        case .null: row.integer(nil)
        case .integer: row.integer(statement.int64(column))
        case .real: statement.withBytes(column) { row.real(text: $0) }
        case .text: statement.withBytes(column) { row.text(bytes: $0) }
        case .blob: statement.withBytes(column) { row.blob(bytes: $0) }
        }
    }

    /// The digest as SQLite alone computes it, from `rowExpression`: the definition the
    /// Swift-side encoding is tested against.
    static func digestInSQL(of projection: ProjectionName, in database: Database) throws -> (hex: String, rows: Int) {
        var hasher = SHA256()
        var rows = 0
        for table in projection.tables {
            hasher.update("table \(table.name)\n")
            let statement = try orderedRows(table, in: database)
            while try statement.step() {
                statement.withBytes(0) { hasher.update($0) }
                rows += 1
            }
        }
        return (Hex.encode(hasher.finalize()), rows)
    }

    /// The overall digest of per-projection digests.
    public static func overall(_ digests: [(ProjectionName, String)]) -> String {
        var hasher = SHA256()
        for (name, hex) in digests { hasher.update("\(name.rawValue) \(hex)\n") }
        return Hex.encode(hasher.finalize())
    }

    /// The first row where two databases' copies of a projection differ, described for people,
    /// or nil when they are equal.
    public static func firstDifference(of projection: ProjectionName, live: Database, replayed: Database) throws -> String? {
        for table in projection.tables {
            let a = try orderedRows(table, in: live), b = try orderedRows(table, in: replayed)
            var row = 0
            while true {
                row += 1
                let hasA = try a.step(), hasB = try b.step()
                if !hasA && !hasB { break }
                guard hasA && hasB else {
                    let extra = hasA ? "live has a row the replay does not: \(describe(a))" : "replay has a row the live table lacks: \(describe(b))"
                    return "table \(table.name), row \(row): \(extra)"
                }
                let ea = a.bytes(0) ?? [], eb = b.bytes(0) ?? []
                if ea != eb { return "table \(table.name), row \(row): live \(describe(a)) ≠ replayed \(describe(b))" }
            }
        }
        return nil
    }

    /// `(column=value, ...)` of the current row.
    static func describe(_ statement: Statement) -> String {
        let cells = (1..<statement.columnCount).map { i -> String in
            let value: String
            switch statement.value(i) {
            case .null: value = "NULL"
            case let .integer(v): value = "\(v)"
            case let .real(v): value = "\(v)"
            case let .text(v): value = "'\(v.count > 80 ? String(v.prefix(80)) + "…" : v)'"
            case let .blob(v): value = "<\(v.count) bytes>"
            }
            return "\(statement.columnName(i))=\(value)"
        }
        return "(" + cells.joined(separator: ", ") + ")"
    }
}
