import Testing
@testable import AnnalsExtract

/// Documents (kinds, counts, titles, lists, earlier signings) and partnership levels.
struct DocumentAndPartnershipTests {
    static let lead = "Published: 2024-07-03\n\nOn July 2, President Xi Jinping held talks with President of Kazakhstan Kassym-Jomart Tokayev.\n\n"

    static func facts(_ body: String, type: String) throws -> [Fact] {
        try Support.extract(lead + body).facts.filter { $0.type == type }
    }

    @Test(arguments: [
        ("The two heads of state signed the Joint Statement of China and Kazakhstan.", "joint statement", 1, nil),
        ("They witnessed the signing of more than 30 cooperation documents.", "agreement", 30, "more than"),
        ("They witnessed the subscription of nearly 20 instruments of cooperation, between them the Protocol of the Treaty.", "agreement", 20, "nearly"),
        ("The two sides signed 14 agreements and memoranda of understanding.", "agreement", 14, nil),
        ("After the talks, the two sides signed cooperation documents in areas including trade.", "agreement", nil, nil),
        ("They witnessed the exchange of three cooperation documents on energy.", "agreement", 3, nil),
    ] as [(String, String, Int?, String?)])
    func documents(body: String, kind: String, count: Int?, qualifier: String?) throws {
        let found = try DocumentAndPartnershipTests.facts(body, type: "document")
        #expect(found.count == 1)
        #expect(found.first?.kind == kind)
        #expect(found.first?.count == count)
        #expect(found.first?.countQualifier == qualifier)
        #expect(found.first?.date == "2024-07-02")
        #expect(found.first?.parties == ["CN", "KZ"])
    }

    @Test func namedDocumentsAreEachTheirOwn() throws {
        let found = try DocumentAndPartnershipTests.facts(
            "The leaders witnessed the exchange of a memorandum of understanding on the Kuantan Industrial Park and an agreement on cooperation in higher education.",
            type: "document")
        #expect(found.map(\.count) == [1, 1])
        #expect(found.last?.title == "agreement on cooperation in higher education")
    }

    @Test func listedDocuments() throws {
        let found = try DocumentAndPartnershipTests.facts("""
            Documents were then exchanged between the two countries:
            i. Agreement on international road transport;
            ii. Memorandum of Understanding on the Middle Corridor.
            """, type: "document")
        #expect(found.map(\.title) == ["Agreement on international road transport", "Memorandum of Understanding on the Middle Corridor"])
    }

    @Test(arguments: [
        "They recalled the 14 agreements signed during Premier Li's official visit in June.",
        "The two sides will sign a memorandum on economic cooperation next month.",
        "They welcomed the memorandum of understanding signed by the United States, the European Union, Angola and Zambia in October.",
        "Talks on a free trade agreement are close to completion.",
    ])
    func noDocument(body: String) throws {
        #expect(try DocumentAndPartnershipTests.facts(body, type: "document").isEmpty)
    }

    @Test(arguments: [
        ("The two sides upgraded bilateral relations to a comprehensive strategic partnership.", "comprehensive strategic partnership", "established", nil),
        ("They announced the elevation of ties from a Strategic Partnership to a Comprehensive Strategic Partnership.", "comprehensive strategic partnership", "established", "strategic partnership"),
        ("The two heads of state announced the creation of a complete strategic partnership.", "comprehensive strategic partnership", "established", nil),
        ("They agreed to elevate relations to a China-Kazakhstan community with a shared future, building on the permanent comprehensive strategic partnership.", "community with a shared future", "established", "permanent comprehensive strategic partnership"),
        ("Since the two countries elevated their relations to a comprehensive strategic partnership in 2013, ties have grown.", "comprehensive strategic partnership", "referenced", nil),
        ("The two sides should keep to the direction of the permanent comprehensive strategic partnership.", "permanent comprehensive strategic partnership", "referenced", nil),
    ] as [(String, String, String, String?)])
    func partnerships(body: String, level: String, action: String, previous: String?) throws {
        let found = try DocumentAndPartnershipTests.facts(body, type: "partnership").first { $0.level == level }
        #expect(found?.action == action)
        #expect(found?.previousLevel == previous)
        #expect(found?.parties == ["CN", "KZ"])
        #expect(found?.date == "2024-07-02")
    }

    @Test func communityForHumanityIsNotALevel() throws {
        let found = try DocumentAndPartnershipTests.facts("Kazakhstan supports building a community with a shared future for humanity.", type: "partnership")
        #expect(found.isEmpty)
    }
}
