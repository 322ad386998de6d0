import CSQLite
import Foundation
import Testing
import AnnalsLog

struct TamperTests {
    func makeLog(_ directory: TemporaryDirectory, events: Int = 30) throws -> EventLog {
        let log = try EventLog(path: directory.file("log.sqlite"))
        for index in 0..<events {
            try log.append([event("relation/P\(index % 4)", "MeetingHeld", #"{"quote":"Xi Jinping met Ilham Aliyev","n":\#(index)}"#)])
        }
        return log
    }

    @Test func changingOnePayloadByteIsNamedAtItsSeq() throws {
        let directory = TemporaryDirectory()
        let log = try makeLog(directory)
        #expect(rawExecute(log.path, "DROP TRIGGER events_no_update").code == SQLITE_OK)
        #expect(rawExecute(log.path, "UPDATE events SET payload = replace(payload, 'Aliyev', 'Aliyeu') WHERE seq = 17").code == SQLITE_OK)
        let report = try log.verify()
        #expect(report.problem?.seq == 17)
        #expect(report.problem?.reason.contains("payload") == true)
    }

    @Test func flippingAnyColumnIsNamedAtItsSeq() throws {
        let directory = TemporaryDirectory()
        let log = try makeLog(directory, events: 12)
        #expect(rawExecute(log.path, "DROP TRIGGER events_no_update").code == SQLITE_OK)
        try log.checkpointWAL()
        let edits = [
            (3, "UPDATE events SET stream = 'relation/XX' WHERE seq = 3"),
            (5, "UPDATE events SET valid_on = '2025-04-24' WHERE seq = 5"),
            (7, "UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE seq = 7"),
            (9, "UPDATE events SET type = 'MeetingCancelled' WHERE seq = 9"),
        ]
        for (seq, sql) in edits {
            let copy = directory.file("copy\(seq).sqlite")
            try FileManager.default.copyItem(atPath: log.path, toPath: copy)
            #expect(rawExecute(copy, sql).code == SQLITE_OK)
            let report = try EventLog(path: copy, access: .readOnly).verify()
            #expect(report.problem?.seq == Int64(seq), "\(sql): \(String(describing: report.problem))")
        }
    }

    @Test func deletingAMiddleRowIsNamedAsAGap() throws {
        let directory = TemporaryDirectory()
        let log = try makeLog(directory)
        #expect(rawExecute(log.path, "DROP TRIGGER events_no_delete").code == SQLITE_OK)
        #expect(rawExecute(log.path, "DELETE FROM events WHERE seq = 12").code == SQLITE_OK)
        let report = try log.verify()
        #expect(report.problem?.seq == 13)
        #expect(report.problem?.reason.contains("gap") == true)
    }

    @Test func cuttingTheTailIsCaughtOnlyAgainstAnAnchor() throws {
        let directory = TemporaryDirectory()
        let log = try makeLog(directory)
        let anchor = try #require(try log.head())
        #expect(rawExecute(log.path, "DROP TRIGGER events_no_delete").code == SQLITE_OK)
        #expect(rawExecute(log.path, "DELETE FROM events WHERE seq > 25").code == SQLITE_OK)
        #expect(try log.verify().isValid, "a bare chain cannot see its tail cut")
        let report = try log.verify(expect: anchor)
        #expect(report.problem?.reason.contains("cut off") == true)
    }
}
