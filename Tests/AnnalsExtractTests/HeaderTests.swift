import Testing
@testable import AnnalsExtract

/// The publication date and place from headers, date lines and datelines.
struct HeaderTests {
    @Test(arguments: [
        ("date 2025-04-24\n\nOn the morning of April 23, 2025, they met.", "2025-04-24"),
        (" date 2025-04-24 On the morning of April 23, 2025, President Xi Jinping met him.", "2025-04-24"),
        ("Published: 16 January 2025\n\nTelephone conversation\n\nThey talked.", "2025-01-16"),
        ("Date: 2024-07-03\n\nHeadline here\n\nText.", "2024-07-03"),
        ("THE WHITE HOUSE\nSeptember 10, 2023\n\nReadout\n\nToday they met.", "2023-09-10"),
        ("Baku, 2024-10-14\n\nHeadline\n\nOn 14 October, they met.", "2024-10-14"),
        ("Press note N° 1412-2024\nLima, 14 of November of 2024\n\nHeadline\n\nThey met.", "2024-11-14"),
        ("VNA\nThursday, March 7, 2024 - 19:40\n\nHeadline\n\nThey met.", "2024-03-07"),
        ("BEIJING, May 16, 2024 (Xinhua) -- Chinese President Xi Jinping held talks.", "2024-05-16"),
    ])
    func publishedDate(text: String, expected: String) {
        #expect(Support.analysis(text).published?.iso == expected)
    }

    @Test(arguments: [
        "On the afternoon of July 3, 2024 local time, President Xi Jinping met with Azerbaijani President Ilham Aliyev.",
        "ASTANA, July 3 (Xinhua) -- They met.",
        "Nothing here at all.",
    ])
    func noPublishedDateWithoutAHeader(text: String) {
        #expect(Support.analysis(text).published == nil)
    }

    @Test func datelineGivesTheCity() {
        #expect(Support.analysis("Date line\n7 November 2024\n\nBEIJING, 7 Nov — Prime Minister Anwar met Li Qiang.").header.city == "Beijing")
        #expect(Support.analysis("ST. PETERSBURG, June 19. /TASS/. Putin held talks.").header.city == "St. Petersburg")
    }
}
