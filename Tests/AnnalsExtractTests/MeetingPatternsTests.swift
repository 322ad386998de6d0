import Testing
@testable import AnnalsExtract

/// Meetings by the grammar readouts use: who met whom, in what format, on what day.
struct MeetingPatternsTests {
    static let header = "Published: 2024-05-17\n\n"

    static func meetings(_ body: String) throws -> [Fact] {
        try Support.extract(header + body).facts.filter { $0.type == "meeting" }
    }

    @Test(arguments: [
        ("On May 16, President Xi Jinping met with Russian President Vladimir Putin.", ["Vladimir Putin", "Xi Jinping"], "meeting", "2024-05-16"),
        ("Premier Li Qiang held talks with Prime Minister of Pakistan Muhammad Shehbaz Sharif on Thursday.", ["Li Qiang", "Muhammad Shehbaz Sharif"], "talks", "2024-05-16"),
        ("Vladimir Putin had a telephone conversation yesterday with President of Kazakhstan Kassym-Jomart Tokayev.", ["Kassym-Jomart Tokayev", "Vladimir Putin"], "phone call", "2024-05-16"),
        ("Chinese President Xi Jinping held a video call with Russian President Vladimir Putin on May 15.", ["Vladimir Putin", "Xi Jinping"], "video call", "2024-05-15"),
        ("Talks between Vladimir Putin and President of China Xi Jinping took place in Beijing today.", ["Vladimir Putin", "Xi Jinping"], "talks", "2024-05-17"),
        ("Prime Minister Pham Minh Chinh and his Australian counterpart Anthony Albanese held talks in Canberra on May 16.", ["Anthony Albanese", "Pham Minh Chinh"], "talks", "2024-05-16"),
        ("President Joseph R. Biden, Jr. welcomed President João Lourenço of Angola to the White House today.", ["Joseph R. Biden", "João Lourenço"], "meeting", "2024-05-17"),
        ("In a phone call with French President Emmanuel Macron on Thursday, Chinese President Xi Jinping said ties were sound.", ["Emmanuel Macron", "Xi Jinping"], "phone call", "2024-05-16"),
        ("The US, Russia, and Switzerland met yesterday.", ["Russia", "Switzerland", "United States"], "meeting", "2024-05-16"),
    ])
    func meets(body: String, names: [String], format: String, date: String) throws {
        let found = try MeetingPatternsTests.meetings(body)
        #expect(found.count == 1)
        #expect(found.first?.participants?.map(\.name) == names)
        #expect(found.first?.format == format)
        #expect(found.first?.date == date)
    }

    @Test(arguments: [
        "President Xi Jinping will meet Russian President Vladimir Putin next week.",
        "Xi Jinping said he is glad to meet President Putin again.",
        "President Xi Jinping sent a congratulatory message to President Claudia Sheinbaum.",
        "President William Ruto received a special message from President Yoweri Museveni of Uganda.",
        "Kassym-Jomart Tokayev and Viktor Orbán last held talks in Astana in the autumn of 2024.",
        "Last October, the two heads of state met in Kazan.",
        "A dinner hosted by President Yoon and Mrs. Kim Keon Hee was held in Seoul.",
    ])
    func noMeeting(body: String) throws {
        #expect(try MeetingPatternsTests.meetings(body).isEmpty)
    }

    @Test func twoMeetingsOnTwoDays() throws {
        let found = try MeetingPatternsTests.meetings("""
            President William Ruto on 15 May 2024 held talks with President Xi Jinping in Beijing.

            The following day, President Ruto met Premier Li Qiang of the State Council.
            """)
        #expect(found.map(\.date) == ["2024-05-15", "2024-05-16"])
        #expect(found.last?.participants?.map(\.name) == ["Li Qiang", "William Ruto"])
    }

    @Test func recalledMeetingWithAPinnedDay() throws {
        let found = try MeetingPatternsTests.meetings("""
            President Emmanuel Macron spoke with President of Mongolia Ukhnaagiin Khurelsukh on May 16.

            The two presidents recalled their talks in Ulaanbaatar on 21 May 2023.
            """)
        #expect(found.compactMap(\.date).sorted() == ["2023-05-21", "2024-05-16"])
        #expect(found.first { $0.date == "2023-05-21" }?.city == "Ulaanbaatar")
    }

    @Test func recalledCallWithItsDayBeforeTheNoun() throws {
        let found = try MeetingPatternsTests.meetings("""
            President Joe Biden spoke with President Xi Jinping of the People's Republic of China today.

            The two leaders built on their November 15 meeting in Woodside and their March 29 call.
            """)
        #expect(found.compactMap(\.date).sorted() == ["2023-11-15", "2024-03-29", "2024-05-17"])
        #expect(found.first { $0.date == "2024-03-29" }?.format == "phone call")
    }

    @Test func bareTitleIsTheReadoutsNamedLeader() throws {
        let found = try MeetingPatternsTests.meetings("""
            Prime Minister Shri Narendra Modi is on a state visit to Bhutan.

            Prime Minister held talks with Prime Minister Tshering Tobgay at Tashichhodzong today.
            """)
        #expect(found.first?.participants?.map(\.name) == ["Narendra Modi", "Tshering Tobgay"])
    }
}
