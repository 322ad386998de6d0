import AnnalsLog

/// Opening a log together with its read models: what every writer (ingest, the daemon) and
/// every query command does first.
public enum ProjectedLog {
    /// The log's options with the read models' migrations added.
    public static func options(_ base: EventLog.Options = EventLog.Options()) -> EventLog.Options {
        var options = base
        options.extraMigrations += ProjectionSchema.migrations
        return options
    }

    /// Opens (creating and migrating) a log for writing, with a projector caught up to its head.
    /// Append with `log.append(events, expecting:) { try projector.apply($0) }`.
    public static func openForWriting(path: String, options: EventLog.Options = EventLog.Options(),
                                      ranking: LevelRanking = .standard,
                                      progress: (Int64, Int64) -> Void = { _, _ in }) throws -> (EventLog, Projector) {
        let log = try EventLog(path: path, options: ProjectedLog.options(options))
        let projector = try Projector(log: log, ranking: ranking)
        try projector.catchUp(progress: progress)
        return (log, projector)
    }

    /// Opens a log read-only for queries (the read models' migrations are known, not applied).
    public static func openForReading(path: String) throws -> EventLog {
        try EventLog(path: path, access: .readOnly, options: ProjectedLog.options())
    }
}
