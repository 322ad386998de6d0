import AnnalsDigest

/// Feeds rows to a SHA-256 in the canonical encoding of `TableDigest` (the bytes SQLite's
/// `rowExpression` builds), from Swift values instead of a table.
struct RowEncoder {
    private(set) var hasher = SHA256()
    private var buffer: [UInt8] = []
    /// Rows encoded so far.
    private(set) var rows = 0

    init() { buffer.reserveCapacity(1024) }

    /// Starts a table: the line `table <name>\n`.
    mutating func table(_ name: String) { hasher.update("table \(name)\n") }

    /// A TEXT column, or NULL.
    mutating func text(_ value: String?) {
        guard var value else { return buffer.append(UInt8(ascii: "N")) }
        value.withUTF8 { bytes in
            buffer.append(UInt8(ascii: "T"))
            decimal(Int64(bytes.count))
            buffer.append(UInt8(ascii: ":"))
            buffer.append(contentsOf: bytes)
        }
    }

    /// An INTEGER column, or NULL.
    mutating func integer(_ value: Int64?) {
        guard let value else { return buffer.append(UInt8(ascii: "N")) }
        buffer.append(UInt8(ascii: "I"))
        decimal(value)
        buffer.append(UInt8(ascii: ";"))
    }

    /// Ends a row: `\n`, then hashes it.
    mutating func endRow() {
        buffer.append(10)
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
        rows += 1
    }

    /// The hex digest and the row count.
    mutating func finish() -> (hex: String, rows: Int) { (Hex.encode(hasher.finalize()), rows) }

    private mutating func decimal(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer.append(contentsOf: digits.reversed())
    }
}
