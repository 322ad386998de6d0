/// The read models the `Projector` keeps, each with the version of the code that builds it.
///
/// Bump a version when a change to the code changes the rows it writes: at the next open, the
/// projection is rebuilt from the log (or, for the models derived from `facts`, from that table).
public enum ProjectionName: String, Sendable, CaseIterable, Comparable {
    case facts, sources, relations, meetings, documents, people

    /// The version of the code that writes this projection's rows.
    public var version: Int64 {
        switch self {
        case .facts: return 1
        case .sources: return 1
        case .relations: return 1
        case .meetings: return 1
        case .documents: return 1
        case .people: return 1
        }
    }

    /// The version stored for this projection when built with `ranking`: the code version, and
    /// for `relations` the ranking's fingerprint too (a new ranking rebuilds the ladders).
    public func version(ranking: LevelRanking) -> Int64 {
        self == .relations ? version * 1_000_000 + ranking.fingerprint : version
    }

    /// The tables holding this projection's rows, each with its key columns (the digest's sort order).
    public var tables: [(name: String, key: String)] {
        switch self {
        case .facts: return [("facts", "seq")]
        case .sources: return [("sources", "name")]
        case .relations: return [("relations", "pair"), ("relation_steps", "pair, step")]
        case .meetings: return [("meetings", "corroboration_key, ordinal"),
                                ("meeting_participants", "corroboration_key, ordinal, position")]
        case .documents: return [("documents", "corroboration_key, ordinal")]
        case .people: return [("people", "person_key"), ("person_appearances", "seq, person_key")]
        }
    }

    /// True for the projections folded from events directly; the others derive from `facts`.
    public var isBase: Bool { self == .facts || self == .sources }

    public static func < (lhs: ProjectionName, rhs: ProjectionName) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
