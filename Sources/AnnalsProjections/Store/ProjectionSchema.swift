import AnnalsLog

/// The read models' tables, created by named migrations after the log's own, in the same file.
///
/// Every table is documented in `docs/read-models.md`. List-valued columns hold compact JSON
/// arrays (`["AZ","CN"]`), so `json_each` joins them in the `sqlite3` shell.
public enum ProjectionSchema {
    /// Pass these as `EventLog.Options(extraMigrations:)` when opening the log for writing.
    public static let migrations: [Migration] = [
        Migration(id: "2026-11-27-proj-1-read-models", sql: """
            CREATE TABLE projection_positions (
                projection TEXT PRIMARY KEY,
                version    INTEGER NOT NULL,
                position   INTEGER NOT NULL
            );

            CREATE TABLE facts (
                seq               INTEGER PRIMARY KEY,
                fact_id           TEXT    NOT NULL,
                fact_type         TEXT    NOT NULL,
                event_type        TEXT    NOT NULL,
                source            TEXT    NOT NULL,
                valid_on          TEXT,
                pair              TEXT,
                corroboration_key TEXT,
                level             TEXT,
                action            TEXT,
                summary           TEXT    NOT NULL,
                live              INTEGER NOT NULL,
                ended_by          INTEGER
            );
            CREATE INDEX facts_by_source ON facts (source, live);

            CREATE TABLE sources (
                name        TEXT PRIMARY KEY,
                sha256      TEXT    NOT NULL,
                size        INTEGER NOT NULL,
                state       TEXT    NOT NULL,
                published   TEXT,
                arrived_seq INTEGER NOT NULL,
                arrived_at  TEXT    NOT NULL,
                last_seq    INTEGER NOT NULL,
                content_seq INTEGER NOT NULL,
                facts       INTEGER NOT NULL
            );
            CREATE INDEX sources_by_state ON sources (state);

            CREATE TABLE relations (
                pair     TEXT PRIMARY KEY,
                party_a  TEXT    NOT NULL,
                party_b  TEXT    NOT NULL,
                level    TEXT    NOT NULL,
                since    TEXT    NOT NULL,
                source   TEXT    NOT NULL,
                fact_id  TEXT    NOT NULL,
                steps    INTEGER NOT NULL,
                last_claim_on TEXT NOT NULL
            );

            CREATE TABLE relation_steps (
                pair     TEXT    NOT NULL,
                step     INTEGER NOT NULL,
                level    TEXT    NOT NULL,
                since    TEXT    NOT NULL,
                change   TEXT    NOT NULL,
                source   TEXT    NOT NULL,
                fact_id  TEXT    NOT NULL,
                seq      INTEGER NOT NULL,
                sources  TEXT    NOT NULL,
                PRIMARY KEY (pair, step)
            );

            CREATE TABLE meetings (
                corroboration_key TEXT    NOT NULL,
                ordinal           INTEGER NOT NULL,
                meeting_id        TEXT    NOT NULL,
                date              TEXT,
                format            TEXT,
                city              TEXT,
                venue             TEXT,
                time_of_day       TEXT,
                occasion          TEXT,
                participants      TEXT    NOT NULL,
                countries         TEXT    NOT NULL,
                sources           TEXT    NOT NULL,
                fact_ids          TEXT    NOT NULL,
                first_seq         INTEGER NOT NULL,
                PRIMARY KEY (corroboration_key, ordinal)
            );
            CREATE INDEX meetings_by_date ON meetings (date);
            CREATE INDEX meetings_by_id ON meetings (meeting_id);

            CREATE TABLE meeting_participants (
                corroboration_key TEXT    NOT NULL,
                ordinal           INTEGER NOT NULL,
                position          INTEGER NOT NULL,
                name              TEXT    NOT NULL,
                country           TEXT,
                title             TEXT,
                PRIMARY KEY (corroboration_key, ordinal, position)
            );
            CREATE INDEX meeting_participants_by_country ON meeting_participants (country);

            CREATE TABLE documents (
                corroboration_key TEXT    NOT NULL,
                ordinal           INTEGER NOT NULL,
                document_id       TEXT    NOT NULL,
                kind              TEXT,
                parties           TEXT    NOT NULL,
                date              TEXT,
                count             INTEGER,
                count_qualifier   TEXT,
                title             TEXT,
                fields            TEXT    NOT NULL,
                signed_by         TEXT,
                sources           TEXT    NOT NULL,
                fact_ids          TEXT    NOT NULL,
                first_seq         INTEGER NOT NULL,
                PRIMARY KEY (corroboration_key, ordinal)
            );
            CREATE INDEX documents_by_date ON documents (date);
            CREATE INDEX documents_by_id ON documents (document_id);

            CREATE TABLE person_appearances (
                seq        INTEGER NOT NULL,
                person_key TEXT    NOT NULL,
                name       TEXT    NOT NULL,
                country    TEXT,
                title      TEXT,
                date       TEXT,
                role       TEXT    NOT NULL,
                fact_type  TEXT    NOT NULL,
                fact_id    TEXT    NOT NULL,
                source     TEXT    NOT NULL,
                summary    TEXT    NOT NULL,
                PRIMARY KEY (seq, person_key)
            );
            CREATE INDEX person_appearances_by_source ON person_appearances (source);

            CREATE TABLE people (
                person_key  TEXT PRIMARY KEY,
                name        TEXT    NOT NULL,
                countries   TEXT    NOT NULL,
                appearances INTEGER NOT NULL,
                first_date  TEXT,
                last_date   TEXT
            );
            """),
        // `meetings --between A B` starts from one country's principals and asks, for each of
        // their meetings, whether the other country took part: with the key in the index both
        // steps read the index alone (a pair lookup at 100k readouts read ~1,100 pages through
        // the table rows; now a few dozen).
        Migration(id: "2026-11-27-proj-2-participants-by-country-and-meeting", sql: """
            DROP INDEX IF EXISTS meeting_participants_by_country;
            CREATE INDEX meeting_participants_by_country ON meeting_participants (country, corroboration_key, ordinal);
            """),
    ]

    /// Indexes that a full rebuild drops and builds once at the end (see `Projector`); created
    /// with `IF NOT EXISTS` whenever a projector opens a writable store, so they always exist.
    public static let bulkIndexes: [(name: String, sql: String)] = [
        ("facts_by_fact_id", "CREATE INDEX IF NOT EXISTS facts_by_fact_id ON facts (fact_id)"),
        ("facts_by_pair", "CREATE INDEX IF NOT EXISTS facts_by_pair ON facts (pair, valid_on) WHERE pair IS NOT NULL"),
        ("facts_by_corroboration_key",
         "CREATE INDEX IF NOT EXISTS facts_by_corroboration_key ON facts (corroboration_key) WHERE corroboration_key IS NOT NULL"),
        ("person_appearances_by_person", "CREATE INDEX IF NOT EXISTS person_appearances_by_person ON person_appearances (person_key, date)"),
    ]
}
