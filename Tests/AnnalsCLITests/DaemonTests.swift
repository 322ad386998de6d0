import CSQLite
import Foundation
import Testing

/// The daemon on a temporary folder: live drops, edits, deletes, restarts and signals.
@Suite(.serialized)
struct DaemonTests {
    /// A readout with one meeting, written so the extractor finds it.
    static func readout(day: Int, guest: String = "Ilham Aliyev", extra: String = "") -> String {
        """
        date 2025-05-\(String(format: "%02d", day + 1))
        On May \(day), 2025, President Xi Jinping held talks with Azerbaijani President \(guest) in Beijing.

        The two heads of state announced the establishment of a comprehensive strategic partnership between China and Azerbaijan.
        \(extra)
        """
    }

    func drop(_ annals: AnnalsBinary, _ name: String, _ text: String) throws {
        // Written under a hidden temporary name, then renamed in: what careful tools do.
        try annals.write("watched/.\(name).tmp", text)
        #expect(rename(annals.path("watched/.\(name).tmp"), annals.path("watched/\(name)")) == 0)
    }

    func meetings(_ annals: AnnalsBinary) throws -> [[String: Any]] {
        let result = try annals.run("meetings", "--json")
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    func sources(_ annals: AnnalsBinary) throws -> [[String: Any]] {
        let result = try annals.run("sources", "--json")
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func dropEditDeleteAreFollowedLiveWithoutRewritingHistory() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        let daemon = try annals.start("daemon", "--watch", "watched", "--settle", "20")
        #expect(annals.waitFor { FileManager.default.fileExists(atPath: annals.path("annals.sqlite")) })

        try drop(annals, "a.txt", Self.readout(day: 5, extra: "Cai Qi and Wang Yi, among others, were present at the talks."))
        #expect(try annals.waitFor { try meetings(annals).contains { ($0["date"] as? String) == "2025-05-05" } }, "\(daemon.log)")
        let before = try annals.run("log", "--json").stdout.split(separator: "\n").count

        // Edit: the attendance sentence goes; its fact is retracted, the old one stays in the log.
        try drop(annals, "a.txt", Self.readout(day: 5))
        #expect(try annals.waitFor {
            try sources(annals).contains { ($0["name"] as? String) == "a.txt" && ($0["state"] as? String) == "revised" }
        }, "\(daemon.log)")
        let log = try annals.run("log", "--json").stdout
        #expect(log.contains("\"type\":\"FactRetracted\""))
        #expect(log.contains("Wang Yi"), "the retracted fact is still in the log")
        #expect(log.split(separator: "\n").count > before)
        let lastBeforeDelete = log.split(separator: "\n").count

        try FileManager.default.removeItem(atPath: annals.path("watched/a.txt"))
        #expect(try annals.waitFor {
            try sources(annals).contains { ($0["name"] as? String) == "a.txt" && ($0["state"] as? String) == "withdrawn" }
        }, "\(daemon.log)")
        #expect(try meetings(annals).isEmpty)
        let past = try annals.run("meetings", "--json", "--known-at", String(lastBeforeDelete))
        #expect(past.stdout.contains("2025-05-05"))

        #expect(daemon.stop() == 0, "SIGTERM exits 0: \(daemon.log)")
        #expect(try annals.run("verify").status == 0)
    }

    @Test func aFileStillChangingWhenReadIsRecordedOnceItSettlesWithNoFurtherEvent() throws {
        // Written in place, then its modification time kept fresh for a while (as a slow writer
        // would): the daemon must come back to it by itself once it is quiet, not wait for some
        // other change in the folder to wake it.
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        let daemon = try annals.start("daemon", "--watch", "watched", "--settle", "100")
        #expect(annals.waitFor { daemon.log.contains("watching") })
        try annals.write("watched/slow.txt", Self.readout(day: 7))
        for _ in 0..<12 {
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: annals.path("watched/slow.txt"))
            usleep(40_000)
        }
        #expect(try annals.waitFor(15) { try meetings(annals).contains { ($0["date"] as? String) == "2025-05-07" } }, "\(daemon.log)")
        #expect(daemon.stop() == 0, "SIGTERM exits 0: \(daemon.log)")
    }

    @Test func filesDroppedWhileStoppedAreReconciledAtStartUp() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        try annals.write("watched/one.txt", Self.readout(day: 6))
        #expect(try annals.run("daemon", "--watch", "watched", "--once").status == 0)
        try annals.write("watched/two.txt", Self.readout(day: 7, guest: "Mehriban Aliyeva"))
        try annals.write("watched/sub/three.txt", Self.readout(day: 8))
        try FileManager.default.moveItem(atPath: annals.path("watched/one.txt"), toPath: annals.path("watched/renamed.txt"))
        let once = try annals.run("daemon", "--watch", "watched", "--once")
        #expect(once.status == 0, "\(once.stderr)")
        #expect(once.stdout.contains("added 2"))
        #expect(once.stdout.contains("renamed 1"))
        let names = try sources(annals).filter { ($0["state"] as? String) != "withdrawn" }.compactMap { $0["name"] as? String }
        #expect(Set(names) == ["renamed.txt", "two.txt", "sub/three.txt"])
        #expect(try annals.run("daemon", "--watch", "watched", "--once").stdout.contains("added 0, revised 0, renamed 0, withdrawn 0, unchanged 3"))
    }

    @Test func aSecondDaemonOnTheSameDatabaseRefusesNamingTheFirst() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        let first = try annals.start("daemon", "--watch", "watched")
        #expect(annals.waitFor { first.log.contains("watching") })
        let second = try annals.run("daemon", "--watch", "watched")
        #expect(second.status == 1)
        #expect(second.stderr.contains("another annals daemon already runs"))
        #expect(second.stderr.contains("pid \(first.process.processIdentifier)"))
        #expect(first.stop(signal: SIGINT) == 0)
    }

    @Test func aDatabaseInsideTheWatchedFolderIsRefused() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        let result = try annals.run("daemon", "--watch", "watched", "--db", "watched/annals.sqlite", "--once")
        #expect(result.status == 2)
        #expect(result.stderr.contains("inside the watched folder"))
    }
}

/// The watched folder is a boundary: links are never followed.
@Suite(.serialized)
struct FolderBoundaryTests {
    @Test func symbolicLinksAreSkippedAndNothingOutsideTheFolderIsRead() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        try annals.write("outside.txt", DaemonTests.readout(day: 9, guest: "Outsider Person"))
        try annals.write("watched/inside.txt", DaemonTests.readout(day: 10))
        let daemon = try annals.start("daemon", "--watch", "watched", "--settle", "20")
        #expect(try annals.waitFor { try annals.run("sources", "--json").stdout.contains("inside.txt") })
        try FileManager.default.createSymbolicLink(atPath: annals.path("watched/out-link.txt"), withDestinationPath: annals.path("outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: annals.path("watched/in-link.txt"), withDestinationPath: annals.path("watched/inside.txt"))
        #expect(annals.waitFor { daemon.log.contains("skipped out-link.txt: symbolic link") && daemon.log.contains("skipped in-link.txt: symbolic link") },
                "\(daemon.log)")
        #expect(daemon.stop() == 0)
        let log = try annals.run("log", "--json").stdout
        #expect(!log.contains("Outsider"))
        #expect(!log.contains("link.txt"))
        let sources = try annals.run("sources", "--json").stdout
        #expect(sources.contains("inside.txt"))
    }
}

/// A database that is locked for a while costs the daemon nothing but time.
@Suite(.serialized)
struct DaemonRecoveryTests {
    @Test func aLockedDatabaseIsRetriedAndNothingDroppedMeanwhileIsLost() throws {
        let annals = try AnnalsBinary()
        try FileManager.default.createDirectory(atPath: annals.path("watched"), withIntermediateDirectories: true)
        let config = try String(contentsOfFile: AnnalsBinary.repository + "/config/annals.toml", encoding: .utf8)
            .replacingOccurrences(of: "busy_timeout_ms = 5000", with: "busy_timeout_ms = 100")
        try annals.write("annals.toml", config)
        let environment = ["ANNALS_CONFIG": annals.path("annals.toml")]
        let daemon = try annals.start("daemon", "--watch", "watched", "--settle", "20", environment: environment)
        #expect(annals.waitFor { daemon.log.contains("watching") }, "\(daemon.log)")

        // Another program takes the write lock and keeps it.
        var db: OpaquePointer?
        sqlite3_open(annals.path("annals.sqlite"), &db)
        #expect(sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
        try annals.write("watched/late.txt", DaemonTests.readout(day: 12))
        #expect(annals.waitFor { daemon.log.contains("could not record changes") }, "\(daemon.log)")
        sqlite3_exec(db, "COMMIT", nil, nil, nil)
        sqlite3_close(db)

        #expect(try annals.waitFor(15) { try annals.run("sources", "--json").stdout.contains("late.txt") }, "\(daemon.log)")
        #expect(daemon.process.isRunning)
        #expect(daemon.stop() == 0)
        #expect(try annals.run("verify").status == 0)
    }
}
