import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// The tables the Projector keeps say what the pure folds say, after a life of revisions,
/// retractions, renames, withdrawals and a redaction.
@Suite(.serialized)
struct TablesMatchFoldsTests {
    @Test func aLifeOfReadoutsGivesTheSameStateBothWays() throws {
        let db = try TemporaryLog()
        let a = try db.appendReadout("a.txt", facts: [
            Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03", id: "pa"),
            Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi], city: "Astana"),
            Gold.document("joint statement", ["AZ", "CN"], "2024-07-03", count: 1),
            ["type": "ceremony", "kind": "banquet", "date": "2024-07-03", "host": "Xi Jinping", "guest": "Ilham Aliyev"],
        ])
        try db.appendReadout("b.txt", facts: [
            Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23", id: "pb"),
            Gold.meeting("2024-07-03", [Gold.xi, Gold.aliyev]),
            Gold.document("joint statement", ["AZ", "CN"], "2024-07-03", count: 1),
        ])
        try db.appendReadout("c.txt", facts: [
            Gold.partnership("CN", "KE", "comprehensive strategic cooperative partnership", "2024-09-05", action: "referenced"),
            Gold.meeting("2024-09-05", [("William Ruto", "KE", "President"), Gold.xi]),
        ])
        try db.append([SourceEvents.revised(EventBuilder.sourceContent("a.txt", text: "changed")),
                       SourceEvents.retracted(.init(fact: "pa", source: "a.txt", reason: "source revised", asserted: a[1].seq),
                                              stream: "source/a.txt", validOn: nil)])
        try db.append([SourceEvents.renamed(.init(from: "b.txt", to: "agency/b.txt", sha256: "x"))])
        try db.append([SourceEvents.withdrawn(.init(name: "c.txt", sha256: "x", reason: "deleted"))])
        try db.appendReadout("memo.txt", facts: [Gold.meeting("2025-01-01", [("Secret Person", "AZ", "Envoy"), Gold.xi])])
        let memo = try db.log.events(inStream: "source/memo.txt").map(\.seq)
        try db.log.append([SourceEvents.redacted(.init(targets: memo, digests: [:], source: "memo.txt", reason: "confidential",
                                                       by: "test", at: "2026-01-01"))], expecting: [:]) { recorded in
            try db.log.database.execute("UPDATE events SET payload = NULL WHERE seq IN (\(memo.map(String.init).joined(separator: ",")))")
            try db.projector.apply(recorded)
        }

        var relations = RelationsProjection(), meetings = MeetingsProjection(), documents = DocumentsProjection()
        var people = PeopleProjection(), sources = SourcesProjection()
        try db.log.forEachEvent { event in
            relations.apply(event); meetings.apply(event); documents.apply(event); people.apply(event); sources.apply(event)
        }
        let queries = try Queries(log: db.log)
        #expect(try queries.relations() == relations.relations())
        #expect(try queries.meetings() == meetings.meetings())
        #expect(try queries.documents() == documents.documents())
        #expect(try queries.people() == people.people())
        #expect(try queries.sources() == sources.sources)
        #expect(try queries.relations().map(\.pair) == ["AZ-CN"])
        #expect(try queries.meetings().map(\.sources) == [["agency/b.txt", "a.txt"].sorted()])
    }
}
