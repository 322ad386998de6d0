import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

@Suite(.serialized)
struct ProjectorLifecycleTests {
    @Test func aRedactionThatEmptiesPayloadsLeavesNothingAndReplaysEqual() throws {
        let db = try TemporaryLog()
        try db.appendReadout("keep.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        let memo = try db.appendReadout("memo.txt", facts: [Gold.meeting("2025-01-01", [("Secret Envoy", "AZ", "Envoy"), Gold.xi]),
                                                            Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-01-01")])
        let targets = memo.map(\.seq)
        try db.log.append([SourceEvents.redacted(.init(targets: targets, digests: [:], source: "memo.txt", reason: "confidential",
                                                       by: "test", at: "2026-01-01"))], expecting: [:]) { recorded in
            try db.log.database.execute("UPDATE events SET payload = NULL WHERE seq IN (\(targets.map(String.init).joined(separator: ",")))")
            try db.projector.apply(recorded)
        }
        #expect(try db.strings("SELECT level FROM relations") == ["strategic partnership"])
        #expect(try db.strings("SELECT count(*) FROM meetings") == ["0"])
        #expect(try db.strings("SELECT state, facts FROM sources WHERE name = 'memo.txt'") == ["redacted|0"])
        #expect(try db.strings("SELECT count(*) FROM person_appearances WHERE name = 'Secret Envoy'") == ["0"])
        let report = try Replay(log: db.log).run()
        #expect(report.equal, "\(report.projections.compactMap(\.firstDifference))")
    }

    @Test func applyFirstCatchesUpWhatAnotherWriterAppended() throws {
        let db = try TemporaryLog()
        try db.log.append([SourceEvents.added(EventBuilder.sourceContent("a.txt")),
                           EventBuilder.factEvent(Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03"), source: "a.txt", id: "p1")],
                          expecting: [:])
        try db.appendReadout("b.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23")])
        #expect(try db.strings("SELECT level, since FROM relation_steps ORDER BY step") ==
                ["strategic partnership|2024-07-03", "comprehensive strategic partnership|2025-04-23"])
        #expect(try Replay(log: db.log).run().equal)
    }

    @Test func aReadOnlyOpenAnswersFromTheLiveTables() throws {
        let db = try TemporaryLog()
        try db.appendReadout("a.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        let reader = try ProjectedLog.openForReading(path: db.path)
        #expect(try Queries(log: reader).relations().map(\.level) == ["strategic partnership"])
        // The writer moves on; a new reader sees it.
        try db.appendReadout("b.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23")])
        #expect(try Queries(log: ProjectedLog.openForReading(path: db.path)).relations().map(\.level) == ["comprehensive strategic partnership"])
    }

    @Test func aLogWrittenWithoutReadModelsIsStillAnswered() throws {
        let directory = NSTemporaryDirectory() + "annals-plain-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/plain.sqlite"
        let writer = try EventLog(path: path)
        try writer.append([SourceEvents.added(EventBuilder.sourceContent("a.txt")),
                           EventBuilder.factEvent(Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03"), source: "a.txt", id: "p1")],
                          expecting: [:])
        let reader = try ProjectedLog.openForReading(path: path)
        #expect(try Queries(log: reader).relations().map(\.level) == ["strategic partnership"])
        let report = try Replay(log: reader).run()
        #expect(report.note != nil)
        #expect(!report.equal)
    }
}
