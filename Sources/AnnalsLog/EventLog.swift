import AnnalsDigest
import Foundation

/// The append-only, hash-chained event log in one SQLite file: the only source of truth.
///
/// One writer at a time: appends run in IMMEDIATE transactions, so a second process waits up to
/// the busy timeout and then fails with `LogError.writerBusy`. Readers see whole transactions
/// only (WAL), never half a readout.
public final class EventLog: EventStore {
    /// How the log is opened.
    public struct Options: Sendable {
        /// `NORMAL` survives a process crash; `FULL` also survives power loss, at some cost per commit.
        public enum Synchronous: String, Sendable { case normal = "NORMAL", full = "FULL" }

        public var synchronous: Synchronous
        /// How long to wait for another writer's lock.
        public var busyTimeoutMilliseconds: Int32
        /// Migrations of read models that live in the same file, applied after the log's own.
        public var extraMigrations: [Migration]
        /// The clock for `recorded_at`; tests pin it.
        public var clock: @Sendable () -> Date

        public init(synchronous: Synchronous = .normal, busyTimeoutMilliseconds: Int32 = 5000,
                    extraMigrations: [Migration] = [], clock: @escaping @Sendable () -> Date = { Date() }) {
            self.synchronous = synchronous
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.extraMigrations = extraMigrations
            self.clock = clock
        }
    }

    /// Whether the log may be written.
    public enum Access: Sendable { case readWrite, readOnly }

    /// The connection; read models that share the file use it inside `append(_:expecting:within:)`.
    public let database: Database
    public let path: String
    public let options: Options
    private var migrator: Migrator

    /// Opens (and for `.readWrite`, creates and migrates) the log at `path`.
    ///
    /// Refuses, without touching the file: a file that is not SQLite, a SQLite file of another
    /// program, a schema newer than this build, a read-only file opened for writing, and (for
    /// `.readOnly`) a missing file.
    public init(path: String, access: Access = .readWrite, options: Options = Options()) throws(LogError) {
        self.path = path
        self.options = options
        self.migrator = Migrator(LogSchema.migrations + options.extraMigrations)
        let exists = FileManager.default.fileExists(atPath: path)
        switch access {
        case .readOnly where !exists:
            throw .missing(path: path)
        case .readWrite where exists && access_(path, W_OK) != 0:
            throw .readOnly(path: path)
        case .readWrite where !exists:
            // Created 0600 before SQLite sees it: SQLite gives the -wal and -shm files the
            // database file's permissions, so readouts never land in world-readable files.
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd < 0 && errno != EEXIST {
                throw .database(DatabaseError(code: 14, message: "cannot create \(path): \(String(cString: strerror(errno)))"))
            }
            if fd >= 0 { close(fd) }
        default: break
        }
        do {
            database = try Database(path: path, mode: access == .readOnly ? .readOnly : .readWrite)
        } catch {
            throw LogError.from(error, path: path, busyTimeout: options.busyTimeoutMilliseconds)
        }
        do {
            database.setBusyTimeout(milliseconds: options.busyTimeoutMilliseconds)
            let tables = try database.rows("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) ?? "" }
            if !tables.isEmpty && !tables.contains("schema_migrations") { throw LogError.notADatabase(path: path) }
            let unknown = try migrator.unknownIDs(in: database)
            if !unknown.isEmpty { throw LogError.newerSchema(path: path, unknown: unknown) }
            if access == .readWrite {
                let mode = try database.scalar("PRAGMA journal_mode = WAL")
                guard mode == .text("wal") else {
                    throw LogError.database(DatabaseError(code: 1, message: "could not switch \(path) to WAL mode (got \(String(describing: mode)))"))
                }
                try database.execute("PRAGMA synchronous = \(options.synchronous.rawValue)")
                // Deleted content is overwritten with zeros, so a redaction leaves no copy of the
                // erased text in freed pages.
                try database.execute("PRAGMA secure_delete = ON")
                // Ingest writes ~65 WAL frames per readout (payload overflow pages, the log's and
                // the read models' indexes). At SQLite's default of 1,000 pages a checkpoint ran
                // every ~15 readouts, each copying back pages that the next readouts dirty again,
                // and each ending in two fdatasyncs. 10,000 pages (~40 MB of WAL) copies a hot
                // page once per ~150 readouts instead of ten times. The WAL is emptied on close.
                try database.execute("PRAGMA wal_autocheckpoint = 10000")
                // A readout inside a batch is a savepoint (Database.transaction), and SQLite keeps
                // each savepoint's original pages in a sub-journal: a temporary file, unless temp
                // storage is memory. On disk that was ~165 extra page writes per readout, more
                // than batching saved; in memory it is truncated at each release.
                try database.execute("PRAGMA temp_store = MEMORY")
                // The page cache stays at SQLite's default 2 MB on purpose: 32 MB cut the preads
                // by 3.6x but cost ~15% more user CPU per readout and doubled peak RSS (measured
                // on 10k readouts; docs/benchmarks.md, "Ingest: where the time goes").
                try migrator.migrate(database, now: Timestamp.string(from: options.clock()))
            } else if tables.isEmpty {
                // An empty SQLite file holds no log yet: most often one a writer (the daemon, an
                // ingest) has just created and is migrating in its first transaction. Not damage.
                throw LogError.missing(path: path)
            }
        } catch let error as LogError {
            throw error
        } catch let error as DatabaseError {
            throw LogError.from(error, path: path, busyTimeout: options.busyTimeoutMilliseconds)
        } catch {
            throw LogError.database(DatabaseError(code: 1, message: "\(error)"))
        }
    }

    // MARK: appending

    @discardableResult
    public func append(_ events: [NewEvent], expecting: [String: ExpectedVersion]) throws -> [RecordedEvent] {
        try append(events, expecting: expecting, within: { _ in })
    }

    /// Appends atomically and runs `body` in the same transaction with the recorded events, so
    /// read models that share the file move with the log: both commit or neither does.
    @discardableResult
    public func append(_ events: [NewEvent], expecting: [String: ExpectedVersion] = [:],
                       within body: ([RecordedEvent]) throws -> Void) throws -> [RecordedEvent] {
        do {
            return try database.transaction {
                let recorded = try insert(events, expecting: expecting)
                try body(recorded)
                return recorded
            }
        } catch let error as DatabaseError {
            throw LogError.from(error, path: path, busyTimeout: options.busyTimeoutMilliseconds)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction during which `insert(_:expecting:)` may be called
    /// any number of times; used where a caller must read, decide and append under one lock.
    public func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.transaction(.immediate, body)
        } catch let error as DatabaseError {
            throw LogError.from(error, path: path, busyTimeout: options.busyTimeoutMilliseconds)
        }
    }

    /// Inserts events inside the caller's open transaction.
    public func insert(_ events: [NewEvent], expecting: [String: ExpectedVersion]) throws -> [RecordedEvent] {
        guard !events.isEmpty else { return [] }
        precondition(database.isInTransaction, "EventLog.insert must run inside a write transaction")
        let last = try head()
        var seq = last?.seq ?? 0
        var prevHash = last?.hash ?? HashChain.genesis
        var recordedAt = Timestamp.string(from: options.clock())
        if let previous = last?.recordedAt, previous > recordedAt { recordedAt = previous }

        // Each distinct stream gets a slot, found with one dictionary lookup per event; the loop
        // below then counts versions in an array instead of hashing the stream name again.
        var slotOfStream: [String: Int] = [:]
        slotOfStream.reserveCapacity(events.count)  // no rehashing as streams are added
        var slots: [Int] = []
        slots.reserveCapacity(events.count)
        var versions: [Int64] = []
        // One statement for every stream's version: looking it up by its SQL text per stream
        // (hashing the text each time) cost more than SQLite's own index seek.
        let versionQuery = try database.cachedStatement(sql: EventLog.versionSQL)
        for event in events {
            if let slot = slotOfStream[event.stream] {
                slots.append(slot)
            } else {
                slotOfStream[event.stream] = versions.count
                slots.append(versions.count)
                try versionQuery.bind(.text(event.stream), at: 1)
                versions.append(try versionQuery.step() ? versionQuery.int64(0) : 0)
                versionQuery.rewind()
            }
        }
        for (stream, expected) in expecting {
            let current = try slotOfStream[stream].map { versions[$0] } ?? version(of: stream)
            guard expected.admits(current) else { throw LogError.conflict(stream: stream, expected: expected, found: current) }
        }

        let statement = try database.cachedStatement(sql: """
            INSERT INTO events (seq, stream, stream_version, type, schema, valid_on, recorded_at,
                                payload, payload_sha256, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var recorded: [RecordedEvent] = []
        recorded.reserveCapacity(events.count)
        // The chain runs on digest bytes, decoded once per call; one row buffer serves every event.
        var prevDigest = Hex.decode(prevHash) ?? []
        var row: [UInt8] = []
        row.reserveCapacity(256)
        for (index, event) in events.enumerated() {
            seq += 1
            let slot = slots[index]
            versions[slot] += 1
            let version = versions[slot]
            let payloadSHA256 = SHA256.hex(event.payload)
            row.removeAll(keepingCapacity: true)
            HashChain.appendCanonicalRow(
                seq: seq, stream: event.stream, streamVersion: version, type: event.type, schema: event.schema,
                validOn: event.validOn, recordedAt: recordedAt, payloadSHA256: payloadSHA256, to: &row)
            prevDigest = HashChain.digest(prevDigest: prevDigest, canonicalRow: row)
            let hash = Hex.encode(prevDigest)
            try statement.bind(.integer(seq), at: 1)
            try statement.bind(.text(event.stream), at: 2)
            try statement.bind(.integer(version), at: 3)
            try statement.bind(.text(event.type), at: 4)
            try statement.bind(.integer(Int64(event.schema)), at: 5)
            try statement.bind(.optional(event.validOn), at: 6)
            try statement.bind(.text(recordedAt), at: 7)
            try statement.bindUTF8(event.payload, at: 8)
            try statement.bind(.text(payloadSHA256), at: 9)
            try statement.bind(.text(prevHash), at: 10)
            try statement.bind(.text(hash), at: 11)
            try statement.step()
            statement.rewind()  // every parameter is bound again for the next row: no need to clear them
            recorded.append(RecordedEvent(
                seq: seq, stream: event.stream, streamVersion: version, type: event.type, schema: event.schema,
                validOn: event.validOn, recordedAt: recordedAt, payload: event.payload,
                payloadSHA256: payloadSHA256, prevHash: prevHash, hash: hash))
            prevHash = hash
        }
        return recorded
    }

    // MARK: reading

    static let columns = "seq, stream, stream_version, type, schema, valid_on, recorded_at, payload, payload_sha256, prev_hash, hash"

    static func event(from row: Statement) -> RecordedEvent {
        RecordedEvent(
            seq: row.int64(0), stream: row.string(1) ?? "", streamVersion: row.int64(2), type: row.string(3) ?? "",
            schema: Int(row.int64(4)), validOn: row.string(5), recordedAt: row.string(6) ?? "",
            payload: row.bytes(7), payloadSHA256: row.string(8) ?? "", prevHash: row.string(9) ?? "",
            hash: row.string(10) ?? "")
    }

    public func events(after seq: Int64, limit: Int) throws -> [RecordedEvent] {
        try database.rows("SELECT \(EventLog.columns) FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
                          [.integer(seq), .integer(Int64(limit))], EventLog.event(from:))
    }

    public func events(inStream stream: String) throws -> [RecordedEvent] {
        try database.rows("SELECT \(EventLog.columns) FROM events WHERE stream = ? ORDER BY stream_version",
                          [.text(stream)], EventLog.event(from:))
    }

    /// One event by seq, or nil.
    public func event(seq: Int64) throws -> RecordedEvent? {
        try database.rows("SELECT \(EventLog.columns) FROM events WHERE seq = ?", [.integer(seq)], EventLog.event(from:)).first
    }

    /// Streams events with `after < seq <= through` in seq order through `body`, in constant
    /// memory: replay, verify and export read the whole log this way.
    public func forEachEvent(after: Int64 = 0, through: Int64 = .max, _ body: (RecordedEvent) throws -> Void) throws {
        let statement = try database.makeStatement(
            sql: "SELECT \(EventLog.columns) FROM events WHERE seq > ? AND seq <= ? ORDER BY seq")
        try statement.bind([.integer(after), .integer(through)])
        while try statement.step() { try body(EventLog.event(from: statement)) }
    }

    static let versionSQL = "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = ?"

    public func version(of stream: String) throws -> Int64 {
        try database.integer(EventLog.versionSQL, [.text(stream)])
    }

    public func head() throws -> LogHead? {
        try database.rows("SELECT seq, hash, recorded_at FROM events ORDER BY seq DESC LIMIT 1") {
            LogHead(seq: $0.int64(0), hash: $0.string(1) ?? "", recordedAt: $0.string(2))
        }.first
    }

    /// The number of events.
    public func count() throws -> Int64 { try database.integer("SELECT count(*) FROM events") }

    /// The last seq recorded at or before `timestamp` (a stored-form time), 0 when none.
    public func lastSeq(recordedAtOrBefore timestamp: String) throws -> Int64 {
        try database.integer("SELECT coalesce(max(seq), 0) FROM events WHERE recorded_at <= ?", [.text(timestamp)])
    }

    /// Copies the WAL into the main file and truncates it, so the file alone holds everything
    /// (before copying it, and after a redaction so no emptied payload lingers in the WAL).
    public func checkpointWAL() throws {
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// The migration ids applied to this file.
    public func appliedMigrations() throws -> [String] { try Migrator.appliedIDs(in: database) }
}

// `access` is shadowed by the `Access` type inside EventLog; this keeps the POSIX call readable.
private func access_(_ path: String, _ mode: Int32) -> Int32 { access(path, mode) }
