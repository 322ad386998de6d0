/// Named, forward-only schema migrations, applied at open in one transaction and recorded in
/// `schema_migrations`, so a database says which Annals wrote it and an older build refuses a
/// newer file instead of misreading it.
public struct Migration: Sendable {
    /// A stable identifier, recorded once applied; never rename one that has shipped.
    public let id: String
    /// The SQL that performs it.
    public let sql: String

    public init(id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Applies migrations in order, each exactly once.
public struct Migrator: Sendable {
    public private(set) var migrations: [Migration] = []

    public init(_ migrations: [Migration] = []) { self.migrations = migrations }

    /// Adds a migration after the ones already registered.
    public mutating func register(_ migration: Migration) { migrations.append(migration) }

    /// The ids applied to `database`, in order.
    public static func appliedIDs(in database: Database) throws -> [String] {
        let exists = try database.integer(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists > 0 else { return [] }
        return try database.rows("SELECT id FROM schema_migrations ORDER BY rowid") { $0.string(0) ?? "" }
    }

    /// Ids the database has that this build does not know (a newer Annals wrote it).
    public func unknownIDs(in database: Database) throws -> [String] {
        let known = Set(migrations.map(\.id))
        return try Migrator.appliedIDs(in: database).filter { !known.contains($0) }
    }

    /// Applies the pending migrations in one IMMEDIATE transaction; returns the ids applied now.
    @discardableResult
    public func migrate(_ database: Database, now: String) throws -> [String] {
        try database.transaction {
            try database.execute("CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            let applied = Set(try Migrator.appliedIDs(in: database))
            var ran: [String] = []
            for migration in migrations where !applied.contains(migration.id) {
                try database.execute(migration.sql)
                try database.cachedStatement(sql: "INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)")
                    .execute([.text(migration.id), .text(now)])
                ran.append(migration.id)
            }
            return ran
        }
    }
}
