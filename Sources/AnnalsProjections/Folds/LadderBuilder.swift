/// Walks partnership claims in valid-time order into a ladder: the one place the ladder rules live.
///
/// An established level different from the last step's makes a new step, called an upgrade or
/// downgrade by the ranking; the same level again adds the readout to the step's sources when
/// on the same day, else changes nothing. A referenced level confirms the ladder without a step,
/// except that it seeds an empty one. Starting from an existing ladder continues the walk, which
/// is how the `Projector` appends claims dated after every claim it has seen.
public struct LadderBuilder: Sendable {
    public private(set) var ladder: [LadderStep]
    public let ranking: LevelRanking

    public init(ladder: [LadderStep] = [], ranking: LevelRanking = .standard) {
        self.ladder = ladder
        self.ranking = ranking
    }

    /// The order claims are walked in: date, then established before referenced, then seq.
    public static func precedes(_ a: PartnershipClaim, _ b: PartnershipClaim) -> Bool {
        if a.date != b.date { return a.date < b.date }
        let aRef = a.action == "referenced", bRef = b.action == "referenced"
        if aRef != bRef { return !aRef }
        return a.seq < b.seq
    }

    /// Adds the next claim in walk order.
    public mutating func add(_ claim: PartnershipClaim) {
        if let last = ladder.last, last.level == claim.level {
            if claim.action != "referenced", last.since == claim.date, !last.sources.contains(claim.source) {
                ladder[ladder.count - 1].sources = (last.sources + [claim.source]).sorted()
            }
            return
        }
        if claim.action == "referenced" && !ladder.isEmpty { return }
        let change: String
        if let last = ladder.last {
            let from = ranking.rank(last.level), to = ranking.rank(claim.level)
            change = from == 0 || to == 0 || from == to ? "change" : (to > from ? "upgrade" : "downgrade")
        } else {
            change = claim.action == "referenced" ? "referenced" : "established"
        }
        ladder.append(LadderStep(level: claim.level, since: claim.date, source: claim.source, fact: claim.fact,
                                 seq: claim.seq, change: change, sources: [claim.source]))
    }

    /// Takes a claim that sorts before the end of the walk, when the ladder already accounts for
    /// it: a referenced level with a step before it, or the level of the step in force at its
    /// place (then only that step's sources may grow). False, changing nothing, otherwise.
    public mutating func absorbEarlier(_ claim: PartnershipClaim) -> Bool {
        let key = { (step: LadderStep) in
            PartnershipClaim(seq: step.seq, fact: step.fact, source: step.source, date: step.since, level: step.level,
                             action: step.change == "referenced" ? "referenced" : "established")
        }
        guard let index = ladder.lastIndex(where: { LadderBuilder.precedes(key($0), claim) }) else { return false }
        if claim.action == "referenced" { return true }
        guard ladder[index].level == claim.level else { return false }
        if ladder[index].since == claim.date && !ladder[index].sources.contains(claim.source) {
            ladder[index].sources = (ladder[index].sources + [claim.source]).sorted()
        }
        return true
    }
}
