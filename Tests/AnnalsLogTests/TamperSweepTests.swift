@testable import AnnalsLog
import CSQLite
import Foundation
import Testing

/// Issue 9's tamper sweep: 1,000 seeded (row, column, byte) flips in real SQLite rows of
/// `events` (triggers dropped, as an attacker with the file would), each of which `verify` must
/// name at the exact seq; and tails cut off, which `verify` against an anchored head must catch.
///
/// Where the flip lands decides which seq `verify` names:
/// - any column but `seq` (payload, payload_sha256, stream, stream_version, type, schema,
///   valid_on, recorded_at, prev_hash, hash): the row itself. Its payload digest, its recomputed
///   hash or its link to the previous row fails there, and every row before it is untouched.
///   (A flipped `hash` is caught at its own row, before the next row's `prev_hash` could be.)
/// - `seq` (the rowid): the row moves; in seq order a hole opens where it was (or, when it was
///   the last row or moves below 1, it shows up out of place), and `verify` names the first row
///   whose seq is not the one expected: computed here from the tampered table's seqs in order.
/// Flips a constraint refuses (a seq or stream version that already exists, a stream version
/// below 1) cannot be stored at all; they are drawn again and counted.
struct TamperSweepTests {
    /// SplitMix64: a seeded generator, so a failing position can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The columns of `events`, in `EventLog.columns` order, and whether they hold integers.
    static let columns: [(name: String, integer: Bool)] = [
        ("seq", true), ("stream", false), ("stream_version", true), ("type", false), ("schema", true),
        ("valid_on", false), ("recorded_at", false), ("payload", false), ("payload_sha256", false),
        ("prev_hash", false), ("hash", false),
    ]

    /// A log shaped like Annals' own: source and relation streams, facts with and without a
    /// valid day, non-ASCII payloads, and one redaction that emptied a payload.
    static func makeLog(at path: String, events count: Int) throws -> EventLog {
        let log = try EventLog(path: path)
        var generator = SeededGenerator(state: 7)
        let names = ["Ilham Aliyev", "Xi Jinping", "Алиев", "习近平", "José Raúl Mulino", "Ngozi \"Quote\" Okafor"]
        var index = 0
        var redacted = false
        while index < count {
            if !redacted && index >= count / 2 {
                // One redaction mid-log, as `annals redact` does it: the event, then the emptied payload.
                try log.writeTransaction {
                    _ = try log.insert([NewEvent(stream: "redaction", type: "PayloadRedacted",
                                                 payload: Array(#"{"by":"test","reason":"sweep","targets":[5]}"#.utf8))], expecting: [:])
                    try log.database.execute("UPDATE events SET payload = NULL WHERE seq = 5")
                }
                redacted = true
                index += 1
            }
            let source = "source/r\(String(format: "%06d", index)).txt"
            var batch = [NewEvent(stream: source, type: "SourceAdded", payload: Array(
                #"{"name":"r\#(index).txt","sha256":"\#(String(repeating: "ab", count: 32))","text":"Line one.\nOn May 5 \#(names[index % names.count]) met\tothers."}"#.utf8))]
            for fact in 0..<Int.random(in: 1...3, using: &generator) {
                let pair = ["relation/AZ-CN", "relation/CN-RU", "relation/BR-IE", source][(index + fact) % 4]
                let quote = String(repeating: "The two sides signed documents. ", count: Int.random(in: 1...4, using: &generator))
                batch.append(NewEvent(stream: pair, type: fact % 2 == 0 ? "MeetingHeld" : "DocumentSigned",
                                      validOn: fact == 2 ? nil : "2025-05-\(String(format: "%02d", 1 + index % 28))",
                                      payload: Array(#"{"id":"f-\#(index)-\#(fact)","quote":"\#(quote)\#(names[(index + fact) % names.count])"}"#.utf8)))
            }
            try log.append(batch)
            index += batch.count
        }
        return log
    }

    /// A private in-memory copy of `source` (sqlite3_backup), so each flip starts from the pristine log.
    static func copy(_ source: Database) throws -> Database {
        let copy = try Database(path: ":memory:")
        guard let backup = sqlite3_backup_init(copy.handle, "main", source.handle, "main") else {
            throw DatabaseError(code: 1, message: "sqlite3_backup_init failed")
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw DatabaseError(code: code, message: "sqlite3_backup_step failed") }
        return copy
    }

    static func verify(_ database: Database, expect: LogHead? = nil) throws -> LogVerifier.Report {
        try LogVerifier().verify({ body in
            let statement = try database.makeStatement(sql: "SELECT \(EventLog.columns) FROM events ORDER BY seq")
            while try statement.step() { try body(EventLog.event(from: statement)) }
        }, expect: expect)
    }

    /// The column's current value in row `seq`: its bytes for text, its 8 little-endian bytes
    /// for an integer; nil for NULL (the redacted payload, a fact without a valid day).
    static func value(_ database: Database, column: String, integer: Bool, seq: Int64) throws -> [UInt8]? {
        let statement = try database.makeStatement(sql: "SELECT \(column) FROM events WHERE seq = ?")
        try statement.bind(.integer(seq), at: 1)
        guard try statement.step(), let bytes = statement.bytes(0) else { return nil }
        if integer { return withUnsafeBytes(of: statement.int64(0).littleEndian) { Array($0) } }
        return bytes
    }

    /// Writes `bytes` back into the column of row `seq`, through the C API (text bound with its
    /// length, so a flipped byte that makes invalid UTF-8 or a NUL is stored as it is).
    static func write(_ database: Database, column: String, integer: Bool, seq: Int64, bytes: [UInt8]) -> Bool {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database.handle, "UPDATE events SET \(column) = ?1 WHERE seq = ?2", -1, &statement, nil) == SQLITE_OK else { return false }
        defer { sqlite3_finalize(statement) }
        if integer {
            let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) }
            sqlite3_bind_int64(statement, 1, value)
        } else {
            _ = bytes.withUnsafeBytes { raw in
                sqlite3_bind_text(statement, 1, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), annals_sqlite_transient())
            }
        }
        sqlite3_bind_int64(statement, 2, seq)
        return sqlite3_step(statement) == SQLITE_DONE && sqlite3_changes(database.handle) == 1
    }

    /// The seq `verify` must name after a `seq` flip: the first row, in seq order, whose seq is not
    /// its position.
    static func firstOutOfPlace(_ database: Database) throws -> Int64? {
        let seqs = try database.rows("SELECT seq FROM events ORDER BY seq") { $0.int64(0) }
        for (offset, seq) in seqs.enumerated() where seq != Int64(offset + 1) { return seq }
        return nil
    }

    @Test func everyFlippedByteIsNamedAtItsSeq() throws {
        let directory = TemporaryDirectory()
        let log = try Self.makeLog(at: directory.file("log.sqlite"), events: 50)
        let total = try log.count()
        #expect(try log.verify().isValid)
        #expect(try log.verify().redacted == 1)
        let pristine = try Self.copy(log.database)
        try pristine.execute("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; DROP TRIGGER events_append_continues_chain")

        var generator = SeededGenerator(state: 9)
        var flips = 0, detected = 0, refused = 0, skippedNull = 0
        var byColumn: [String: Int] = [:]
        var misses: [String] = []
        let started = Date()
        while flips < 1000 {
            let seq = Int64.random(in: 1...total, using: &generator)
            let column = Self.columns.randomElement(using: &generator)!
            let database = try Self.copy(pristine)
            guard var bytes = try Self.value(database, column: column.name, integer: column.integer, seq: seq), !bytes.isEmpty else {
                skippedNull += 1
                continue
            }
            let offset = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[offset] ^= UInt8.random(in: 1...255, using: &generator)
            guard Self.write(database, column: column.name, integer: column.integer, seq: seq, bytes: bytes) else {
                refused += 1
                continue
            }
            flips += 1
            byColumn[column.name, default: 0] += 1
            let expected = column.name == "seq" ? try Self.firstOutOfPlace(database) : seq
            let report = try Self.verify(database)
            if let problem = report.problem, problem.seq == expected {
                detected += 1
            } else if misses.count < 10 {
                misses.append("seq \(seq) \(column.name) byte \(offset): expected seq \(String(describing: expected)), got \(String(describing: report.problem))")
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let rate = Double(detected) / Double(flips) * 100
        print("tamper sweep: \(detected)/\(flips) flips named at the exact seq (\(String(format: "%.1f", rate))%) over \(total) events in \(String(format: "%.1f", elapsed)) s; "
              + "by column \(byColumn.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); "
              + "\(refused) flips refused by a constraint and \(skippedNull) NULL cells drawn again")
        #expect(detected == flips, "\(misses.joined(separator: "\n"))")
        #expect(Set(byColumn.keys).count == Self.columns.count, "every column was flipped at least once")
    }

    @Test func cuttingTheTailFailsVerifyAgainstTheAnchoredHead() throws {
        let directory = TemporaryDirectory()
        let log = try Self.makeLog(at: directory.file("log.sqlite"), events: 60)
        let anchor = try #require(try log.head())
        let pristine = try Self.copy(log.database)
        try pristine.execute("DROP TRIGGER events_no_delete")
        var caught = 0
        for cut in 1...20 {
            let database = try Self.copy(pristine)
            try database.execute("DELETE FROM events WHERE seq > \(anchor.seq - Int64(cut))")
            // The bare chain cannot see it: what is left is a valid, shorter log.
            #expect(try Self.verify(database).isValid)
            let report = try Self.verify(database, expect: anchor)
            if report.problem?.reason.contains("cut off") == true, report.problem?.seq == anchor.seq - Int64(cut) { caught += 1 }
        }
        // An anchor taken earlier still verifies a log that only grew after it.
        let earlier = LogHead(seq: 10, hash: try #require(try log.event(seq: 10)).hash, recordedAt: nil)
        #expect(try Self.verify(pristine, expect: earlier).isValid)
        print("tamper sweep: \(caught)/20 tails cut (1-20 events) caught by verify --expect")
        #expect(caught == 20)
    }
}
