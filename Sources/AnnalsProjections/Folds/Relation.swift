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

    /// Derives a pair's ladder from its live claims, in valid-time order (date, then established
    /// before referenced, then seq).
    ///
    /// An established level different from the last step's makes a new step, called an upgrade
    /// or downgrade by `ranking`; the same level again (another readout, a later reaffirmation) adds
    /// the readout to the step's sources when on the same day, else changes nothing. A referenced
    /// level confirms the ladder without a step, except that it seeds an empty one.
    /// Claims after `asOf` (a date) are left out.
    public static func derive(parties: [String], claims: [PartnershipClaim], ranking: LevelRanking = .standard,
                              asOf: String? = nil) -> Relation? {
        let ordered = claims
            .filter { asOf == nil || $0.date <= asOf! }
            .sorted { a, b in
                if a.date != b.date { return a.date < b.date }
                let aRef = a.action == "referenced", bRef = b.action == "referenced"
                if aRef != bRef { return !aRef }
                return a.seq < b.seq
            }
        var ladder: [LadderStep] = []
        for claim in ordered {
            if let last = ladder.last, last.level == claim.level {
                if claim.action != "referenced", last.since == claim.date, !last.sources.contains(claim.source) {
                    ladder[ladder.count - 1].sources = (last.sources + [claim.source]).sorted()
                }
                continue
            }
            if claim.action == "referenced" && !ladder.isEmpty { continue }
            let change: String
            if let last = ladder.last {
                let from = ranking.rank(last.level), to = ranking.rank(claim.level)
                change = from == 0 || to == 0 ? "change" : (to > from ? "upgrade" : (to < from ? "downgrade" : "change"))
            } else {
                change = claim.action == "referenced" ? "referenced" : "established"
            }
            ladder.append(LadderStep(level: claim.level, since: claim.date, source: claim.source, fact: claim.fact,
                                     seq: claim.seq, change: change, sources: [claim.source]))
        }
        return ladder.isEmpty ? nil : Relation(parties: parties, ladder: ladder)
    }
}
