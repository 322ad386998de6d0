import AnnalsLog
import AnnalsProjections
import ArgumentParser
import Foundation

/// `--db FILE`: the database the query commands read. Default: `$ANNALS_DB`, else
/// `./annals.sqlite`. The one place that decides it, so a shared config loader can replace it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The Annals database (default: $ANNALS_DB, else log.database in config/annals.toml, else ./annals.sqlite).")
    var path: String?

    /// The path to open: the flag, else ANNALS_DB, else config/annals.toml, else annals.sqlite.
    var resolvedPath: String {
        (try? Settings.load(database: path).databasePath) ?? path ?? "annals.sqlite"
    }

    /// Opens the log read-only, knowing the read models' schema.
    func openForReading() throws -> EventLog {
        try ProjectedLog.openForReading(path: resolvedPath)
    }
}
