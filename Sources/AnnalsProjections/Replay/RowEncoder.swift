import AnnalsDigest

/// Feeds rows to a SHA-256 in the canonical encoding of `TableDigest` (the bytes SQLite's
/// `rowExpression` builds), from Swift values instead of a table.
///
/// Rows collect in one buffer that is hashed every 64 KiB rather than row by row, and the JSON
/// list columns are written as bytes straight into it, so encoding a row allocates nothing.
struct RowEncoder {
    private(set) var hasher = SHA256()
    private var buffer: [UInt8] = []
    /// Rows encoded so far.
    private(set) var rows = 0
    /// Where `jsonText` writes before the length is known, reused across rows.
    private var scratch: [UInt8] = []
    private static let flushAt = 1 << 16

    init() { buffer.reserveCapacity(RowEncoder.flushAt + 4096) }

    /// Starts a table: the line `table <name>\n`.
    mutating func table(_ name: String) {
        buffer.append(contentsOf: "table ".utf8)
        buffer.append(contentsOf: name.utf8)
        buffer.append(10)
    }

    /// A TEXT column, or NULL.
    mutating func text(_ value: String?) {
        guard let value else { return buffer.append(UInt8(ascii: "N")) }
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ text(bytes: $0) }) { return done }
        text(bytes: Array(value.utf8))
    }

    /// A TEXT column from UTF-8 bytes.
    mutating func text<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(UInt8(ascii: "T"))
        decimal(Int64(bytes.count))
        buffer.append(UInt8(ascii: ":"))
        buffer.append(contentsOf: bytes)
    }

    /// A TEXT column holding JSON that `write` appends to the buffer it is given: the length
    /// prefix is patched in once the text is written, so no intermediate string is built.
    mutating func jsonText(_ write: (inout [UInt8]) -> Void) {
        var json = scratch
        scratch = []
        json.removeAll(keepingCapacity: true)
        write(&json)
        text(bytes: json)
        scratch = json
    }

    /// An INTEGER column, or NULL.
    mutating func integer(_ value: Int64?) {
        guard let value else { return buffer.append(UInt8(ascii: "N")) }
        buffer.append(UInt8(ascii: "I"))
        decimal(value)
        buffer.append(UInt8(ascii: ";"))
    }

    /// Ends a row: `\n`; hashes the buffer when it is full.
    mutating func endRow() {
        buffer.append(10)
        rows += 1
        if buffer.count >= RowEncoder.flushAt { flush() }
    }

    /// The hex digest and the row count.
    mutating func finish() -> (hex: String, rows: Int) {
        flush()
        return (Hex.encode(hasher.finalize()), rows)
    }

    private mutating func flush() {
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Decimal digits, written backwards into a stack buffer, then appended.
    private mutating func decimal(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }
}
