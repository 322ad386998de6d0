import AnnalsLog
import AnnalsProjections
import Testing

struct MeetingsProjectionTests {
    func fold(_ given: EventBuilder) -> MeetingsProjection { given.fold(MeetingsProjection()) { $0.apply($1) } }

    @Test func twoReadoutsOfOneMeetingAreOneMeetingWithTwoSources() throws {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi], city: "Astana")])
        given.readout("azertac.txt", facts: [Gold.meeting("2024-07-03", [Gold.xi, ("Ilham Aliyev", "AZ", "President of Azerbaijan")], format: "talks")])
        let meetings = fold(given).meetings()
        #expect(meetings.count == 1)
        let meeting = try #require(meetings.first)
        #expect(meeting.sources == ["000.txt", "azertac.txt"])
        #expect(meeting.city == "Astana")
        #expect(meeting.format == "meeting")
        #expect(meeting.facts.count == 2)
    }

    @Test func differentPrincipalsOrDaysAreDifferentMeetings() {
        var given = EventBuilder()
        given.readout("008.txt", facts: [
            Gold.meeting("2025-04-24", [("William Ruto", "KE", "President"), Gold.xi], format: "talks"),
            Gold.meeting("2025-04-25", [("Li Qiang", "CN", "Premier"), ("William Ruto", "KE", "President")]),
        ])
        given.readout("009.txt", facts: [Gold.meeting("2025-04-25", [("Xi Jinping", "CN", "President"), ("William Ruto", "KE", "President")])])
        #expect(fold(given).meetings().map(\.date) == ["2025-04-24", "2025-04-25", "2025-04-25"])
    }

    @Test func aLongerFormOfANameStillCorroborates() {
        var given = EventBuilder()
        given.readout("a.txt", facts: [Gold.meeting("2024-05-01", [("Muhammad Shehbaz Sharif", "PK", "Prime Minister"), ("Li Qiang", "CN", "Premier")])])
        given.readout("b.txt", facts: [Gold.meeting("2024-05-01", [("Li Qiang", "CN", "Premier"), ("Shehbaz Sharif", "PK", "Prime Minister")])])
        #expect(fold(given).meetings().count == 1)
    }

    @Test func withdrawingOneReadoutLeavesTheOther() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        given.readout("azertac.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        given.withdraw("000.txt")
        #expect(fold(given).meetings().map(\.sources) == [["azertac.txt"]])
    }

    @Test func asOfKeepsMeetingsOnOrBeforeTheDay() {
        var given = EventBuilder()
        given.readout("000.txt", facts: [Gold.meeting("2024-07-03", [Gold.aliyev, Gold.xi])])
        given.readout("002.txt", facts: [Gold.meeting("2025-04-23", [Gold.aliyev, Gold.xi], format: "talks")])
        #expect(fold(given).meetings(asOf: "2024-12-31").count == 1)
    }
}
