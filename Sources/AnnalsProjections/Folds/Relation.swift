/// How a pair of countries stands: its current level, since when, and the ladder that led there.
public struct Relation: Sendable, Equatable {
    /// The two ISO codes, sorted.
    public var parties: [String]
    public var ladder: [LadderStep]

    /// `AZ-CN`.
    public var pair: String { parties.joined(separator: "-") }
    /// The current level: the last step's.
    public var level: String? { ladder.last?.level }
    /// When the current level was reached.
    public var since: String? { ladder.last?.since }

    public init(parties: [String], ladder: [LadderStep]) {
        self.parties = parties
        self.ladder = ladder
    }

    /// Derives a pair's ladder from its live claims with `LadderBuilder`, walking them in
    /// valid-time order; claims after `asOf` (a date) are left out. Nil when no claim makes a step.
    public static func derive(parties: [String], claims: [PartnershipClaim], ranking: LevelRanking = .standard,
                              asOf: String? = nil) -> Relation? {
        var builder = LadderBuilder(ranking: ranking)
        for claim in claims.sorted(by: LadderBuilder.precedes) {
            if let asOf, claim.date > asOf { continue }
            builder.add(claim)
        }
        return builder.ladder.isEmpty ? nil : Relation(parties: parties, ladder: builder.ladder)
    }
}
