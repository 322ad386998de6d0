import AnnalsDigest

/// Feeds rows to a SHA-256 in the canonical encoding of `TableDigest`, from Swift values
/// (`RowBytes`) or from rows encoded earlier.
///
/// Rows collect in one buffer that is hashed every 64 KiB rather than row by row, and the JSON
/// list columns are written as bytes straight into it, so encoding a row allocates nothing.
struct RowEncoder {
    private(set) var hasher = SHA256()
    private var buffer = RowBytes(capacity: RowEncoder.flushAt + 4096)
    /// Rows encoded so far.
    private(set) var rows = 0
    private static let flushAt = 1 << 16

    /// Starts a table: the line `table <name>\n`.
    mutating func table(_ name: String) {
        buffer.append("table ")
        buffer.append(name)
        buffer.append("\n")
    }

    /// A TEXT column, or NULL.
    mutating func text(_ value: String?) { buffer.text(value) }

    /// A TEXT column holding JSON written by `write` (`RowBytes.jsonText`).
    mutating func jsonText(_ write: (inout [UInt8]) -> Void) { buffer.jsonText(write) }

    /// An INTEGER column, or NULL.
    mutating func integer(_ value: Int64?) { buffer.integer(value) }

    /// `count` whole rows that `write` encodes (`\n` included).
    mutating func rows(_ count: Int, _ write: (inout RowBytes) -> Void) {
        write(&buffer)
        rows += count
        if buffer.count >= RowEncoder.flushAt { flush() }
    }

    /// Ends a row: `\n`; hashes the buffer when it is full.
    mutating func endRow() {
        buffer.endRow()
        rows += 1
        if buffer.count >= RowEncoder.flushAt { flush() }
    }

    /// `rows` whole rows encoded earlier: `range` of `arena`, copied when short, else hashed in place.
    mutating func encoded(_ arena: RowBytes, _ range: Range<Int>, rows count: Int) {
        rows += count
        guard range.count >= 4096 else {
            buffer.append(arena, range)
            if buffer.count >= RowEncoder.flushAt { flush() }
            return
        }
        flush()
        arena.bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// The hex digest and the row count.
    mutating func finish() -> (hex: String, rows: Int) {
        flush()
        return (Hex.encode(hasher.finalize()), rows)
    }

    private mutating func flush() {
        buffer.bytes.withUnsafeBytes { hasher.update($0) }
        buffer.removeAll()
    }
}
