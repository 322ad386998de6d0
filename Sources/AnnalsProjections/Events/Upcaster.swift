import AnnalsLog

/// Reads old payload schemas as the current one, so folds and queries only know the newest shape
/// and the log is never rewritten to migrate it.
///
/// The history of schemas:
/// - `MeetingHeld` 1 → 2: schema 2 adds `parties`, the sorted ISO codes of the principals'
///   countries, so a meeting names the relation it belongs to the way partnerships and documents
///   do. A schema 1 payload gets `parties` derived from its participants.
public enum Upcaster {
    /// The event as the current schema of its type would have it; events already current, of
    /// unknown types or of a schema newer than this build are returned as they are.
    public static func upcast(_ event: RecordedEvent) -> RecordedEvent {
        guard event.type == EventType.meetingHeld.rawValue, event.schema == 1, let payload = event.payload,
              let fact = AssertedFact.parse(payload) else { return event }
        var upcast = event
        upcast.schema = 2
        upcast.payload = meetingSchema2(payload: payload, participants: fact.participants)
        return upcast
    }

    /// Adds `parties` to a schema 1 `MeetingHeld` payload (which never has the key).
    static func meetingSchema2(payload: [UInt8], participants: [Participant]) -> [UInt8] {
        let codes = Set(participants.compactMap(\.country)).sorted()
        guard payload.first == UInt8(ascii: "{") else { return payload }
        var out: [UInt8] = [UInt8(ascii: "{")]
        out += Array("\"parties\":[".utf8)
        out += Array(codes.map { "\"\($0)\"" }.joined(separator: ",").utf8)
        out.append(UInt8(ascii: "]"))
        if payload.count > 2 { out.append(UInt8(ascii: ",")) }
        out += payload.dropFirst()
        return out
    }
}
