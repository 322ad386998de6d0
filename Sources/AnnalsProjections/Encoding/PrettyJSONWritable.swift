/// A value that writes itself as pretty, key-sorted JSON: the same bytes `JSONEncoder` gives for
/// its `Encodable` conformance with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// several times faster.
///
/// It refines `Encodable` so the slow path stays available and is the reference: a type's
/// `writeJSON(to:)` must list the keys its `encode(to:)` encodes, in UTF-8 byte order, writing
/// `null` where `encode(to:)` encodes a nil and nothing where it skips one (`encodeIfPresent`,
/// synthesized conformances). `EncodingIdentityTests` holds every conforming type to that.
public protocol PrettyJSONWritable: Encodable {
    /// Writes this value (an object, or an array of them) at the writer's current position.
    func writeJSON(to writer: inout PrettyJSONWriter)
}

/// An array of writable values is a JSON array of them, which is how every query prints.
extension Array: PrettyJSONWritable where Element: PrettyJSONWritable {
    public func writeJSON(to writer: inout PrettyJSONWriter) {
        writer.array(self) { writer, element in element.writeJSON(to: &writer) }
    }
}
