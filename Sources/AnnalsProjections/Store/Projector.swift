import AnnalsLog

/// Keeps the read models in SQLite in step with the log.
///
/// Two tiers. `facts` and `sources` are folded from events directly; `relations`, `meetings`,
/// `documents` and `people` are derived from the live rows of `facts` with the pure folds'
/// own functions (`Relation.derive`, `Corroboration.group`, `Appearance.of`), refreshed per key
/// at the end of each batch, so memory stays bounded by one key's facts whatever the log's size.
///
/// Use: open the log with `ProjectionSchema.migrations`, make a `Projector`, call `catchUp` once,
/// then pass `apply` as the `within:` body of every `EventLog.append`, so the read models and
/// their positions commit with the events.
public final class Projector {
    /// The log the events come from (and whose payloads derived models re-read by seq).
    public let log: EventLog
    /// Where the read models live: the log's own connection, or another database (replay).
    public let store: Database
    /// How partnership levels rank (upgrade or downgrade); part of the `relations` version.
    public let ranking: LevelRanking
    /// Whether the per-batch work of the derived models runs (off during a full rebuild, which
    /// derives them once at the end).
    var maintainDerived = true
    /// Whether `person_appearances` rows are written as facts come and go.
    var maintainAppearances = true
    /// Sources whose facts are ignored; nil when it must be reloaded.
    var withdrawnNames: Set<String>?

    /// A projector writing into the log's own file, which must have been opened with
    /// `ProjectionSchema.migrations`. `ranking` orders partnership levels (default: FACTS.md's);
    /// opening with a different ranking than the tables were built with rebuilds `relations`.
    public convenience init(log: EventLog, ranking: LevelRanking = .standard) throws {
        try self.init(log: log, store: log.database, ranking: ranking)
    }

    /// A projector writing into `store`; a separate store is migrated here.
    public init(log: EventLog, store: Database, ranking: LevelRanking = .standard) throws {
        self.log = log
        self.store = store
        self.ranking = ranking
        if store !== log.database {
            try Migrator(ProjectionSchema.migrations).migrate(store, now: Timestamp.now())
        }
        let present = try store.integer(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'projection_positions'")
        guard present > 0 else { throw ProjectionError.notMigrated(path: store.path) }
        try ensureIndexes()
    }

    /// Applies recorded events to every read model, inside the caller's transaction (the
    /// `within:` body of `EventLog.append`), and stores the new position.
    ///
    /// Events the read models have not seen before these (another writer appended without a
    /// projector) are applied first, from the log.
    public func apply(_ events: [RecordedEvent]) throws {
        guard let first = events.first, let last = events.last else { return }
        withdrawnNames = nil
        let position = try positions().values.min() ?? 0
        var dirty = DirtyKeys()
        if position < first.seq - 1 {
            try log.forEachEvent(after: position, through: first.seq - 1) { try applyBase($0, &dirty) }
        }
        for event in events where event.seq > position { try applyBase(event, &dirty) }
        try flushSourceDeltas(&dirty)
        try refresh(dirty)
        try setPositions(max(last.seq, position), of: ProjectionName.allCases)
    }

    /// Brings every read model up to the log's head: rebuilds from the log (base models) or from
    /// `facts` (derived models) any projection whose stored version differs from the code's, then
    /// applies the events after the stored position. Runs its own transactions, in chunks;
    /// `progress(done, total)` is called as it goes.
    public func catchUp(progress: (Int64, Int64) -> Void = { _, _ in }) throws {
        try catchUp(through: .max, progress: progress)
    }

    /// `catchUp` stopping at `through` (the state as the log knew it after that seq).
    public func catchUp(through limit: Int64, progress: (Int64, Int64) -> Void = { _, _ in }) throws {
        let head = min(try log.head()?.seq ?? 0, limit)
        let stored = try storedVersions()
        withdrawnNames = nil
        let stale = ProjectionName.allCases.filter { stored[$0] != $0.version(ranking: ranking) }
        if stale.contains(where: \.isBase) {
            try store.transaction { try resetAll() }
            try replayBase(through: head, progress: progress)
            for name in ProjectionName.allCases where !name.isBase {
                try store.transaction { try rebuild(name, appearancesWritten: true, progress: progress) }
            }
            return
        }
        for name in stale {
            try store.transaction { try rebuild(name, appearancesWritten: false, progress: progress) }
        }
        var position = try positions().values.min() ?? 0
        let chunk: Int64 = 5_000
        while position < head {
            let through = min(position + chunk, head)
            try store.transaction {
                var dirty = DirtyKeys()
                try log.forEachEvent(after: position, through: through) { try applyBase($0, &dirty) }
                try flushSourceDeltas(&dirty)
                try refresh(dirty)
                try setPositions(through, of: ProjectionName.allCases)
            }
            position = through
            progress(position, head)
        }
    }

    /// The last applied seq of each projection.
    public func positions() throws -> [ProjectionName: Int64] {
        var out: [ProjectionName: Int64] = [:]
        for row in try store.rows("SELECT projection, position FROM projection_positions", [], { ($0.string(0) ?? "", $0.int64(1)) }) {
            if let name = ProjectionName(rawValue: row.0) { out[name] = row.1 }
        }
        return out
    }

    func storedVersions() throws -> [ProjectionName: Int64] {
        var out: [ProjectionName: Int64] = [:]
        for row in try store.rows("SELECT projection, version FROM projection_positions", [], { ($0.string(0) ?? "", $0.int64(1)) }) {
            if let name = ProjectionName(rawValue: row.0) { out[name] = row.1 }
        }
        return out
    }

    func setPositions(_ seq: Int64, of names: [ProjectionName]) throws {
        let statement = try store.cachedStatement(sql: """
            INSERT INTO projection_positions (projection, version, position) VALUES (?, ?, ?)
            ON CONFLICT (projection) DO UPDATE SET version = excluded.version, position = excluded.position
            """)
        for name in names { try statement.execute([.text(name.rawValue), .integer(name.version(ranking: ranking)), .integer(seq)]) }
    }

    /// Creates any of the bulk-built indexes that is missing.
    func ensureIndexes() throws {
        let present = Set(try store.rows("SELECT name FROM sqlite_master WHERE type = 'index'") { $0.string(0) ?? "" })
        for index in ProjectionSchema.bulkIndexes where !present.contains(index.name) { try store.execute(index.sql) }
    }

    /// Empties every read model and marks every projection at position 0.
    func resetAll() throws {
        for name in ProjectionName.allCases {
            for table in name.tables { try store.execute("DELETE FROM \(table.name)") }
        }
        try setPositions(0, of: ProjectionName.allCases)
    }

    /// Folds the log into `facts`, `sources` and `person_appearances` only, in chunked
    /// transactions, then marks the base projections; the derived ones are rebuilt after.
    ///
    /// The indexes only the derived models read (`ProjectionSchema.bulkIndexes`) are dropped
    /// first and built once at the end, which is much cheaper than keeping them row by row; a
    /// crash in between is healed at the next open (`ensureIndexes`).
    func replayBase(through head: Int64, progress: (Int64, Int64) -> Void) throws {
        maintainDerived = false
        defer { maintainDerived = true }
        try store.transaction {
            for index in ProjectionSchema.bulkIndexes { try store.execute("DROP INDEX IF EXISTS \(index.name)") }
        }
        var position: Int64 = 0
        let chunk: Int64 = 20_000
        while position < head {
            let through = min(position + chunk, head)
            try store.transaction {
                var dirty = DirtyKeys()
                try log.forEachEvent(after: position, through: through) { try applyBase($0, &dirty) }
                try flushSourceDeltas(&dirty)
                try setPositions(through, of: [.facts, .sources])
            }
            position = through
            progress(position, head)
        }
        try store.transaction { try ensureIndexes() }
    }
}
