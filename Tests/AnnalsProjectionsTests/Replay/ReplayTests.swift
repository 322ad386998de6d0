import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

@Suite(.serialized)
struct ReplayTests {
    func seeded() throws -> (TemporaryLog, Int64) {
        let db = try TemporaryLog()
        let a = try Seeds.facts("000_5751e5ebe8d99155")
        let first = try db.appendReadout("000_5751e5ebe8d99155.txt", text: a.text, facts: a.facts)
        let b = try Seeds.facts("002_f615c0baa5c69549")
        try db.appendReadout("002_f615c0baa5c69549.txt", text: b.text, facts: b.facts)
        try db.appendReadout("azertac.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        try db.append([SourceEvents.renamed(.init(from: "azertac.txt", to: "agency/azertac.txt", sha256: "x"))])
        return (db, first.last?.seq ?? 0)
    }

    @Test func replayingALiveLogGivesEqualDigests() throws {
        let (db, _) = try seeded()
        let report = try Replay(log: db.log).run()
        #expect(report.equal)
        #expect(report.note == nil)
        #expect(report.projections.map(\.name) == ProjectionName.allCases.map(\.rawValue))
        #expect(report.events == (try db.log.head())?.seq)
        // Deterministic: a second replay gives the same overall digest.
        #expect(try Replay(log: db.log).run().overall == report.overall)
    }

    @Test func aHandEditedRowIsNamed() throws {
        let (db, _) = try seeded()
        try db.log.database.execute("UPDATE relation_steps SET source = 'forged.txt' WHERE step = 2")
        let report = try Replay(log: db.log).run()
        #expect(!report.equal)
        let different = report.projections.filter { $0.equal == false }
        #expect(different.map(\.name) == ["relations"])
        #expect(different.first?.firstDifference?.contains("relation_steps") == true)
        #expect(different.first?.firstDifference?.contains("forged.txt") == true)
    }

    @Test func knownAtDigestsThePast() throws {
        let (db, firstEnd) = try seeded()
        let past = try Replay(log: db.log).run(knownAt: firstEnd)
        #expect(past.seq == firstEnd)
        #expect(past.liveOverall == nil)
        #expect(past.overall != (try Replay(log: db.log).run()).overall)
        // The same past from a log that stopped there has the same digest.
        let other = try TemporaryLog()
        let a = try Seeds.facts("000_5751e5ebe8d99155")
        try other.appendReadout("000_5751e5ebe8d99155.txt", text: a.text, facts: a.facts)
        let now = try Replay(log: other.log).run()
        #expect(now.projections.filter { $0.name != "sources" }.map(\.digest)
                == past.projections.filter { $0.name != "sources" }.map(\.digest))
    }
}
