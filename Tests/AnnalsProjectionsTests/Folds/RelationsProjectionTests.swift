import AnnalsLog
import AnnalsProjections
import Testing

/// Given events, then the relations state.
struct RelationsProjectionTests {
    func fold(_ given: EventBuilder) -> RelationsProjection {
        given.fold(RelationsProjection()) { $0.apply($1) }
    }

    @Test func twoEstablishedLevelsMakeAnUpgradeLadder() throws {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.readout("002.txt", facts: [Gold.partnership("CN", "AZ", "comprehensive strategic partnership", "2025-04-23")])
        let relation = try #require(fold(given).relation("CN", "AZ"))
        #expect(relation.parties == ["AZ", "CN"])
        #expect(relation.level == "comprehensive strategic partnership")
        #expect(relation.since == "2025-04-23")
        #expect(relation.ladder.map(\.level) == ["strategic partnership", "comprehensive strategic partnership"])
        #expect(relation.ladder.map(\.source) == ["000.txt", "002.txt"])
        #expect(relation.ladder.map(\.change) == ["established", "upgrade"])
    }

    @Test func asOfCutsTheLadderAtTheEndOfThatDay() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.readout("002.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23")])
        let state = fold(given)
        #expect(state.relation("AZ", "CN", asOf: "2024-12-31")?.level == "strategic partnership")
        #expect(state.relation("AZ", "CN", asOf: "2024-07-03")?.level == "strategic partnership")
        #expect(state.relation("AZ", "CN", asOf: "2024-07-02") == nil)
    }

    @Test func readoutsArrivingOutOfValidTimeOrderStillLadderByDate() {
        var given = EventBuilder()
        given.readout("002.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23")])
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        #expect(fold(given).relation("AZ", "CN")?.ladder.map(\.since) == ["2024-07-03", "2025-04-23"])
    }

    @Test func aReferencedLevelSeedsAnEmptyLadder() {
        var given = EventBuilder()
        given.readout("r.txt", facts: [Gold.partnership("CN", "KE", "comprehensive strategic cooperative partnership", "2024-09-05", action: "referenced")])
        let relation = fold(given).relation("KE", "CN")
        #expect(relation?.level == "comprehensive strategic cooperative partnership")
        #expect(relation?.ladder.map(\.change) == ["referenced"])
    }

    @Test func aReferencedLevelConfirmsWithoutAStep() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.readout("later.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-11-01", action: "referenced")])
        given.readout("odd.txt", facts: [Gold.partnership("AZ", "CN", "partnership", "2024-12-01", action: "referenced")])
        #expect(fold(given).relation("AZ", "CN")?.ladder.count == 1)
    }

    @Test func twoReadoutsOfOneUpgradeMakeOneStepWithTwoSources() {
        var given = EventBuilder()
        given.readout("a.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.readout("b.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        let ladder = fold(given).relation("AZ", "CN")?.ladder
        #expect(ladder?.count == 1)
        #expect(ladder?.first?.sources == ["a.txt", "b.txt"])
        #expect(ladder?.first?.source == "a.txt")
    }

    @Test func aRetractedFactLeavesTheLadder() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        let seqs = given.readout("002.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23", id: "p2")])
        given.revise("002.txt", text: "new text")
        given.retract(fact: "p2", source: "002.txt", asserted: seqs[0])
        #expect(fold(given).relation("AZ", "CN")?.level == "strategic partnership")
    }

    @Test func aWithdrawnSourceCountsForNothingEvenWithoutRetractions() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.withdraw("000.txt")
        #expect(fold(given).relation("AZ", "CN") == nil)
    }

    @Test func aRenamedSourceKeepsItsStepsUnderTheNewName() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.rename("000.txt", to: "azerbaijan/000.txt")
        #expect(fold(given).relation("AZ", "CN")?.ladder.first?.source == "azerbaijan/000.txt")
    }

    @Test func aRedactedSourceAndNullPayloadsCarryNothing() {
        var given = EventBuilder()
        let seqs = given.readout("memo.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.redact("memo.txt", targets: [seqs[0] - 1, seqs[0]])
        #expect(fold(given).relation("AZ", "CN") == nil)
        // Replaying the redacted log from scratch gives the same answer.
        var replayed = RelationsProjection()
        for event in given.events { replayed.apply(event) }
        #expect(replayed.relations().isEmpty)
    }

    @Test func aRankingOverrideDecidesUpgradeOrDowngrade() {
        var given = EventBuilder()
        given.readout("a.txt", facts: [Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.readout("b.txt", facts: [Gold.partnership("AZ", "CN", "comprehensive strategic partnership", "2025-04-23")])
        let flipped = LevelRanking(ranks: ["strategic partnership": 2, "comprehensive strategic partnership": 1])
        let state = given.fold(RelationsProjection(ranking: flipped)) { $0.apply($1) }
        #expect(state.relation("AZ", "CN")?.ladder.last?.change == "downgrade")
    }
}
