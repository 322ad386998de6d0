import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// A seeded random life of readouts (out-of-order dates, corroborations, revisions, renames,
/// withdrawals): the incrementally kept tables equal a full replay and the pure folds.
@Suite(.serialized)
struct RandomLifeTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func incrementalTablesEqualAFullReplayAndTheFolds(seed: UInt64) throws {
        let db = try Self.life(seed: seed)
        let report = try Replay(log: db.log).run()
        #expect(report.equal, "\(report.projections.compactMap(\.firstDifference))")

        var relations = RelationsProjection(), meetings = MeetingsProjection(), documents = DocumentsProjection()
        var people = PeopleProjection(), sources = SourcesProjection()
        try db.log.forEachEvent { event in
            relations.apply(event); meetings.apply(event); documents.apply(event); people.apply(event); sources.apply(event)
        }
        let queries = try Queries(log: db.log)
        #expect(try queries.relations() == relations.relations())
        #expect(try queries.relations(asOf: "2024-02-11") == relations.relations(asOf: "2024-02-11"))
        #expect(try queries.meetings() == meetings.meetings())
        #expect(try queries.documents() == documents.documents())
        #expect(try queries.people() == people.people())
        #expect(try queries.sources() == sources.sources)
    }

    /// A random life of `steps` steps (readouts, withdrawals, renames, redactions, retractions),
    /// the tables kept incrementally as it is appended.
    static func life(seed: UInt64, steps: Int = 120) throws -> TemporaryLog {
        var random = SplitMix(state: seed)
        let db = try TemporaryLog()
        let codes = ["AZ", "KZ", "KE"]
        let levels = ["strategic partnership", "comprehensive strategic partnership", "partnership", "community with a shared future"]
        var live: [String] = []
        var asserted: [(name: String, id: String, seq: Int64)] = []
        var addedSeq: [String: Int64] = [:]
        for n in 0..<steps {
            switch Int.random(in: 0..<10, using: &random) {
            case 0 where !live.isEmpty:
                let name = live.remove(at: Int.random(in: 0..<live.count, using: &random))
                try db.append([SourceEvents.withdrawn(.init(name: name, sha256: "x", reason: "deleted"))])
            case 1 where !live.isEmpty:
                let index = Int.random(in: 0..<live.count, using: &random)
                let to = "renamed/\(n).txt"
                try db.append([SourceEvents.renamed(.init(from: live[index], to: to, sha256: "x"))])
                for i in asserted.indices where asserted[i].name == live[index] { asserted[i].name = to }
                addedSeq[to] = addedSeq[live[index]]
                live[index] = to
            case 3 where !live.isEmpty:
                let name = live.remove(at: Int.random(in: 0..<live.count, using: &random))
                let targets = [addedSeq[name] ?? 0] + asserted.filter { $0.name == name }.map(\.seq)
                asserted.removeAll { $0.name == name }
                try db.log.append([SourceEvents.redacted(.init(targets: targets, digests: [:], source: name, reason: "confidential",
                                                               by: "test", at: "2026-01-01"))], expecting: [:]) { recorded in
                    try db.log.database.execute("UPDATE events SET payload = NULL WHERE seq IN (\(targets.map(String.init).joined(separator: ",")))")
                    try db.projector.apply(recorded)
                }
            case 2 where !asserted.isEmpty:
                let pick = asserted.remove(at: Int.random(in: 0..<asserted.count, using: &random))
                try db.append([SourceEvents.retracted(.init(fact: pick.id, source: pick.name, reason: "source revised", asserted: pick.seq),
                                                      stream: "source/\(pick.name)", validOn: nil)])
            default:
                let name = "r\(n).txt"
                let other = codes[Int.random(in: 0..<codes.count, using: &random)]
                let date = "2024-0\(Int.random(in: 1...3, using: &random))-1\(Int.random(in: 0...2, using: &random))"
                let host = ["Xi Jinping", "Li Qiang"][Int.random(in: 0..<2, using: &random)]
                let facts: [[String: Any]] = [
                    Gold.partnership("CN", other, levels[Int.random(in: 0..<levels.count, using: &random)], date,
                                     action: Bool.random(using: &random) ? "established" : "referenced", id: "\(name)-p"),
                    Gold.meeting(date, [("Guest \(other)", other, "President"), (host, "CN", "President")]),
                    Gold.document("agreement", ["CN", other].sorted(), date, count: Int.random(in: 1...2, using: &random)),
                    ["type": "attendance", "persons": ["Wang Yi"], "date": date],
                ]
                let recorded = try db.appendReadout(name, facts: facts)
                live.append(name)
                addedSeq[name] = recorded.first?.seq
                for (index, event) in recorded.dropFirst().enumerated() {
                    asserted.append((name, facts[index]["id"] as? String ?? "\(name)#\(index)", event.seq))
                }
            }
        }
        return db
    }
}
