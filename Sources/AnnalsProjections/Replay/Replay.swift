import AnnalsLog
import Foundation

/// Proves the read models: rebuilds every projection from the log into a fresh temporary
/// database, digests each (`TableDigest`), and compares with the live tables.
///
/// The whole run reads one snapshot of the log (a read transaction), so a writer appending
/// meanwhile changes neither side. With `knownAt`, it rebuilds the state as the log stood after
/// that seq (the digest of the past); the live tables are compared only when that is the head.
public struct Replay {
    /// One projection's result.
    public struct ProjectionResult: Sendable, Equatable, Encodable {
        public var name: String
        public var rows: Int
        /// The rebuilt digest.
        public var digest: String
        /// The live tables' digest, when compared.
        public var live: String?
        public var equal: Bool?
        /// Where the live tables first differ from the rebuilt ones.
        public var firstDifference: String?

        enum CodingKeys: String, CodingKey { case name, rows, digest, live, equal, firstDifference = "first_difference" }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(rows, forKey: .rows)
            try c.encode(digest, forKey: .digest)
            try c.encode(live, forKey: .live)
            try c.encode(equal, forKey: .equal)
            try c.encode(firstDifference, forKey: .firstDifference)
        }
    }

    /// What a replay found.
    public struct Report: Sendable, Equatable, Encodable {
        /// The last seq replayed.
        public var seq: Int64
        public var events: Int64
        public var seconds: Double
        public var eventsPerSecond: Double
        public var projections: [ProjectionResult]
        public var overall: String
        public var liveOverall: String?
        /// Why the live tables were not compared, or are behind.
        public var note: String?

        /// True when the live tables were compared and every digest is equal.
        public var equal: Bool { liveOverall != nil && liveOverall == overall && projections.allSatisfy { $0.equal == true } }

        enum CodingKeys: String, CodingKey {
            case seq, events, seconds, projections, overall, note, equal
            case eventsPerSecond = "events_per_second", liveOverall = "live_overall"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(seq, forKey: .seq)
            try c.encode(events, forKey: .events)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(eventsPerSecond, forKey: .eventsPerSecond)
            try c.encode(projections, forKey: .projections)
            try c.encode(overall, forKey: .overall)
            try c.encode(liveOverall, forKey: .liveOverall)
            try c.encode(equal, forKey: .equal)
            try c.encode(note, forKey: .note)
        }
    }

    public let log: EventLog
    public let ranking: LevelRanking

    public init(log: EventLog, ranking: LevelRanking = .standard) {
        self.log = log
        self.ranking = ranking
    }

    /// Replays the log (through `knownAt` when given) and compares with the live read models.
    ///
    /// Folds the events in memory (`ReplayFold`, on a thread of its own while this one reads and
    /// parses the log) and digests the rows it derives, with no temporary database. Only when a live digest differs does it rebuild the tables the slow
    /// way (`Projector` into a temporary database), to name the first differing row; the report
    /// then carries that rebuild's digests.
    public func run(knownAt: Int64? = nil, progress: (Int64, Int64) -> Void = { _, _ in }) throws -> Report {
        try log.database.transaction(.deferred) {
            let head = try log.head()?.seq ?? 0
            let through = min(knownAt ?? head, head)
            let started = Date()
            let digests = try ReplayFold.digests(of: log, through: through, ranking: ranking, progress: progress)
            let seconds = Date().timeIntervalSince(started)
            let results = digests.map { ProjectionResult(name: $0.name.rawValue, rows: $0.rows, digest: $0.hex) }
            var report = Report(seq: through, events: through, seconds: seconds,
                                eventsPerSecond: seconds > 0 ? Double(through) / seconds : 0, projections: results,
                                overall: TableDigest.overall(digests.map { ($0.name, $0.hex) }), liveOverall: nil, note: nil)
            guard try compareLive(&report, through: through, head: head, replayed: nil) else {
                return try runThroughTables(through: through, head: head, progress: progress)
            }
            return report
        }
    }

    /// The replay through a temporary database built by `Projector`, whose tables name the
    /// first differing row. Runs inside the caller's read transaction.
    func runThroughTables(through: Int64, head: Int64, progress: (Int64, Int64) -> Void) throws -> Report {
        let path = NSTemporaryDirectory() + "annals-replay-\(UUID().uuidString).sqlite"
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try Database(path: path)
        try store.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        let started = Date()
        let projector = try Projector(log: log, store: store, ranking: ranking)
        try projector.catchUp(through: through, progress: progress)
        let seconds = Date().timeIntervalSince(started)

        var results: [ProjectionResult] = []
        for name in ProjectionName.allCases {
            let (digest, rows) = try TableDigest.digest(of: name, in: store)
            results.append(ProjectionResult(name: name.rawValue, rows: rows, digest: digest))
        }
        let overall = TableDigest.overall(zip(ProjectionName.allCases, results.map(\.digest)).map { ($0, $1) })
        var report = Report(seq: through, events: through, seconds: seconds,
                            eventsPerSecond: seconds > 0 ? Double(through) / seconds : 0,
                            projections: results, overall: overall, liveOverall: nil, note: nil)
        _ = try compareLive(&report, through: through, head: head, replayed: store)
        return report
    }

    /// Fills in the live side of `report` (digests, note); with `replayed` tables, names the
    /// first differing row of each projection that differs. False when some live digest differs
    /// and no `replayed` tables were given to describe it.
    private func compareLive(_ report: inout Report, through: Int64, head: Int64, replayed: Database?) throws -> Bool {
        guard through == head else {
            report.note = "state as known at seq \(through); the live tables hold seq \(head), so they are not compared"
            return true
        }
        guard try Queries.tablesArePresent(in: log.database) else {
            report.note = "the database has no live read models to compare"
            return true
        }
        let positions = try log.database.rows("SELECT projection, position FROM projection_positions", []) {
            ($0.string(0) ?? "", $0.int64(1))
        }
        let behind = positions.filter { $0.1 != head }
        if !behind.isEmpty || positions.count < ProjectionName.allCases.count {
            report.note = "live read models are not at the head (seq \(head)): "
                + (behind.map { "\($0.0) at \($0.1)" }.joined(separator: ", ")) + "; open the log for writing to catch them up"
        }
        var live: [String] = []
        for (index, name) in ProjectionName.allCases.enumerated() {
            let digest = try TableDigest.digest(of: name, in: log.database).hex
            live.append(digest)
            report.projections[index].live = digest
            report.projections[index].equal = digest == report.projections[index].digest
            if digest != report.projections[index].digest {
                guard let replayed else { return false }
                report.projections[index].firstDifference = try TableDigest.firstDifference(of: name, live: log.database, replayed: replayed)
            }
        }
        report.liveOverall = TableDigest.overall(zip(ProjectionName.allCases, live).map { ($0, $1) })
        return true
    }
}
