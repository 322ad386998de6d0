import AnnalsLog
import ArgumentParser
import Foundation

/// `annals status`: where the database is and what it holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the database path, event count, head, schema version, size on disk and the lexicon in use.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        do {
            let settings = try database.settings()
            let log = try openLog(settings, access: .readOnly)
            let head = try log.head()
            let migrations = try log.appliedMigrations()
            var size: Int64 = 0
            for suffix in ["", "-wal", "-shm"] {
                let attributes = try? FileManager.default.attributesOfItem(atPath: settings.databasePath + suffix)
                size += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            }
            output("database:  \(URL(fileURLWithPath: settings.databasePath).standardizedFileURL.path)")
            // The triggers make seqs gapless (each insert is last seq + 1; no delete), so the
            // head's seq is the count without scanning the table: `status` stays flat as the log
            // grows. `annals verify` is what proves the rows are all there.
            output("events:    \(head?.seq ?? 0)")
            output("head:      \(head.map { "\($0.seq):\($0.hash)" } ?? "none (empty log)")")
            if let recordedAt = head?.recordedAt { output("last write: \(recordedAt)") }
            output("schema:    \(migrations.count) migrations, latest \(migrations.last ?? "none")")
            output("size:      \(size) bytes (with -wal and -shm)")
            output("sqlite:    \(Database.sqliteVersion)")
            if let config = settings.configPath { output("config:    \(config)") }
            output("lexicon:   \(Vocabulary.source)")
        }
    }
}
