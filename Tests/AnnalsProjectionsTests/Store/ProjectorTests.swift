import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

@Suite(.serialized)
struct ProjectorTests {
    @Test func theSeedsBuildTheAzerbaijanChinaLadderInTheTables() throws {
        let db = try TemporaryLog()
        let first = try Seeds.facts("000_5751e5ebe8d99155")
        try db.appendReadout("000_5751e5ebe8d99155.txt", text: first.text, facts: first.facts)
        let second = try Seeds.facts("002_f615c0baa5c69549")
        try db.appendReadout("002_f615c0baa5c69549.txt", text: second.text, facts: second.facts)
        #expect(try db.strings("SELECT pair, level, since, source FROM relations") ==
                ["AZ-CN|comprehensive strategic partnership|2025-04-23|002_f615c0baa5c69549.txt"])
        #expect(try db.strings("SELECT level, since, change FROM relation_steps ORDER BY step") ==
                ["strategic partnership|2024-07-03|established", "comprehensive strategic partnership|2025-04-23|upgrade"])
        #expect(try db.strings("SELECT date, sources FROM meetings ORDER BY date") ==
                [#"2024-07-03|["000_5751e5ebe8d99155.txt"]"#, #"2025-04-23|["002_f615c0baa5c69549.txt"]"#])
        #expect(try db.strings("SELECT name, state, facts FROM sources ORDER BY name") ==
                ["000_5751e5ebe8d99155.txt|active|8", "002_f615c0baa5c69549.txt|active|10"])
        let head = try #require(try db.log.head())
        #expect(Set(try db.projector.positions().values) == [head.seq])
    }

    @Test func aSecondReadoutOfTheSameMeetingAddsASource() throws {
        let db = try TemporaryLog()
        try db.appendReadout("000.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi], city: "Astana")])
        try db.appendReadout("azertac.txt", facts: [Gold.meeting("2024-07-03", [Gold.xi, Gold.aliyev], format: "talks")])
        #expect(try db.strings("SELECT date, city, sources FROM meetings") == [#"2024-07-03|Astana|["000.txt","azertac.txt"]"#])
        #expect(try db.strings("SELECT count(*) FROM meeting_participants") == ["2"])
    }

    @Test func retractionWithdrawalAndRenameReachTheTables() throws {
        let db = try TemporaryLog()
        let a = try db.appendReadout("a.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03"),
                                                      Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        try db.appendReadout("b.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23", id: "p2")])
        try db.append([SourceEvents.renamed(.init(from: "a.txt", to: "old/a.txt", sha256: "x"))])
        #expect(try db.strings("SELECT source FROM relation_steps ORDER BY step") == ["old/a.txt", "b.txt"])
        #expect(try db.strings("SELECT source FROM person_appearances ORDER BY seq, person_key") == ["old/a.txt", "old/a.txt"])
        try db.append([SourceEvents.retracted(.init(fact: "p2", source: "b.txt", reason: "source revised", asserted: a.last!.seq + 2),
                                              stream: "source/b.txt", validOn: nil)])
        #expect(try db.strings("SELECT level FROM relations") == ["strategic partnership"])
        #expect(try db.strings("SELECT facts FROM sources WHERE name = 'b.txt'") == ["0"])
        try db.append([SourceEvents.withdrawn(.init(name: "old/a.txt", sha256: "x", reason: "deleted"))])
        #expect(try db.strings("SELECT count(*) FROM relations") == ["0"])
        #expect(try db.strings("SELECT count(*) FROM meetings") == ["0"])
        #expect(try db.strings("SELECT count(*) FROM people") == ["0"])
        #expect(try db.strings("SELECT state FROM sources ORDER BY name") == ["active", "withdrawn"])
    }

    @Test func catchUpAppliesWhatWasAppendedWithoutTheProjector() throws {
        let db = try TemporaryLog()
        try db.log.append([SourceEvents.added(EventBuilder.sourceContent("a.txt")),
                           EventBuilder.factEvent(Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03"), source: "a.txt", id: "p1")],
                          expecting: [:])
        #expect(try db.strings("SELECT count(*) FROM relations") == ["0"])
        var calls = 0
        try db.projector.catchUp { _, _ in calls += 1 }
        #expect(try db.strings("SELECT level FROM relations") == ["strategic partnership"])
        #expect(calls > 0)
    }

    @Test func aChangedVersionRebuildsFromScratch() throws {
        let db = try TemporaryLog()
        try db.appendReadout("a.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        try db.log.database.execute("UPDATE projection_positions SET version = 0 WHERE projection = 'relations'; DELETE FROM relations")
        try db.projector.catchUp()
        #expect(try db.strings("SELECT level FROM relations") == ["strategic partnership"])
        try db.log.database.execute("UPDATE projection_positions SET version = 0 WHERE projection = 'facts'; DELETE FROM relation_steps")
        try db.projector.catchUp()
        #expect(try db.strings("SELECT count(*) FROM relation_steps") == ["1"])
    }
}

@Suite(.serialized)
struct ProjectorRankingTests {
    @Test func anotherRankingRebuildsTheLadders() throws {
        let db = try TemporaryLog()
        try db.appendReadout("a.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        try db.appendReadout("b.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23")])
        #expect(try db.strings("SELECT change FROM relation_steps WHERE step = 2") == ["upgrade"])
        let flipped = LevelRanking(ranks: ["strategic partnership": 2, "comprehensive strategic partnership": 1])
        let projector = try Projector(log: db.log, ranking: flipped)
        try projector.catchUp()
        #expect(try db.strings("SELECT change FROM relation_steps WHERE step = 2") == ["downgrade"])
        #expect(try Replay(log: db.log, ranking: flipped).run().equal)
        #expect(try Queries(log: db.log, ranking: flipped).relations().first?.ladder.last?.change == "downgrade")
    }
}
