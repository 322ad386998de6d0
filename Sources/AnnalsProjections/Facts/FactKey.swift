/// The payload keys `AssertedFact.parse` reads, matched from the key's bytes.
///
/// Every fact event is parsed on replay, about ten keys each; matching bytes against a table
/// indexed by length (then the first byte, then the rest) replaces building a `String` per key
/// and a `switch` that compares it with each case in turn.
enum FactKey: String, CaseIterable {
    case id, type, date, source, extractor, format, city, venue, occasion, level, action, kind, title, holder
    case stance, target, host, guest, parties, fields, persons, areas, count, participants
    case timeOfDay = "time_of_day", previousLevel = "previous_level", countQualifier = "count_qualifier"
    case signedBy = "signed_by", name, country

    /// The key these bytes spell, or nil for any other key.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count < FactKey.byLength.count, let first = bytes.first else { return nil }
        for candidate in FactKey.byLength[bytes.count] where candidate.bytes[0] == first {
            if candidate.bytes.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                self = candidate.key
                return
            }
        }
        return nil
    }

    /// The keys by the length of their UTF-8 spelling.
    private static let byLength: [[(key: FactKey, bytes: [UInt8])]] = {
        var table = [[(key: FactKey, bytes: [UInt8])]](repeating: [], count: 16)
        for key in allCases { table[key.rawValue.utf8.count].append((key, Array(key.rawValue.utf8))) }
        return table
    }()
}
