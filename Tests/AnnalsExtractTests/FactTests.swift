import Foundation
import Testing
@testable import AnnalsExtract

/// The JSON of facts and envelopes: key order, explicit nulls, ids, and decoding back.
struct FactTests {
    static let text = """
        Published: 2024-06-08

        On the afternoon of June 7, 2024, Premier Li Qiang held talks with Prime Minister of Pakistan Muhammad Shehbaz Sharif in Beijing.

        After the talks, the two prime ministers witnessed the signing of 23 bilateral cooperation documents.
        """

    @Test func envelopeHasFactsContractShape() throws {
        let extraction = try Support.extract(FactTests.text, name: "x.txt")
        let line = extraction.jsonLine()
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("{\"source\":\"x.txt\",\"sha256\":\""))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["published"] as? String == "2024-06-08")
        let facts = try #require(object["facts"] as? [[String: Any]])
        let document = try #require(facts.first { $0["type"] as? String == "document" })
        #expect(document["count"] as? Int == 23)
        let meeting = try #require(facts.first { $0["type"] as? String == "meeting" })
        #expect(meeting["time_of_day"] as? String == "afternoon")
        #expect(meeting["date"] as? String == "2024-06-07")
    }

    @Test func absentPublishedAndCountAreExplicitNulls() throws {
        let text = "The two sides signed cooperation documents on trade. Relevant departments of China and Kazakhstan signed cooperation documents."
        let line = try Support.extract(text).jsonLine()
        #expect(line.contains("\"published\":null"))
        #expect(line.contains("\"count\":null"))
    }

    @Test func decodesBackToTheSameFacts() throws {
        let extraction = try Support.extract(FactTests.text)
        let decoded = try JSONDecoder().decode(Extraction.self, from: Data(extraction.jsonLine().utf8))
        #expect(decoded == extraction)
        let fact = try #require(extraction.facts.first)
        #expect(try JSONDecoder().decode(Fact.self, from: Data(fact.jsonLine().utf8)) == fact)
        #expect(try JSONDecoder().decode(Fact.self, from: JSONEncoder().encode(fact)) == fact)
    }

    @Test func idsAreStableAndDistinct() throws {
        let a = try Support.extract(FactTests.text).facts.map(\.id)
        let b = try Support.extract(FactTests.text).facts.map(\.id)
        #expect(a == b)
        #expect(Set(a).count == a.count)
        #expect(a.allSatisfy { $0.hasPrefix("f-") && $0.count == 18 })
    }

    @Test(arguments: [
        ("meeting", nil, "MeetingHeld"), ("partnership", "established", "PartnershipEstablished"),
        ("partnership", "referenced", "PartnershipReferenced"), ("document", nil, "DocumentSigned"),
        ("attendance", nil, "OfficialsAttended"), ("position", nil, "PositionStated"),
        ("cooperation", nil, "CooperationAgreed"), ("ceremony", nil, "CeremonyHeld"),
    ] as [(String, String?, String)])
    func eventTypes(type: String, action: String?, expected: String) {
        var fact = Fact(type: type)
        fact.action = action
        #expect(fact.eventType == expected)
    }
}
