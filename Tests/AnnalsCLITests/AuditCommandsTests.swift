import Foundation
import Testing

/// export/import, replay, checkpoints and redaction, end to end.
@Suite(.serialized)
struct AuditCommandsTests {
    @Test func exportThenImportGivesTheSameHeadAndTheSameState() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        let export = try annals.run("export", "--format", "jsonl", "--out", "log.jsonl")
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try annals.run("import", "log.jsonl", "--db", "copy.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try annals.run("verify").stdout
        let copy = try annals.run("verify", "--db", "copy.sqlite").stdout
        #expect(original == copy)
        let replayOriginal = try annals.run("replay", "--json").stdout
        let replayCopy = try annals.run("replay", "--json", "--db", "copy.sqlite").stdout
        func overall(_ text: String) -> String? {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["overall"] as? String
        }
        #expect(overall(replayOriginal) != nil)
        #expect(overall(replayOriginal) == overall(replayCopy))
    }

    @Test func anEditedExportIsRefusedAtItsFirstBadLine() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        try annals.run("export", "--out", "log.jsonl")
        var lines = try String(contentsOfFile: annals.path("log.jsonl"), encoding: .utf8).split(separator: "\n").map(String.init)
        let edited = try #require(lines.indices.last { lines[$0].contains("\"type\":\"MeetingHeld\"") })
        lines[edited] = lines[edited].replacingOccurrences(of: "Aliyev", with: "Aliyeu")
        try annals.write("edited.jsonl", lines.joined(separator: "\n") + "\n")
        let result = try annals.run("import", "edited.jsonl", "--db", "copy.sqlite")
        #expect(result.status == 1)
        #expect(result.stderr.contains("line \(edited + 1)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: annals.path("copy.sqlite")))
    }

    @Test func replayMatchesAndThenNamesAProjectionChangedByHand() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        #expect(try annals.run("replay").status == 0)
        let db = annals.path("annals.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3; c=sqlite3.connect('\(db)'); c.execute(\"UPDATE meetings SET city='Nowhere'\"); c.commit()"]
        try process.run()
        process.waitUntilExit()
        let replay = try annals.run("replay")
        #expect(replay.status == 1)
        #expect(replay.stdout.contains("meetings"))
    }

    @Test func redactionErasesTheTextEverywhereAndTheLogStillVerifies() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("in"), withIntermediateDirectories: true)
        let secret = "The confidential annex names the negotiator Zorbel Quintavalle."
        try annals.write("in/memo.txt", """
            date 2025-05-02
            On May 1, 2025, President Xi Jinping held talks with Azerbaijani President Ilham Aliyev in Beijing.
            \(secret)
            """)
        try annals.copySeeds(to: "in")
        try annals.run("ingest", "in")
        let memoFact = try #require(try annals.run("log", "--json").stdout.split(separator: "\n").compactMap { line -> String? in
            guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  row["type"] as? String == "MeetingHeld", let payload = row["payload"] as? String,
                  payload.contains("memo.txt"),
                  let fact = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] else { return nil }
            return fact["id"] as? String
        }.first)
        let dry = try annals.run("redact", "memo.txt", "--reason", "dropped by mistake", "--dry-run")
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would erase"))
        let redact = try annals.run("redact", "memo.txt", "--reason", "dropped by mistake", "--by", "auditor", "--yes")
        #expect(redact.status == 0, "\(redact.stderr)")

        let verify = try annals.run("verify")
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("redacted"))
        #expect(try annals.run("replay").status == 0)
        let export = try annals.run("export").stdout
        #expect(!export.contains("Quintavalle"))
        for suffix in ["", "-wal", "-shm"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: annals.path("annals.sqlite" + suffix)))) ?? Data()
            #expect(bytes.range(of: Data("Quintavalle".utf8)) == nil, "annals.sqlite\(suffix) still holds the text")
        }
        // The same bytes are not taken in again.
        let again = try annals.run("ingest", "in")
        #expect(again.stdout.contains("skipped memo.txt: these bytes were redacted"))
        let log = try annals.run("log").stdout
        #expect(log.contains("(redacted)"))
        let explain = try annals.run("explain", memoFact)
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("redacted on "), "\(explain.stdout)")
        #expect(explain.stdout.contains("by auditor: dropped by mistake"))
    }
}
