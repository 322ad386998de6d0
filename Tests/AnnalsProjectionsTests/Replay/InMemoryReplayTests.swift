import AnnalsLog
@testable import AnnalsProjections
import Testing

/// The in-memory replay (`ReplayFold`) gives exactly the digests of tables `Projector` builds
/// from the same events, at every point of random lives.
@Suite(.serialized)
struct InMemoryReplayTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as [UInt64])
    func foldedDigestsEqualTheTables(seed: UInt64) throws {
        let db = try RandomLifeTests.life(seed: seed, steps: seed.isMultiple(of: 2) ? 120 : 300)
        let head = try db.log.head()?.seq ?? 0
        let replay = Replay(log: db.log)
        for through in Set([1, head / 5, head / 3, head / 2, 2 * head / 3, head - 3, head - 1, head]).sorted() where through > 0 {
            var fold = ReplayFold(ranking: .standard)
            try db.log.forEachEvent(through: through) { fold.apply($0) }
            let folded = fold.digests()
            let tables = try replay.runThroughTables(through: through, head: head, progress: { _, _ in })
            #expect(folded.map(\.hex) == tables.projections.map(\.digest), "seed \(seed) through \(through)")
            #expect(folded.map(\.rows) == tables.projections.map(\.rows), "seed \(seed) through \(through)")
            let fast = try replay.run(knownAt: through)
            #expect(fast.overall == tables.overall)
        }
        let report = try replay.run()
        #expect(report.equal)
    }

    /// A live table that differs sends the replay to the table path, which names the row.
    @Test func aDifferenceIsNamed() throws {
        let db = try RandomLifeTests.life(seed: 3)
        try db.log.database.execute("UPDATE sources SET size = size + 1 WHERE rowid = (SELECT min(rowid) FROM sources)")
        let report = try Replay(log: db.log).run()
        #expect(!report.equal)
        let sources = report.projections.first { $0.name == "sources" }
        #expect(sources?.equal == false)
        #expect(sources?.firstDifference?.contains("table sources, row") == true)
    }
}
