import CSQLite
import Foundation
import Testing

/// `ingest`, `log`, `verify`, `status`, `checkpoint` as a user runs them.
@Suite(.serialized)
struct LogCommandsTests {
    @Test func ingestingTheSeedsTwiceAppendsNothingTheSecondTime() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        let first = try annals.run("ingest", "seeds")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("ingested 2, unchanged 0, skipped 0\n"))
        let events = try annals.run("log", "--json").stdout.split(separator: "\n").count
        let second = try annals.run("ingest", "seeds")
        #expect(second.stdout == "ingested 0, unchanged 2, skipped 0\n")
        #expect(try annals.run("log", "--json").stdout.split(separator: "\n").count == events)
    }

    @Test func badFilesAreSkippedWithTheirReasonAndTheGoodOneLands() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds(to: "in")
        try FileManager.default.removeItem(atPath: annals.path("in/002_f615c0baa5c69549.txt"))
        try annals.write("in/empty.txt", "")
        try Data([0x41, 0x42, 0x43, 0x00, 0x44]).write(to: URL(fileURLWithPath: annals.path("in/binary.txt")))
        try Data(Array("President".utf8) + [0xE9, 0x20, 0x41]).write(to: URL(fileURLWithPath: annals.path("in/latin1.txt")))
        try FileManager.default.createDirectory(atPath: annals.path("in/folder.txt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: annals.path("in/link.txt"), withDestinationPath: "/etc/hostname")
        let result = try annals.run("ingest", "in")
        #expect(result.status == 1)
        try expectGolden("ingest-bad-files.txt", result.stdout)
        #expect(try annals.run("verify").status == 0)
    }

    @Test func logPrintsEveryColumnAsJSONLines() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        let lines = try annals.run("log", "--json", "--limit", "3").stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(first.keys) == ["seq", "stream", "stream_version", "type", "schema", "valid_on", "recorded_at",
                                    "payload", "payload_sha256", "prev_hash", "hash"])
        #expect(first["type"] as? String == "SourceAdded")
        #expect((first["hash"] as? String)?.count == 64)
        let table = try annals.run("log", "--since", "1", "--limit", "1").stdout
        #expect(table.split(separator: "\n").count == 2)
        #expect(table.contains("seq"))
    }

    @Test func verifyPassesThenNamesATamperedSeq() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        let ok = try annals.run("verify")
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("ok: "))
        let checkpoint = try annals.run("checkpoint").stdout.split(separator: "\n")[0]
        #expect(try annals.run("verify", "--expect", String(checkpoint)).status == 0)

        var db: OpaquePointer?
        sqlite3_open(annals.path("annals.sqlite"), &db)
        sqlite3_exec(db, "DROP TRIGGER events_no_update; UPDATE events SET payload = replace(payload, 'Aliyev', 'Aliyeu') WHERE seq = 3", nil, nil, nil)
        sqlite3_close(db)
        let bad = try annals.run("verify")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("seq 3"))
    }

    @Test func statusDescribesTheDatabase() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        let status = try annals.run("status")
        #expect(status.status == 0)
        for label in ["database:", "events:", "head:", "schema:", "size:"] { #expect(status.stdout.contains(label)) }
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        let annals = try AnnalsBinary()
        try annals.write("notes.txt", "my notes, not a database\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: annals.path("notes.txt")))
        for command in [["verify"], ["ingest", "notes.txt"], ["status"]] {
            let result = try annals.run(arguments: command + ["--db", "notes.txt"])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("notes.txt is not an Annals database"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: annals.path("notes.txt"))) == before)
        let missing = try annals.run("log", "--db", "nowhere.sqlite")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no database at nowhere.sqlite"))
    }

    @Test func unknownFlagsAndCommandsGetUsage() throws {
        let annals = try AnnalsBinary()
        let flag = try annals.run("log", "--frobnicate")
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("Unknown option '--frobnicate'"))
        let command = try annals.run("frobnicate")
        #expect(command.status == 64)
    }
}
