/// Writes JSON into a byte buffer exactly as Foundation's `JSONEncoder` does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, without its cost.
///
/// `JSONEncoder` boxes every value into a tree, sorts each object's keys at run time and copies
/// the result into `Data`; on a 23 MB `annals meetings --json` that was most of the command's
/// time. Here each `PrettyJSONWritable` names its fields itself, already in sorted order, and the
/// writer only adds the layout Foundation uses (swift-foundation's `JSONWriter`):
///
/// - two spaces of indent per level, `"key" : value`, `,\n` between members;
/// - an empty array or object is its brackets around two newlines, the closing one indented
///   (`[\n\n]` at the top level, `[\n\n    ]` two levels down);
/// - strings as `JSONString` quotes them; integers in decimal; `null` for an explicit nil.
///
/// Key order is the caller's job: Foundation sorts by the keys' UTF-8 bytes on Linux, so
/// `time_of_day` comes before `title` and `source` before `source_state` before `sources`.
/// (Darwin's Foundation may instead compare case-insensitively and numerically; in every object
/// we write, the first difference between two keys is between two lower-case letters, where
/// both orders agree.)
/// Keys are `StaticString`s of our own and are written unescaped.
///
/// `EncodingIdentityTests` compares every conforming type with `JSONEncoder` byte for byte.
public struct PrettyJSONWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    /// Nesting depth of the container being written (0 at the top level).
    private var depth = 0
    /// Whether the container being written has no member yet (so the next needs no comma).
    private var isFirst = true

    public init() {}

    /// The bytes `JSONEncoder` would give for `value` with the options above (no trailing newline).
    public static func encode<T: PrettyJSONWritable>(_ value: T) -> [UInt8] {
        var writer = PrettyJSONWriter()
        value.writeJSON(to: &writer)
        return writer.bytes
    }

    // MARK: Containers

    /// Writes an object whose members `body` writes with the `field` methods, in sorted key order.
    public mutating func object(_ body: (inout PrettyJSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        open()
        body(&self)
        close()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes an array with one element per item of `elements`, each written by `element`.
    public mutating func array<C: Collection>(_ elements: C, _ element: (inout PrettyJSONWriter, C.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        open()
        for item in elements {
            beginMember()
            element(&self, item)
        }
        close()
        bytes.append(UInt8(ascii: "]"))
    }

    // MARK: Members of an object

    /// `"key" : "value"`.
    public mutating func field(_ key: StaticString, _ value: String) {
        writeKey(key)
        JSONString.append(value, to: &bytes)
    }

    /// `"key" : "value"`, or `"key" : null` when nil (what `encode(_:forKey:)` does with an optional).
    public mutating func field(_ key: StaticString, _ value: String?) {
        writeKey(key)
        if let value { JSONString.append(value, to: &bytes) } else { writeNull() }
    }

    /// `"key" : "value"`, or nothing at all when nil (what `encodeIfPresent` and synthesized
    /// conformances do).
    public mutating func fieldIfPresent(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        field(key, value)
    }

    /// `"key" : 42`.
    public mutating func field(_ key: StaticString, _ value: Int64) {
        writeKey(key)
        writeInteger(value)
    }

    /// `"key" : 42`.
    public mutating func field(_ key: StaticString, _ value: Int) {
        field(key, Int64(value))
    }

    /// `"key" : 42`, or `"key" : null` when nil.
    public mutating func field(_ key: StaticString, _ value: Int?) {
        writeKey(key)
        if let value { writeInteger(Int64(value)) } else { writeNull() }
    }

    /// `"key" : 42`, or `"key" : null` when nil.
    public mutating func field(_ key: StaticString, _ value: Int64?) {
        writeKey(key)
        if let value { writeInteger(value) } else { writeNull() }
    }

    /// `"key" : true`.
    public mutating func field(_ key: StaticString, _ value: Bool) {
        writeKey(key)
        writeStatic(value ? "true" : "false")
    }

    /// `"key" : [ "a", "b" ]`, one string per line.
    public mutating func field(_ key: StaticString, _ value: [String]) {
        writeKey(key)
        array(value) { writer, string in JSONString.append(string, to: &writer.bytes) }
    }

    /// `"key" : ` followed by whatever `value` writes (an object, or an array of them).
    public mutating func field<T: PrettyJSONWritable>(_ key: StaticString, _ value: T) {
        writeKey(key)
        value.writeJSON(to: &self)
    }

    /// `"key" : ` followed by an object that `body` writes.
    public mutating func objectField(_ key: StaticString, _ body: (inout PrettyJSONWriter) -> Void) {
        writeKey(key)
        object(body)
    }

    /// `"key" : ` followed by an array of `elements`, each written by `element`.
    public mutating func arrayField<C: Collection>(_ key: StaticString, _ elements: C,
                                                   _ element: (inout PrettyJSONWriter, C.Element) -> Void) {
        writeKey(key)
        array(elements, element)
    }

    // MARK: Layout

    /// After an opening bracket: Foundation always breaks the line, even for an empty container.
    private mutating func open() {
        bytes.append(0x0A)
        depth += 1
        isFirst = true
    }

    /// Before a closing bracket: a line break and the outer level's indent, even when empty.
    private mutating func close() {
        bytes.append(0x0A)
        depth -= 1
        writeIndent()
        // The container just closed is itself a member of the outer one.
        isFirst = false
    }

    /// `,\n` unless first, then the indent.
    private mutating func beginMember() {
        if isFirst { isFirst = false } else { bytes.append(UInt8(ascii: ",")); bytes.append(0x0A) }
        writeIndent()
    }

    private mutating func writeKey(_ key: StaticString) {
        beginMember()
        bytes.append(UInt8(ascii: "\""))
        writeStatic(key)
        writeStatic("\" : ")
    }

    private mutating func writeIndent() {
        for _ in 0..<depth {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    private mutating func writeNull() { writeStatic("null") }

    private mutating func writeStatic(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Decimal, as `String(value)` and so `JSONEncoder` write it, without making a `String`.
    private mutating func writeInteger(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // 20 digits hold UInt64.max; digits are produced last first.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}
