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
/// - REAL: `R`, Swift's shortest round-trip decimal form, `;`
/// - TEXT: `T`, the UTF-8 byte length in decimal, `:`, the bytes
/// - BLOB: `B`, the byte length in decimal, `:`, the bytes
///
/// followed by `\n`. The overall digest is SHA-256 over the lines `<projection> <hex digest>\n`
/// for every projection in `ProjectionName.allCases` order. Lengths make the encoding
/// unambiguous; key order makes it independent of insertion order and rowids.
public enum TableDigest {
    /// The encoding of the current row of `statement`.
    static func encodeRow(_ statement: Statement, into out: inout [UInt8]) {
        for index in 0..<statement.columnCount {
            switch statement.value(index) {
            case .null: out.append(UInt8(ascii: "N"))
            case let .integer(v): out.append(contentsOf: Array("I\(v);".utf8))
            case let .real(v): out.append(contentsOf: Array("R\(v);".utf8))
            case let .text(v):
                let bytes = Array(v.utf8)
                out.append(contentsOf: Array("T\(bytes.count):".utf8))
                out.append(contentsOf: bytes)
            case let .blob(v):
                out.append(contentsOf: Array("B\(v.count):".utf8))
                out.append(contentsOf: v)
            }
        }
        out.append(0x0A)
    }

    /// The digest of one projection's tables in `database`, with its row count.
    public static func digest(of projection: ProjectionName, in database: Database) throws -> (hex: String, rows: Int) {
        var hasher = SHA256()
        var rows = 0
        var buffer: [UInt8] = []
        for table in projection.tables {
            hasher.update("table \(table.name)\n")
            let statement = try database.makeStatement(sql: "SELECT * FROM \(table.name) ORDER BY \(table.key)")
            while try statement.step() {
                buffer.removeAll(keepingCapacity: true)
                encodeRow(statement, into: &buffer)
                hasher.update(buffer)
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
            let sql = "SELECT * FROM \(table.name) ORDER BY \(table.key)"
            let a = try live.makeStatement(sql: sql), b = try replayed.makeStatement(sql: sql)
            var row = 0
            while true {
                row += 1
                let hasA = try a.step(), hasB = try b.step()
                if !hasA && !hasB { break }
                guard hasA && hasB else {
                    let extra = hasA ? "live has a row the replay does not: \(describe(a))" : "replay has a row the live table lacks: \(describe(b))"
                    return "table \(table.name), row \(row): \(extra)"
                }
                var ea: [UInt8] = [], eb: [UInt8] = []
                encodeRow(a, into: &ea)
                encodeRow(b, into: &eb)
                if ea != eb { return "table \(table.name), row \(row): live \(describe(a)) ≠ replayed \(describe(b))" }
            }
        }
        return nil
    }

    /// `(column=value, ...)` of the current row.
    static func describe(_ statement: Statement) -> String {
        let cells = (0..<statement.columnCount).map { i -> String in
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
