import AnnalsLog
import AnnalsProjections
import Testing

struct SourcesProjectionTests {
    func fold(_ given: EventBuilder) -> SourcesProjection { given.fold(SourcesProjection()) { $0.apply($1) } }

    @Test func anAddedReadoutIsActiveWithItsFacts() throws {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi]),
                                         Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")], text: "hello")
        let source = try #require(fold(given).sources.first)
        #expect(source.name == "000.txt")
        #expect(source.state == "active")
        #expect(source.size == 5)
        #expect(source.seq == 1)
        #expect(source.facts == 2)
    }

    @Test func revisionRetractionRenameAndWithdrawalShowInTheState() {
        var given = EventBuilder()
        let seqs = given.readout("a.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi]),
                                                  Gold.partnership("AZ", "CN", "strategic partnership", "2024-07-03")])
        given.revise("a.txt", text: "changed")
        given.retract(fact: "f1", source: "a.txt", asserted: seqs[0])
        #expect(fold(given).sources.map(\.state) == ["revised"])
        #expect(fold(given).sources.map(\.facts) == [1])
        given.rename("a.txt", to: "b.txt")
        #expect(fold(given).sources.map(\.name) == ["b.txt"])
        #expect(fold(given).sources.map(\.facts) == [1])
        given.withdraw("b.txt")
        #expect(fold(given).sources.map(\.state) == ["withdrawn"])
        #expect(fold(given).sources.map(\.facts) == [0])
    }

    @Test func aRedactedReadoutSaysSo() {
        var given = EventBuilder()
        let seqs = given.readout("memo.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        given.redact("memo.txt", targets: [1] + seqs)
        let state = fold(given)
        #expect(state.sources.map(\.state) == ["redacted"])
        #expect(state.sources.map(\.facts) == [0])
    }
}
