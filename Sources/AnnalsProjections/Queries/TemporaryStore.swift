import AnnalsLog
import Foundation

/// A throwaway database file holding read models rebuilt from a prefix of the log.
final class TemporaryStore {
    let path: String
    let database: Database

    init(log: EventLog, through seq: Int64, ranking: LevelRanking) throws {
        path = NSTemporaryDirectory() + "annals-readmodels-\(UUID().uuidString).sqlite"
        database = try Database(path: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        let projector = try Projector(log: log, store: database, ranking: ranking)
        try projector.catchUp(through: seq)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
