/// Errors of the read models.
public enum ProjectionError: Error, Sendable, CustomStringConvertible {
    /// The database lacks the read-model tables (opened without `ProjectionSchema.migrations`).
    case notMigrated(path: String)

    public var description: String {
        switch self {
        case let .notMigrated(path):
            return "\(path) has no read-model tables; open the log with ProjectionSchema.migrations (any `annals` write does)"
        }
    }
}
