import AnnalsLog
import AnnalsProjections
import Testing

struct PeopleProjectionTests {
    func fold(_ given: EventBuilder) -> PeopleProjection { given.fold(PeopleProjection()) { $0.apply($1) } }

    @Test func principalsHostsAndOfficialsAppearWithTheirRoles() throws {
        var given = EventBuilder()
        given.readout("002.txt", facts: [
            Gold.meeting("2025-04-23", [Gold.aliyev, Gold.xi], format: "talks"),
            ["type": "attendance", "persons": ["Wang Yi"], "date": "2025-04-23"],
            ["type": "ceremony", "kind": "banquet", "date": "2025-04-23", "host": "Xi Jinping", "guest": "Ilham Aliyev"],
        ])
        let people = fold(given).people()
        #expect(people.map(\.name) == ["Ilham Aliyev", "Wang Yi", "Xi Jinping"])
        let xi = try #require(people.first { $0.key == "xi jinping" })
        #expect(xi.countries == ["CN"])
        #expect(xi.appearances.map(\.role) == ["principal", "host"])
        #expect(xi.title(asOf: nil) == "President")
    }

    @Test func titlesFollowTheDates() {
        var given = EventBuilder()
        given.readout("a.txt", facts: [Gold.meeting("2020-01-01", [("Li Qiang", "CN", "Party Secretary"), ("A Person", "PK", "Minister")])])
        given.readout("b.txt", facts: [Gold.meeting("2024-05-01", [("Li Qiang", "CN", "Premier"), ("A Person", "PK", "Minister")])])
        let li = fold(given).people().first { $0.key == "li qiang" }
        #expect(li?.title(asOf: "2021-01-01") == "Party Secretary")
        #expect(li?.title(asOf: "2025-01-01") == "Premier")
        #expect(li?.titles.count == 2)
    }

    @Test func aRetractedMeetingTakesItsAppearancesAway() {
        var given = EventBuilder()
        let seqs = given.readout("a.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        given.retract(fact: "f1", source: "a.txt", asserted: seqs[0])
        #expect(fold(given).people().isEmpty)
    }
}
