import Foundation
import Testing
import AnnalsLog

struct OpeningTests {
    @Test func aFileThatIsNotSQLiteIsRefusedAndUntouched() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("notes.sqlite")
        let bytes = Data("these are my notes, not a database\n".utf8 + Array(repeating: 0x41, count: 200))
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: LogError.notADatabase(path: path)) { try EventLog(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func anotherProgramsSQLiteFileIsRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("other.sqlite")
        _ = rawExecute(path, "CREATE TABLE contacts (name TEXT)")
        #expect(throws: LogError.notADatabase(path: path)) { try EventLog(path: path) }
    }

    @Test func aNewerSchemaIsRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("log.sqlite")
        _ = try EventLog(path: path)
        _ = rawExecute(path, "INSERT INTO schema_migrations VALUES ('2099-01-01-future', 'x')")
        #expect(throws: LogError.newerSchema(path: path, unknown: ["2099-01-01-future"])) { try EventLog(path: path) }
    }

    /// A writer creates the file (0600, empty) before SQLite initialises and migrates it in one
    /// transaction; a reader arriving in between sees no tables. That is "no log yet", not damage
    /// (found by scripts/concurrent-readers-test: queries started with the daemon said "damaged").
    @Test(arguments: [false, true])
    func anEmptyDatabaseIsNoLogYetToReaders(initialised: Bool) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("log.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        if initialised { _ = rawExecute(path, "PRAGMA journal_mode = WAL") }
        #expect(throws: LogError.missing(path: path)) { try EventLog(path: path, access: .readOnly) }
    }

    @Test func aMissingFileIsReportedToReaders() {
        let path = "/nonexistent-annals/log.sqlite"
        #expect(throws: LogError.missing(path: path)) { try EventLog(path: path, access: .readOnly) }
    }

    @Test func migrationsAreRecordedOnceAndTheFileIsPrivate() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("log.sqlite")
        _ = try EventLog(path: path)
        let log = try EventLog(path: path)
        #expect(try log.appliedMigrations() == LogSchema.migrations.map(\.id))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aSecondWriterWaitsThenFailsClearly() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("log.sqlite")
        let first = try EventLog(path: path)
        let second = try EventLog(path: path, options: .init(busyTimeoutMilliseconds: 50))
        try first.writeTransaction {
            _ = try first.insert([event("a")], expecting: [:])
            #expect(throws: LogError.writerBusy(path: path, waitedMilliseconds: 50)) { try second.append([event("b")]) }
        }
        #expect(try second.append([event("b")]).first?.seq == 2)
    }
}
