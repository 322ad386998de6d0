import CSQLite
import Foundation
import Testing
import AnnalsLog

/// Raw SQL through the C API, as any other program that opens the file would run it.
func rawExecute(_ path: String, _ sql: String) -> (code: Int32, message: String) {
    var handle: OpaquePointer?
    sqlite3_open(path, &handle)
    defer { sqlite3_close(handle) }
    var error: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &error)
    let message = error.map { String(cString: $0) } ?? ""
    sqlite3_free(error)
    return (code, message)
}

struct AppendOnlyTests {
    func makeLog(_ directory: TemporaryDirectory) throws -> EventLog {
        let log = try EventLog(path: directory.file("log.sqlite"))
        try log.append([event("a", "X", #"{"n":1}"#), event("b", "X", #"{"n":2}"#), event("a", "X", #"{"n":3}"#)])
        return log
    }

    @Test(arguments: [
        "UPDATE events SET payload = '{}' WHERE seq = 2",
        "UPDATE events SET type = 'Forged' WHERE seq = 1",
        "UPDATE events SET payload = NULL WHERE seq = 2",
        "DELETE FROM events WHERE seq = 3",
        "DELETE FROM events",
        "INSERT INTO events (seq, stream, stream_version, type, schema, recorded_at, payload, payload_sha256, prev_hash, hash) VALUES (9, 'x', 1, 'X', 1, 't', '{}', 'd', 'p', 'h')",
    ])
    func rawSQLCannotRewriteTheLog(sql: String) throws {
        let directory = TemporaryDirectory()
        let log = try makeLog(directory)
        let result = rawExecute(log.path, sql)
        #expect(result.code == SQLITE_CONSTRAINT, "\(sql) -> \(result.code) \(result.message)")
        #expect(try log.count() == 3)
        #expect(try log.verify().isValid)
    }

    @Test func anErrorMidTransactionLeavesNoHalfReadout() throws {
        struct Crash: Error {}
        let directory = TemporaryDirectory()
        let log = try makeLog(directory)
        #expect(throws: Crash.self) {
            try log.append([event("source/c.txt", "SourceAdded"), event("relation/AZ-CN")]) { recorded in
                #expect(recorded.count == 2)
                throw Crash()
            }
        }
        #expect(try log.count() == 3)
        #expect(try log.version(of: "source/c.txt") == 0)
        try log.append([event("source/c.txt", "SourceAdded")])
        #expect(try log.head()?.seq == 4)
        #expect(try log.verify().isValid)
    }

    @Test func recordedAtNeverGoesBackwards() throws {
        let directory = TemporaryDirectory()
        final class Box: @unchecked Sendable { var time = 2_000_000_000.0 }
        let box = Box()
        let log = try EventLog(path: directory.file("t.sqlite"), options: .init(clock: { Date(timeIntervalSince1970: box.time) }))
        let first = try log.append([event("a")])
        box.time -= 3600
        let second = try log.append([event("a")])
        #expect(second[0].recordedAt == first[0].recordedAt)
    }
}

/// The one change the triggers allow: emptying payloads a `PayloadRedacted` event names.
struct RedactionTriggerTests {
    func makeRedactedLog(_ directory: TemporaryDirectory) throws -> EventLog {
        let log = try EventLog(path: directory.file("log.sqlite"))
        try log.append([event("source/memo.txt", "SourceAdded", #"{"text":"secret"}"#), event("relation/AZ-CN")])
        try log.writeTransaction {
            _ = try log.insert([event("redaction", "PayloadRedacted", #"{"targets":[1],"reason":"mistake"}"#)], expecting: [:])
            try log.database.execute("UPDATE events SET payload = NULL WHERE seq = 1")
        }
        return log
    }

    @Test func aNamedPayloadCanBeEmptiedAndTheLogStillVerifies() throws {
        let directory = TemporaryDirectory()
        let log = try makeRedactedLog(directory)
        let report = try log.verify()
        #expect(report.isValid)
        #expect(report.redacted == 1)
    }

    @Test(arguments: [
        "UPDATE events SET payload = NULL WHERE seq = 2",
        "UPDATE events SET type = 'Forged' WHERE seq = 1",
        "UPDATE events SET payload = '{}' WHERE seq = 1",
        "UPDATE events SET valid_on = '1999-01-01' WHERE seq = 1",
        "DELETE FROM events WHERE seq = 1",
    ])
    func anythingElseIsStillRefused(sql: String) throws {
        let directory = TemporaryDirectory()
        let log = try makeRedactedLog(directory)
        #expect(rawExecute(log.path, sql).code == SQLITE_CONSTRAINT, "\(sql)")
        #expect(try log.verify().isValid)
    }

    @Test func anEmptiedPayloadNoRedactionNamesIsCaught() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        try log.append([event("a"), event("b")])
        #expect(rawExecute(log.path, "DROP TRIGGER events_no_update; UPDATE events SET payload = NULL WHERE seq = 1").code == SQLITE_OK)
        let report = try log.verify()
        #expect(report.problem?.seq == 1)
        #expect(report.problem?.reason.contains("no PayloadRedacted") == true)
    }

    @Test func theWALAndSHMAreAsPrivateAsTheDatabase() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        try log.append([event("a")])
        for suffix in ["-wal", "-shm"] {
            let mode = try FileManager.default.attributesOfItem(atPath: log.path + suffix)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(suffix)")
        }
    }
}
