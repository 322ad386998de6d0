import Testing
@testable import AnnalsExtract

/// Date expressions found in text and resolved against the header date and the day in context.
struct DateResolverTests {
    static func first(_ text: String) -> DateExpression? {
        let t = Text(bytes: Array(text.utf8))
        return DateResolver.scan(t, 0, t.count).first?.expression
    }

    @Test(arguments: [
        ("on July 3, 2024 local time", DateExpression.day(year: 2024, month: 7, day: 3)),
        ("on 24 April 2025 held", .day(year: 2025, month: 4, day: 24)),
        ("Lima, 14 of November of 2024", .day(year: 2024, month: 11, day: 14)),
        ("on March 5, President", .day(year: nil, month: 3, day: 5)),
        ("BEIJING, 7 Nov —", .day(year: nil, month: 11, day: 7)),
        ("date 2025-04-24", .day(year: 2025, month: 4, day: 24)),
        ("in June 2024", .month(year: 2024, month: 6)),
        ("in 2013", .year(2013)),
        ("At noon the same day", .sameDay),
        ("The following day, he met", .nextDay),
        ("today", .today),
        ("yesterday", .yesterday),
        ("on Wednesday", .weekday(3)),
        ("Last October, they met", .vague),
    ])
    func parses(text: String, expected: DateExpression) {
        #expect(DateResolverTests.first(text) == expected)
    }

    @Test func resolvesRelativeDays() {
        let published = Day(year: 2025, month: 1, day: 16)! // a Thursday
        let anchor = Day(year: 2025, month: 4, day: 24)!
        #expect(DateResolver.resolve(.weekday(3), published: published, anchor: nil, yearHint: nil)?.iso == "2025-01-15")
        #expect(DateResolver.resolve(.weekday(4), published: published, anchor: nil, yearHint: nil)?.iso == "2025-01-16")
        #expect(DateResolver.resolve(.yesterday, published: published, anchor: nil, yearHint: nil)?.iso == "2025-01-15")
        #expect(DateResolver.resolve(.today, published: published, anchor: nil, yearHint: nil)?.iso == "2025-01-16")
        #expect(DateResolver.resolve(.sameDay, published: nil, anchor: anchor, yearHint: nil)?.iso == "2025-04-24")
        #expect(DateResolver.resolve(.nextDay, published: nil, anchor: anchor, yearHint: nil)?.iso == "2025-04-25")
        #expect(DateResolver.resolve(.today, published: nil, anchor: anchor, yearHint: nil) == nil)
        #expect(DateResolver.resolve(.year(2013), published: published, anchor: anchor, yearHint: nil) == nil)
        // A day without a year well after publication is last year's.
        #expect(DateResolver.resolve(.day(year: nil, month: 12, day: 30), published: published, anchor: nil, yearHint: nil)?.iso == "2024-12-30")
    }

    @Test func dayArithmetic() {
        let day = Day(year: 2024, month: 2, day: 28)!
        #expect(day.adding(days: 1).iso == "2024-02-29")
        #expect(day.adding(days: 2).iso == "2024-03-01")
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2025, month: 4, day: 24)!.weekday == 4)
    }

    @Test func meetingDatesInContext() throws {
        let text = """
            Published: 2025-04-25

            President William Ruto on 24 April 2025 held talks with President Xi Jinping in Beijing.

            The following day, President Ruto met Premier Li Qiang of the State Council.
            """
        let meetings = try Support.extract(text).facts.filter { $0.type == "meeting" }
        #expect(meetings.compactMap(\.date).sorted() == ["2025-04-24", "2025-04-25"])
    }

    @Test func neverThePublicationDateByDefault() throws {
        let meetings = try Support.extract("Published: 2024-04-05\n\nVladimir Putin held talks with President of Turkey Recep Tayyip Erdogan.").facts
        #expect(meetings.first?.type == "meeting")
        #expect(meetings.first?.date == nil)
    }
}
