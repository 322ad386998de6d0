/// The order of the canonical partnership levels of FACTS.md, lowest first, so a step of a
/// relation's ladder can be called an upgrade or a downgrade.
///
/// The extractor's lexicon (`config/lexicon`) will hold this ranking; until this branch can read
/// it, the table below is the default and `LevelRanking(ranks:)` takes any `[String: Int]`
/// (for instance one loaded from the lexicon) to override it. Unknown levels rank 0.
public struct LevelRanking: Sendable, Equatable {
    /// Level name → rank; higher is closer.
    public let ranks: [String: Int]

    public init(ranks: [String: Int]) { self.ranks = ranks }

    /// The rank of `level`, 0 when the table does not know it.
    public func rank(_ level: String) -> Int { ranks[level] ?? 0 }

    /// A stable number from 0 to 999 999 identifying the table, so read models built with
    /// another ranking are noticed and rebuilt (FNV-1a over the sorted `level=rank` lines).
    public var fingerprint: Int64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for line in ranks.map({ "\($0.key)=\($0.value)\n" }).sorted() {
            for byte in line.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100000001b3
            }
        }
        return Int64(hash % 1_000_000)
    }

    /// FACTS.md's canonical levels in order.
    public static let canonicalOrder: [String] = [
        "partnership", "friendly partnership", "cooperative partnership", "comprehensive partnership",
        "friendly cooperative partnership", "comprehensive cooperative partnership",
        "comprehensive friendly cooperative partnership", "strategic partnership",
        "strategic cooperative partnership", "comprehensive strategic partnership",
        "comprehensive strategic cooperative partnership", "all-round strategic partnership",
        "all-round strategic cooperative partnership", "permanent comprehensive strategic partnership",
        "all-weather strategic cooperative partnership", "all-weather comprehensive strategic partnership",
        "comprehensive strategic partnership of coordination", "community with a shared future",
    ]

    /// The built-in ranking: position in `canonicalOrder`, from 1.
    public static let standard = LevelRanking(ranks: Dictionary(
        uniqueKeysWithValues: canonicalOrder.enumerated().map { ($0.element, $0.offset + 1) }))
}
