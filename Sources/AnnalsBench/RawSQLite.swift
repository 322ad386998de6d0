import AnnalsDigest
import AnnalsLog
import CSQLite
import Foundation
import Glibc

/// The baseline: what this machine does through the SQLite C API directly, with no wrapper, no
/// envelope types, no triggers and no version checks; only the SHA-256 chain the log also pays
/// for (same `AnnalsDigest.SHA256`, so the ratio measures the log's overhead, not the hash).
enum RawSQLite {
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { "SQLite error \(code): \(message)" }
    }

    /// The same table shape and indexes as `LogSchema`'s `events`, without its triggers.
    static let schema = """
        CREATE TABLE events (
            seq            INTEGER PRIMARY KEY,
            stream         TEXT    NOT NULL,
            stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
            type           TEXT    NOT NULL,
            schema         INTEGER NOT NULL,
            valid_on       TEXT,
            recorded_at    TEXT    NOT NULL,
            payload        TEXT,
            payload_sha256 TEXT    NOT NULL,
            prev_hash      TEXT    NOT NULL,
            hash           TEXT    NOT NULL,
            UNIQUE (stream, stream_version)
        );
        CREATE INDEX events_type ON events (type);
        CREATE INDEX events_recorded_at ON events (recorded_at);
        """

    static func open(_ path: String, readOnly: Bool = false) throws -> OpaquePointer {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw Failure(code: code, message: "cannot open \(path)")
        }
        return db
    }

    static func exec(_ db: OpaquePointer, _ sql: String) throws {
        let code = sqlite3_exec(db, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw Failure(code: code, message: String(cString: sqlite3_errmsg(db)) + " in: \(sql)") }
    }

    static func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw Failure(code: code, message: String(cString: sqlite3_errmsg(db))) }
        return statement
    }

    /// Inserts the workload with prepared INSERTs, `batch` rows per transaction; returns seconds.
    ///
    /// With `logSchema`, the table is made by the log's own migration, append-only and chain
    /// triggers included: the baseline then shows what the triggers cost, apart from Swift.
    static func insert(_ workload: Workload, into path: String, batch: Int, recordedAt: String,
                       logSchema: Bool = false) throws -> Timing {
        let db = try open(path)
        defer { sqlite3_close_v2(db) }
        // The pragmas `EventLog` sets on a writer, so the two sides differ only in the log's own work.
        try exec(db, "PRAGMA journal_mode = WAL")
        try exec(db, "PRAGMA synchronous = NORMAL")
        try exec(db, "PRAGMA secure_delete = ON")
        try exec(db, "PRAGMA wal_autocheckpoint = 10000")
        // (EventLog keeps the default page cache: a bigger one cost more CPU than it saved.)
        if let tempStore = ProcessInfo.processInfo.environment["ANNALS_BENCH_TEMP_STORE"] {
            try exec(db, "PRAGMA temp_store = \(tempStore)")  // experiment: where statement journals go
        }
        try exec(db, logSchema ? LogSchema.migrations[0].sql : schema)
        let insert = try prepare(db, """
            INSERT INTO events (seq, stream, stream_version, type, schema, valid_on, recorded_at,
                                payload, payload_sha256, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { sqlite3_finalize(insert) }
        let transient = annals_sqlite_transient()

        var prevDigest = [UInt8](repeating: 0, count: 32)
        var prevHex = [UInt8](repeating: UInt8(ascii: "0"), count: 64)
        var payloadHex = [UInt8](repeating: 0, count: 64)
        var hashHex = [UInt8](repeating: 0, count: 64)
        var row: [UInt8] = []
        row.reserveCapacity(512)

        let start = Timing.now()
        var seq: Int64 = 0
        for first in stride(from: 0, to: workload.events.count, by: batch) {
            try exec(db, "BEGIN IMMEDIATE")
            for event in workload.events[first..<min(first + batch, workload.events.count)] {
                seq += 1
                hexEncode(SHA256.hash(event.payload), into: &payloadHex)
                row.removeAll(keepingCapacity: true)
                canonicalRow(seq: seq, event: event, recordedAt: recordedAt, payloadHex: payloadHex, into: &row)
                var hasher = SHA256()
                prevDigest.withUnsafeBytes { hasher.update($0) }
                row.withUnsafeBytes { hasher.update($0) }
                prevDigest = hasher.finalize()
                hexEncode(prevDigest, into: &hashHex)

                sqlite3_bind_int64(insert, 1, seq)
                sqlite3_bind_text(insert, 2, event.stream, -1, transient)
                sqlite3_bind_int64(insert, 3, event.version)
                sqlite3_bind_text(insert, 4, event.type, -1, transient)
                sqlite3_bind_int64(insert, 5, 1)
                sqlite3_bind_text(insert, 6, event.validOn, -1, transient)
                sqlite3_bind_text(insert, 7, recordedAt, -1, transient)
                _ = event.payload.withUnsafeBytes { sqlite3_bind_text(insert, 8, $0.baseAddress, Int32($0.count), transient) }
                _ = payloadHex.withUnsafeBytes { sqlite3_bind_text(insert, 9, $0.baseAddress, 64, transient) }
                _ = prevHex.withUnsafeBytes { sqlite3_bind_text(insert, 10, $0.baseAddress, 64, transient) }
                _ = hashHex.withUnsafeBytes { sqlite3_bind_text(insert, 11, $0.baseAddress, 64, transient) }
                let code = sqlite3_step(insert)
                guard code == SQLITE_DONE else { throw Failure(code: code, message: String(cString: sqlite3_errmsg(db))) }
                sqlite3_reset(insert)
                swap(&prevHex, &hashHex)
            }
            try exec(db, "COMMIT")
        }
        return Timing.now() - start
    }

    /// The peer's storage through the C API: eventsourcing's `stored_events` shape (rowid,
    /// `originator_id`, `originator_version`, `topic`, `state`, primary key on the stream and
    /// version), no digests, no chain, no other index; returns seconds. Not a key of issue 11:
    /// it shows how much of the peer's speed is a lighter table rather than Python.
    static func insertPeerShape(_ workload: Workload, into path: String, batch: Int) throws -> Timing {
        let db = try open(path)
        defer { sqlite3_close_v2(db) }
        try exec(db, "PRAGMA journal_mode = WAL")
        try exec(db, "PRAGMA synchronous = NORMAL")
        try exec(db, """
            CREATE TABLE stored_events (originator_id TEXT, originator_version INTEGER, topic TEXT, state BLOB,
                                        PRIMARY KEY (originator_id, originator_version))
            """)
        let insert = try prepare(db, "INSERT INTO stored_events (originator_id, originator_version, topic, state) VALUES (?, ?, ?, ?)")
        defer { sqlite3_finalize(insert) }
        let transient = annals_sqlite_transient()
        let start = Timing.now()
        for first in stride(from: 0, to: workload.events.count, by: batch) {
            try exec(db, "BEGIN IMMEDIATE")
            for event in workload.events[first..<min(first + batch, workload.events.count)] {
                sqlite3_bind_text(insert, 1, event.stream, -1, transient)
                sqlite3_bind_int64(insert, 2, event.version)
                sqlite3_bind_text(insert, 3, event.type, -1, transient)
                _ = event.payload.withUnsafeBytes { sqlite3_bind_blob(insert, 4, $0.baseAddress, Int32($0.count), transient) }
                let code = sqlite3_step(insert)
                guard code == SQLITE_DONE else { throw Failure(code: code, message: String(cString: sqlite3_errmsg(db))) }
                sqlite3_reset(insert)
            }
            try exec(db, "COMMIT")
        }
        return Timing.now() - start
    }

    /// Reads every row in seq order, every column, summing the payload bytes; returns (seconds, rows).
    static func scan(_ path: String) throws -> (seconds: Double, rows: Int, checksum: UInt64) {
        let db = try open(path, readOnly: true)
        defer { sqlite3_close_v2(db) }
        let select = try prepare(db, """
            SELECT seq, stream, stream_version, type, schema, valid_on, recorded_at, payload,
                   payload_sha256, prev_hash, hash FROM events ORDER BY seq
            """)
        defer { sqlite3_finalize(select) }
        let start = monotonicSeconds()
        var rows = 0
        var sum: UInt64 = 0
        while sqlite3_step(select) == SQLITE_ROW {
            rows += 1
            sum &+= UInt64(bitPattern: sqlite3_column_int64(select, 0) &+ sqlite3_column_int64(select, 2) &+ sqlite3_column_int64(select, 4))
            for column: Int32 in [1, 3, 5, 6, 8, 9, 10] {
                _ = sqlite3_column_text(select, column)
                sum &+= UInt64(sqlite3_column_bytes(select, column))
            }
            if let payload = sqlite3_column_text(select, 7) {
                sum &+= byteSum(payload, Int(sqlite3_column_bytes(select, 7)))
            }
        }
        return (monotonicSeconds() - start, rows, sum)
    }

    /// Loads one stream's rows (every column, payload bytes summed); returns seconds.
    static func streamReader(_ path: String) throws -> (String) -> Double {
        let db = try open(path, readOnly: true)
        let select = try prepare(db, """
            SELECT seq, stream, stream_version, type, schema, valid_on, recorded_at, payload,
                   payload_sha256, prev_hash, hash FROM events WHERE stream = ? ORDER BY stream_version
            """)
        let holder = Holder(db: db, statement: select)
        return { stream in
            _ = holder
            let start = monotonicSeconds()
            sqlite3_bind_text(select, 1, stream, -1, annals_sqlite_transient())
            var sum: UInt64 = 0
            while sqlite3_step(select) == SQLITE_ROW {
                if let payload = sqlite3_column_text(select, 7) {
                    sum &+= byteSum(payload, Int(sqlite3_column_bytes(select, 7)))
                }
                for column: Int32 in [1, 3, 5, 6, 8, 9, 10] { sum &+= UInt64(sqlite3_column_bytes(select, column)) }
            }
            sqlite3_reset(select)
            blackHole(sum)
            return monotonicSeconds() - start
        }
    }

    /// Keeps the connection open as long as the reader closure lives.
    final class Holder {
        let db: OpaquePointer
        let statement: OpaquePointer
        init(db: OpaquePointer, statement: OpaquePointer) { self.db = db; self.statement = statement }
        deinit { sqlite3_finalize(statement); sqlite3_close_v2(db) }
    }

    /// The canonical row of `HashChain`, built straight into a reused buffer.
    static func canonicalRow(seq: Int64, event: WorkloadEvent, recordedAt: String, payloadHex: [UInt8], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendDecimal(seq, to: &out)
        out.append(contentsOf: #","#.utf8)
        appendQuoted(event.stream, to: &out)
        out.append(UInt8(ascii: ","))
        appendDecimal(event.version, to: &out)
        out.append(UInt8(ascii: ","))
        appendQuoted(event.type, to: &out)
        out.append(contentsOf: ",1,".utf8)
        appendQuoted(event.validOn, to: &out)
        out.append(UInt8(ascii: ","))
        appendQuoted(recordedAt, to: &out)
        out.append(contentsOf: #",""#.utf8)
        out.append(contentsOf: payloadHex)
        out.append(contentsOf: #""]"#.utf8)
    }

    /// Appends a JSON string whose text needs no escaping (the workload's streams, types and dates).
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: text.utf8)
        out.append(UInt8(ascii: "\""))
    }

    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value.magnitude
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.append(contentsOf: buffer[(20 - n)...])
        }
    }
}

let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

func hexEncode(_ bytes: [UInt8], into out: inout [UInt8]) {
    for (i, byte) in bytes.enumerated() {
        out[2 * i] = hexDigits[Int(byte >> 4)]
        out[2 * i + 1] = hexDigits[Int(byte & 0x0F)]
    }
}

func byteSum(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    var sum: UInt64 = 0
    for i in 0..<count { sum &+= UInt64(pointer[i]) }
    return sum
}

/// Wall-clock and CPU seconds (this process, all threads) of a measured section. On a machine
/// shared with compilers the CPU figure moves far less than the wall figure.
struct Timing {
    var wall: Double
    var cpu: Double

    static func now() -> Timing {
        var cpu = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
        return Timing(wall: monotonicSeconds(), cpu: Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9)
    }

    static func - (a: Timing, b: Timing) -> Timing { Timing(wall: a.wall - b.wall, cpu: a.cpu - b.cpu) }
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Keeps a value alive so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) { _ = value }
