import AnnalsLog
import AnnalsProjections
import ArgumentParser
import Foundation

/// `--db FILE`: the database the query commands read. Default: `$ANNALS_DB`, else
/// `./annals.sqlite`. The one place that decides it, so a shared config loader can replace it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The Annals database (default: $ANNALS_DB, else ./annals.sqlite).")
    var path: String?

    /// The path to open.
    var resolvedPath: String {
        if let path { return path }
        if let env = ProcessInfo.processInfo.environment["ANNALS_DB"], !env.isEmpty { return env }
        return "annals.sqlite"
    }

    /// Opens the log read-only, knowing the read models' schema.
    func openForReading() throws -> EventLog {
        try ProjectedLog.openForReading(path: resolvedPath)
    }
}
