import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// Issue 5's "What it must show", on a real log built from the two seed readouts' dev gold.
@Suite(.serialized)
struct QueriesTests {
    static let first = "000_5751e5ebe8d99155.txt"
    static let second = "002_f615c0baa5c69549.txt"

    /// The log after both seeds; returns the last seq of the first readout's transaction.
    func seeded() throws -> (TemporaryLog, Int64) {
        let db = try TemporaryLog()
        let a = try Seeds.facts("000_5751e5ebe8d99155")
        let recorded = try db.appendReadout(QueriesTests.first, text: a.text, facts: a.facts)
        let b = try Seeds.facts("002_f615c0baa5c69549")
        try db.appendReadout(QueriesTests.second, text: b.text, facts: b.facts)
        // For trying the CLI by hand: ANNALS_TEST_KEEP_DB=/tmp/x.sqlite keeps a copy of this log.
        if let keep = ProcessInfo.processInfo.environment["ANNALS_TEST_KEEP_DB"], !FileManager.default.fileExists(atPath: keep) {
            try db.log.database.execute("VACUUM INTO '\(keep)'")
        }
        return (db, recorded.last?.seq ?? 0)
    }

    @Test func relationsShowsTheLadderOfAzerbaijanAndChina() throws {
        let (db, _) = try seeded()
        let queries = try Queries(log: db.log)
        let relation = try #require(try queries.relations(pair: ("CN", "AZ")).first)
        #expect(relation.level == "comprehensive strategic partnership")
        #expect(relation.since == "2025-04-23")
        #expect(relation.ladder.map { "\($0.level) \($0.since) \($0.source)" } == [
            "strategic partnership 2024-07-03 \(QueriesTests.first)",
            "comprehensive strategic partnership 2025-04-23 \(QueriesTests.second)",
        ])
    }

    @Test func asOfAnswersInValidTime() throws {
        let (db, _) = try seeded()
        let queries = try Queries(log: db.log)
        #expect(try queries.relations(pair: ("AZ", "CN"), asOf: "2024-12-31").first?.level == "strategic partnership")
        #expect(try queries.relations(pair: ("AZ", "CN"), asOf: "2024-07-02").isEmpty)
    }

    @Test func knownAtAnswersAsTheLogKnewIt() throws {
        let (db, firstTransactionEnd) = try seeded()
        let queries = try Queries(log: db.log).at(knownAt: firstTransactionEnd)
        let relation = try #require(try queries.relations(pair: ("AZ", "CN")).first)
        #expect(relation.level == "strategic partnership")
        #expect(relation.ladder.count == 1)
        #expect(try queries.meetings().count == 1)
        // Both together: as the log knew it then, as the world stood before the meeting.
        #expect(try queries.relations(pair: ("AZ", "CN"), asOf: "2024-07-02").isEmpty)
    }

    @Test func knownAtTakesATimestamp() throws {
        let (db, _) = try seeded()
        #expect(try QueryArguments.knownAt("1999-01-01", in: db.log) == 0)
        let head = try #require(try db.log.head())
        #expect(try QueryArguments.knownAt("2999-01-01T00:00", in: db.log) == head.seq)
        #expect(throws: QueryError.self) { try QueryArguments.knownAt("\(head.seq + 1)", in: db.log) }
        #expect(throws: QueryError.self) { try QueryArguments.knownAt("yesterday", in: db.log) }
    }

    @Test func anotherAgencysReadoutOfTheSameMeetingIsOneMeetingWithTwoSources() throws {
        let (db, _) = try seeded()
        try db.appendReadout("azertac_2024-07-03.txt", text: "Another wording.", facts: [
            Gold.meeting("2024-07-03", [("Ilham Aliyev", "AZ", "President of the Republic of Azerbaijan"), Gold.xi], city: "Astana"),
        ])
        let meetings = try Queries(log: db.log).meetings(RecordFilter(from: "2024-07-03", to: "2024-07-03"))
        #expect(meetings.count == 1)
        #expect(meetings.first?.sources == [QueriesTests.first, "azertac_2024-07-03.txt"])
    }

    @Test func explainQuotesTheSentenceAnnouncingThe2025Partnership() throws {
        let (db, _) = try seeded()
        let queries = try Queries(log: db.log)
        let relation = try #require(try queries.relations(pair: ("AZ", "CN")).first)
        let step = try #require(relation.ladder.last)
        let explanation = try #require(try queries.explain(step.fact).first)
        #expect(explanation.source == QueriesTests.second)
        #expect(explanation.extractor == "annals-extract/test")
        let evidence = try #require(explanation.evidence.first)
        #expect(evidence.quote.contains("comprehensive strategic partnership") || evidence.quote.contains("complete strategic partnership")
                || evidence.quote.contains("partnership"))
        #expect(evidence.matchesText)
        #expect(!evidence.context.isEmpty)
        #expect(explanation.hash == (try db.log.event(seq: step.seq))?.hash)
        #expect(try queries.explain("seq:\(step.seq)").first?.fact == step.fact)
        #expect(throws: QueryError.self) { try queries.explain("no-such-fact") }
    }

    @Test func meetingsDocumentsPeopleAndSourcesAnswer() throws {
        let (db, _) = try seeded()
        let queries = try Queries(log: db.log)
        #expect(try queries.meetings(RecordFilter(country: "AZ")).map(\.date) == ["2024-07-03", "2025-04-23"])
        #expect(try queries.meetings(RecordFilter(between: ("AZ", "KE"))).isEmpty)
        #expect(try queries.documents(RecordFilter(asOf: "2024-12-31")).count == 2)
        #expect(try queries.documents().first { $0.count == 20 }?.kind == "agreement")
        let xi = try #require(try queries.people(named: "xi jinping").first)
        #expect(xi.countries == ["CN"])
        #expect(xi.appearances.contains { $0.role == "host" })
        #expect(try queries.sources().map(\.state) == ["active", "active"])
        let history = try queries.history("CN", "AZ")
        #expect(history.first?.date == "2024-07-03")
        #expect(history.contains { $0.type == "partnership" && $0.date == "2025-04-23" })
    }

    @Test func meetingsBetweenAPairIncludeWiderMeetingsWhicheverSideIsBusier() throws {
        // China meets many; Azerbaijan few. Asked either way round, the pair's meetings are the
        // bilateral one and the trilateral summit both attended, never China's other meetings.
        let db = try TemporaryLog()
        let putin = ("Vladimir Putin", "RU", "President")
        try db.appendReadout("a.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        try db.appendReadout("b.txt", facts: [Gold.meeting("2024-08-01", [Gold.xi, putin])])
        try db.appendReadout("c.txt", facts: [Gold.meeting("2024-09-09", [Gold.xi, putin, ("Kassym-Jomart Tokayev", "KZ", "President")])])
        try db.appendReadout("d.txt", facts: [Gold.meeting("2024-10-10", [Gold.aliyev, Gold.xi, putin])])
        let queries = try Queries(log: db.log)
        #expect(try queries.meetings(RecordFilter(between: ("AZ", "CN"))).map(\.date) == ["2024-07-03", "2024-10-10"])
        #expect(try queries.meetings(RecordFilter(between: ("CN", "AZ"))).map(\.date) == ["2024-07-03", "2024-10-10"])
        #expect(try queries.meetings(RecordFilter(between: ("RU", "CN"))).map(\.date) == ["2024-08-01", "2024-09-09", "2024-10-10"])
        #expect(try queries.meetings(RecordFilter(country: "KZ", between: ("CN", "RU"))).map(\.date) == ["2024-09-09"])
        #expect(try queries.meetings(RecordFilter(country: "CN")).count == 4)
        #expect(try queries.meetings(RecordFilter(between: ("AZ", "CN"), from: "2024-08-01")).map(\.date) == ["2024-10-10"])
    }

    @Test func argumentsAreChecked() throws {
        #expect(try QueryArguments.country("az") == "AZ")
        #expect(try QueryArguments.country("Azerbaijan") == "AZ")
        #expect(try QueryArguments.country("people's republic of china") == "CN")
        #expect(throws: QueryError.unknownCountry("Atlantis")) { try QueryArguments.country("Atlantis") }
        #expect(try QueryArguments.date("2024-02-29") == "2024-02-29")
        #expect(throws: QueryError.badDate("2023-02-29")) { try QueryArguments.date("2023-02-29") }
        #expect(throws: QueryError.badDate("2024-7-2")) { try QueryArguments.date("2024-7-2") }
    }
}
