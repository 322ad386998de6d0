import AnnalsLog
@testable import AnnalsProjections
import Foundation
import Testing

/// The pieces replay's fold is made of, each against the code it restates: no database.
struct ReplayPiecesTests {
    @Test(arguments: ["Xi Jinping", "Ilham Aliyev", "Kassym-Jomart Tokayev", "Luiz Inácio Lula da Silva Jr.", "O'Neill",
                      "J. R. R. Tolkien III", "A", "", "  ", "Mohammed bin Salman Al Saud", "da Silva", "Jr.", "X Æ A-12"])
    func keyAndFamilyEqualTheTwoCalls(name: String) {
        let both = PersonName.keyAndFamily(name)
        #expect(both.key == PersonName.key(name))
        #expect(both.family == PersonName.family(name))
    }

    @Test(arguments: [[], ["a"], ["b", "a"], ["quote \"x\"", "back\\slash", "line\nbreak", "tab\t", "bell\u{07}", "café 😀", "\u{1F}"]])
    func jsonBytesEqualJSONText(items: [String]) {
        var out: [UInt8] = []
        JSONBytes.array(items, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == JSONText.array(items))
        let people = items.map { Participant(name: $0, country: $0.isEmpty ? nil : "AZ", title: $0.count > 3 ? $0 : nil) }
        out.removeAll()
        JSONBytes.participants(people, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == JSONText.participants(people))
    }

    @Test func eventTypesAreMatchedFromBytes() {
        for type in EventType.allCases {
            #expect(Array(type.rawValue.utf8).withUnsafeBytes { EventType(utf8: $0) } == type)
        }
        for other in ["", "MeetingHel", "MeetingHeldX", "meetingheld"] {
            #expect(Array(other.utf8).withUnsafeBytes { EventType(utf8: $0) } == nil)
        }
    }

    /// A schema 1 `MeetingHeld` read in one pass equals the upcast payload parsed, with or
    /// without `parties` of its own.
    @Test(arguments: [
        #"{"id":"m","type":"meeting","source":"s","participants":[{"name":"A B","country":"KZ"},{"name":"C D","country":"AZ"}]}"#,
        #"{"id":"m","type":"meeting","source":"s","participants":[{"name":"A B","country":"KZ"}],"parties":["CN","US"]}"#,
        #"{"id":"m","type":"meeting","source":"s","participants":[{"name":"A B","country":"KZ"}],"parties":null}"#,
        #"{"id":"m","type":"meeting","source":"s","participants":[{"name":"A B"}]}"#,
        #" {"id":"m","type":"meeting","source":"s","participants":[{"name":"A B","country":"KZ"},{"name":"C D","country":"AZ"}]}"#,
    ])
    func aSchemaOneMeetingReadsAsUpcast(json: String) {
        let event = RecordedEvent(seq: 1, stream: "relation/AZ-KZ", streamVersion: 1, type: "MeetingHeld", schema: 1, validOn: nil,
                                  recordedAt: "", payload: Array(json.utf8), payloadSHA256: "", prevHash: "", hash: "")
        let upcast = Upcaster.upcast(event).payload.flatMap { AssertedFact.parse($0) }
        var direct = Array(json.utf8).withUnsafeBufferPointer { ReplayFold.fact(from: $0, type: .meetingHeld, schema: 1) }
        direct?.extractor = upcast?.extractor
        #expect(direct == upcast)
    }

    @Test(arguments: [(["AZ", "CN"], "AZ-CN"), (["CN", "AZ"], "AZ-CN"), (["AZ", "AZ"], nil), (["AZ"], nil), (["AZ", "CN", "KZ"], nil)] as [([String], String?)])
    func pairKeyEqualsTheFacts(parties: [String], expected: String?) {
        var fact = AssertedFact(id: "p", type: "partnership", source: "s")
        fact.parties = parties
        #expect(ReplayFold.pairKey(of: fact) == expected)
        #expect(ReplayFold.pairKey(of: fact) == fact.pairKey)
    }

    /// Given meetings of one key from two readouts and a lone one, the groups are `Corroboration`'s.
    @Test func groupsAreCorroborationsGroups() {
        func row(_ seq: Int64, key: String, source: String) -> ReplayFactRow {
            var fact = AssertedFact(id: "f\(seq)", type: "meeting", source: source)
            fact.date = "2024-01-01"
            return ReplayFactRow(seq: seq, factID: fact.id, factType: "meeting", eventType: .meetingHeld, source: source, validOn: fact.date,
                                 pair: nil, corroborationKey: key, level: nil, action: nil, summary: "", details: ReplayFactDetails(fact),
                                 appearances: [])
        }
        let rows = [row(1, key: "b", source: "r1"), row(2, key: "a", source: "r1"), row(3, key: "b", source: "r1"),
                    row(4, key: "b", source: "r2"), row(5, key: "b\u{301}", source: "r2")]
        var seen: [(String, Int, [Int64])] = []
        ReplayGroups(rows, type: "meeting").forEachGroup(encoded: { _ in seen.append(("encoded", 0, [])) }) { key, ordinal, group in
            seen.append((key, ordinal, group.map(\.seq)))
        }
        #expect(seen.map(\.0) == ["encoded", "b", "b", "encoded"])
        #expect(seen.map(\.1) == [0, 0, 1, 0])
        #expect(seen.map(\.2) == [[], [1, 4], [3], []])
    }
}
