/// Rows in the canonical encoding of `TableDigest` (the bytes SQLite's `rowExpression` builds),
/// written from Swift values into one growing buffer.
///
/// `RowEncoder` hashes such a buffer as it fills; `ReplayFold` also keeps two of them as arenas,
/// encoding each `facts` and `person_appearances` row once when its fact arrives, so the digest
/// at the end hashes runs of unchanged rows straight from memory.
struct RowBytes {
    private(set) var bytes: [UInt8] = []
    /// Where `jsonText` writes before the length is known, reused across rows.
    private var scratch: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    /// Raw bytes (a table's header line).
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Rows encoded earlier: `range` of `other`.
    mutating func append(_ other: RowBytes, _ range: Range<Int>) {
        other.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// A TEXT column, or NULL.
    mutating func text(_ value: String?) {
        guard let value else { return bytes.append(UInt8(ascii: "N")) }
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ text(bytes: $0) }) { return done }
        text(bytes: Array(value.utf8))
    }

    /// A TEXT column from UTF-8 bytes.
    mutating func text<Bytes: Collection>(bytes text: Bytes) where Bytes.Element == UInt8 {
        lengthPrefixed(UInt8(ascii: "T"), text)
    }

    /// A BLOB column.
    mutating func blob<Bytes: Collection>(bytes blob: Bytes) where Bytes.Element == UInt8 {
        lengthPrefixed(UInt8(ascii: "B"), blob)
    }

    /// A REAL column, given as SQLite's text of it.
    mutating func real<Bytes: Collection>(text: Bytes) where Bytes.Element == UInt8 {
        bytes.append(UInt8(ascii: "R"))
        bytes.append(contentsOf: text)
        bytes.append(UInt8(ascii: ";"))
    }

    /// `tag`, the byte count in decimal, `:`, the bytes.
    private mutating func lengthPrefixed<Bytes: Collection>(_ tag: UInt8, _ value: Bytes) where Bytes.Element == UInt8 {
        bytes.append(tag)
        decimal(Int64(value.count))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: value)
    }

    /// A TEXT column holding JSON that `write` appends to the buffer it is given, so no
    /// intermediate string is built.
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
        guard let value else { return bytes.append(UInt8(ascii: "N")) }
        bytes.append(UInt8(ascii: "I"))
        decimal(value)
        bytes.append(UInt8(ascii: ";"))
    }

    /// Ends a row: `\n`.
    mutating func endRow() { bytes.append(10) }

    /// Empties the buffer, keeping its capacity.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Decimal digits, written backwards into a stack buffer, then appended.
    private mutating func decimal(_ value: Int64) {
        // Most numbers here are lengths of short texts.
        if value >= 0 && value < 10 { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
        if value >= 10 && value < 100 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            return bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }
}
