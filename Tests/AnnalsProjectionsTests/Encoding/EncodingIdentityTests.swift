import AnnalsLog
@testable import AnnalsProjections
import Foundation
import Testing

/// `PrettyJSONWriter` must print what `JSONEncoder` prints for the same value, byte for byte:
/// scripts and golden files parse and compare `annals … --json`. Every conforming type is checked
/// on query answers from the dev corpus readouts and on hand-made edge cases.
@Suite(.serialized)
struct EncodingIdentityTests {
    /// The encoder `annals … --json` used before the writer, the reference.
    static func reference<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Records an issue naming the first differing byte, with some text either side of it.
    func expectSameBytes<T: PrettyJSONWritable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try Self.reference(value)
        let actual = PrettyJSONWriter.encode(value)
        // Bytes, not Strings: String equality would let "é" and "e\u{301}" pass for each other.
        guard actual != expected else { return }
        let at = (0..<min(actual.count, expected.count)).first { actual[$0] != expected[$0] } ?? min(actual.count, expected.count)
        func excerpt(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self).debugDescription
        }
        Issue.record("""
            writer differs from JSONEncoder at byte \(at) of \(expected.count) (writer: \(actual.count))
            JSONEncoder: \(excerpt(expected))
            writer:      \(excerpt(actual))
            """, sourceLocation: sourceLocation)
    }

    // MARK: Real readouts

    /// Every dev corpus readout with its gold facts, one readout with awkward strings, and the
    /// first readout withdrawn (so explanations carry `ended_by` and sources a second state).
    static func corpusLog() throws -> TemporaryLog {
        let db = try TemporaryLog()
        let stems = try FileManager.default.contentsOfDirectory(atPath: Seeds.corpus)
            .filter { $0.hasSuffix(".gold.json") }.map { String($0.dropLast(".gold.json".count)) }.sorted()
        var firstFacts: [(id: String, seq: Int64)] = []
        for stem in stems {
            let readout = try Seeds.facts(stem)
            let recorded = try db.appendReadout(stem + ".txt", text: readout.text, facts: readout.facts)
            if firstFacts.isEmpty {
                firstFacts = zip(readout.facts, recorded.dropFirst()).map { ($0.0["id"] as? String ?? "", $0.1.seq) }
            }
        }
        try db.appendReadout(awkwardName, text: "Zoë said \"hi\"\\ \t/ 中文 😀\n", facts: [
            Gold.meeting("2024-01-02", [(awkward, "AZ", "Président \"of\" 中文"), ("Plain Name", "CN", "President")],
                         city: "Bakı/Баку\t\u{1}"),
            Gold.document("agreement", ["AZ", "CN"], "2024-01-02", count: 3, title: awkward),
            Gold.partnership("AZ", "KZ", "strategic partnership", "2024-01-02"),
            // Principals without a country or a title: keys the synthesized Participant encoding omits.
            ["type": "meeting", "date": "2024-01-03", "format": "call",
             "participants": [["name": "Envoy Without Country", "title": "Special Envoy"], ["name": "Nameless Office", "country": "KZ"]]],
        ])
        let first = try #require(stems.first) + ".txt"
        var ending = [SourceEvents.withdrawn(.init(name: first, sha256: "x", reason: "file deleted"))]
        for fact in firstFacts {
            ending.append(SourceEvents.retracted(.init(fact: fact.id, source: first, reason: "source withdrawn", asserted: fact.seq),
                                                 stream: SourceEvents.stream(for: first), validOn: nil))
        }
        try db.append(ending)
        return db
    }

    static let awkward = "Zoë \"Q\" O'Brien\\ 中文 😀 a/b\n\t\r\u{8}\u{C}\u{0}\u{1F}\u{7F}\u{2028}e\u{301}"
    static let awkwardName = "café \"quoted\"/中文 😀.txt"

    @Test func meetingsDocumentsAndSourcesMatchJSONEncoder() throws {
        let db = try Self.corpusLog()
        let queries = try Queries(log: db.log)
        let meetings = try queries.meetings()
        #expect(meetings.count > 15)
        #expect(meetings.contains { $0.participants.contains { $0.name == Self.awkward } })
        #expect(meetings.contains { $0.participants.contains { $0.country == nil } && $0.participants.contains { $0.title == nil } })
        try expectSameBytes(meetings)
        let documents = try queries.documents()
        #expect(documents.count > 15)
        try expectSameBytes(documents)
        let sources = try queries.sources()
        #expect(Set(sources.map(\.state)) == ["active", "withdrawn"])
        try expectSameBytes(sources)
        try expectSameBytes(try queries.meetings(RecordFilter(country: "KE")))
    }

    @Test func relationsHistoryAndPeopleMatchJSONEncoder() throws {
        let db = try Self.corpusLog()
        let queries = try Queries(log: db.log)
        let relations = try queries.relations()
        #expect(relations.count > 10)
        try expectSameBytes(relations)
        for relation in relations {
            try expectSameBytes(try queries.history(relation.parties[0], relation.parties[1]))
        }
        let people = try queries.people()
        #expect(people.count > 20)
        #expect(people.contains { $0.titles.contains { $0.country == nil } })
        try expectSameBytes(people)
    }

    @Test func explanationsMatchJSONEncoder() throws {
        let db = try Self.corpusLog()
        let queries = try Queries(log: db.log)
        var explanations: [Explanation] = []
        let ids = try queries.meetings().flatMap(\.facts) + queries.documents().flatMap(\.facts)
            + queries.relations().flatMap { $0.ladder.map(\.fact) }
        for id in ids { explanations += try queries.explain(id) }
        // Events that are not facts, and one whose fact the withdrawal ended.
        for seq in [1, 2, 3] { explanations += try queries.explain("seq:\(seq)") }
        let head = try #require(try db.log.head())
        explanations += try queries.explain("seq:\(head.seq)")
        #expect(explanations.contains { !$0.live && $0.endedBy != nil })
        #expect(explanations.contains { !$0.evidence.isEmpty })
        try expectSameBytes(explanations)
    }

    // MARK: Edge cases

    static let strings: [String] = [
        "", "plain", "\"", "\\", "/", "a/b//c", "\n", "\r\n", "\t", "\u{8}\u{C}", "\u{0}", "\u{1}\u{F}\u{10}\u{1F}",
        "\u{7F}", "é", "e\u{301}", "中文", "😀👍🏽", "\u{2028}\u{2029}", "\u{FEFF}", "end\\", "\"\"\"",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]

    @Test(arguments: strings)
    func everyKindOfStringMatches(_ text: String) throws {
        try expectSameBytes([Meeting(id: text, key: text, date: text, participants: [Participant(name: text, country: text, title: text)],
                                     format: text, city: text, venue: text, timeOfDay: text, occasion: text,
                                     sources: [text, text], facts: [text], seq: 1)])
        try expectSameBytes(HistoryEntry(date: text, type: text, summary: text, sources: [text], fact: text, seq: 0))
    }

    @Test func emptyArraysAndNilsMatch() throws {
        try expectSameBytes([Meeting]())
        try expectSameBytes([[Meeting]()])
        let bare = Meeting(id: "m", key: "k", date: nil, participants: [], format: nil, city: nil, venue: nil,
                           timeOfDay: nil, occasion: nil, sources: [], facts: [], seq: 0)
        let half = Participant(name: "Only Name")
        try expectSameBytes([bare, Meeting(id: "m2", key: "", date: "2024-01-01", participants: [half, Participant(name: "N", country: "AZ")],
                                           format: nil, city: nil, venue: nil, timeOfDay: "evening", occasion: nil,
                                           sources: ["s"], facts: [], seq: 2)])
        try expectSameBytes([Document(id: "d", key: "", kind: nil, parties: [], date: nil, count: nil, countQualifier: nil,
                                      title: nil, fields: [], signedBy: nil, sources: [], facts: [], seq: 0),
                             Document(id: "d2", key: "", kind: "agreement", parties: ["AZ", "CN"], date: "2024-01-01", count: 0,
                                      countQualifier: "more than", title: "T", fields: ["energy", "trade"], signedBy: "ministers",
                                      sources: ["a", "b"], facts: ["f"], seq: 9)])
        try expectSameBytes([Relation(parties: ["AZ", "CN"], ladder: []), Relation(parties: [], ladder: [
            LadderStep(level: "l", since: "2024-01-01", source: "s", fact: "f", seq: 3, change: "established", sources: []),
        ])])
        try expectSameBytes([Person(key: "nobody", appearances: []),
                             Person(key: "k", appearances: [
                                 Appearance(person: "k", name: "K", country: nil, title: nil, date: nil, role: "present",
                                            factType: "attendance", fact: "f", seq: 1, source: "s", summary: ""),
                                 Appearance(person: "k", name: "K", country: "AZ", title: "President", date: "2024-01-01",
                                            role: "principal", factType: "meeting", fact: "g", seq: 2, source: "s", summary: "met"),
                             ])])
        try expectSameBytes([SourceRecord(name: "n", sha256: "", size: 0, state: "active", published: nil, seq: 1,
                                          recordedAt: "2026-01-01T00:00:00.000Z", lastSeq: 1, facts: 0)])
        try expectSameBytes([Explanation(fact: nil, type: nil, summary: nil, date: nil, source: nil, sourceState: nil, live: false,
                                         endedBy: nil, extractor: nil, evidence: [], seq: 1, eventType: "SourceAdded", stream: "s",
                                         recordedAt: "t", hash: "h", payload: nil, redaction: nil),
                             Explanation(fact: "f", type: "meeting", summary: "s", date: "d", source: "src", sourceState: "active",
                                         live: true, endedBy: 7, extractor: "x", evidence: [
                                             .init(quote: "q", start: 0, end: 1, context: [], matchesText: false),
                                             .init(quote: "\"q\"", start: 10, end: 200, context: ["a", "\t"], matchesText: true),
                                         ], seq: 2, eventType: "MeetingHeld", stream: "relation/AZ-CN", recordedAt: "t",
                                         hash: "h", payload: "{\"a\":\"b/c\"}", redaction: "r")])
    }

    @Test(arguments: [Int64.min, -1, 0, 1, 9, 10, 99, 100, 1_234_567_890, Int64.max])
    func integersMatch(_ value: Int64) throws {
        try expectSameBytes([SourceRecord(name: "n", sha256: "s", size: Int(value), state: "active", published: "p", seq: value,
                                          recordedAt: "t", lastSeq: value, facts: Int(truncatingIfNeeded: value))])
        try expectSameBytes([Document(id: "d", key: "", kind: nil, parties: [], date: nil, count: Int(value), countQualifier: nil,
                                      title: nil, fields: [], signedBy: nil, sources: [], facts: [], seq: value)])
    }
}
