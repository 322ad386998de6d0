import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// Schema evolution: `MeetingHeld` schema 1 rows stored by an older Annals read as schema 2.
struct UpcasterTests {
    static let schema1 = #"{"date":"2024-07-03","format":"meeting","id":"f-1","participants":[{"country":"CN","name":"Xi Jinping","title":"President"},{"country":"AZ","name":"Ilham Aliyev","title":"President"}],"source":"a.txt","type":"meeting"}"#

    func meeting(schema: Int, payload: String) -> NewEvent {
        NewEvent(stream: "relation/AZ-CN", type: "MeetingHeld", schema: schema, validOn: "2024-07-03", payload: Array(payload.utf8))
    }

    @Test func aStoredSchema1RowReadsAsSchema2WithParties() throws {
        let temporary = try TemporaryLog()
        // A row exactly as schema 1 wrote it: no `parties`.
        try temporary.append([SourceEvents.added(EventBuilder.sourceContent("a.txt")), meeting(schema: 1, payload: Self.schema1)])
        let stored = try #require(try temporary.log.event(seq: 2))
        #expect(stored.schema == 1)
        #expect(!stored.payloadText.contains("parties"), "the log keeps what was written")

        let upcast = Upcaster.upcast(stored)
        #expect(upcast.schema == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(upcast.payload ?? [])) as? [String: Any])
        #expect(object["parties"] as? [String] == ["AZ", "CN"])
        #expect((object["participants"] as? [Any])?.count == 2)
        #expect(try temporary.log.verify().isValid, "upcasting reads; it never rewrites")
    }

    @Test func schema1And2MeetingsFoldToTheSameReadModels() throws {
        let old = try TemporaryLog()
        try old.append([SourceEvents.added(EventBuilder.sourceContent("a.txt")), meeting(schema: 1, payload: Self.schema1)])
        let new = try TemporaryLog()
        let schema2 = String(decoding: Upcaster.upcast(try #require(try old.log.event(seq: 2))).payload ?? [], as: UTF8.self)
        try new.append([SourceEvents.added(EventBuilder.sourceContent("a.txt")), meeting(schema: 2, payload: schema2)])
        let query = "SELECT date, format, participants, countries FROM meetings"
        #expect(try old.strings(query) == new.strings(query))
        #expect(try old.strings(query).count == 1)
    }

    @Test func currentAndUnknownSchemasPassThrough() throws {
        let event = RecordedEvent(seq: 1, stream: "s", streamVersion: 1, type: "MeetingHeld", schema: 3, validOn: nil,
                                  recordedAt: "", payload: Array("{}".utf8), payloadSHA256: "", prevHash: "", hash: "")
        #expect(Upcaster.upcast(event) == event)
        var other = event
        other.type = "DocumentSigned"
        other.schema = 1
        #expect(Upcaster.upcast(other) == other)
        #expect(EventType.meetingHeld.currentSchema == 2)
    }
}
