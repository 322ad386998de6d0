import Testing
@testable import AnnalsExtract

/// Text that is not a readout yields no facts (and no crash).
struct NonReadoutTests {
    static let recipe = """
        Lemon drizzle cake

        Heat the oven to 180C. Beat 225g butter and 225g caster sugar until pale, then add 4 eggs one at a time.
        Fold in 225g self-raising flour and the zest of one lemon. Bake for 45 minutes. Mix the juice of
        1½ lemons with 85g icing sugar and pour it over the warm cake. Serves 8. Published: 2024-03-02.
        """

    static let novel = """
        Chapter One

        It was a bright cold day in April, and the clocks were striking thirteen. Winston met with no one
        that morning; he signed nothing, and the telescreen said the Ministry of Plenty had raised the
        chocolate ration to twenty grammes.
        """

    @Test(arguments: [recipe, novel])
    func proseYieldsNoFacts(text: String) throws {
        let extraction = try Support.extract(text)
        #expect(extraction.facts.filter { ["meeting", "document", "partnership", "attendance"].contains($0.type) }.isEmpty)
    }

    @Test func latin1NoiseDecodedAsTextYieldsNoFacts() throws {
        var rng = FuzzTests.SplitMix(state: 7)
        var bytes: [UInt8] = []
        for _ in 0..<20_000 { bytes.append(UInt8.random(in: 0x20...0xFF, using: &rng)) }
        // Random bytes read as Latin-1, then written as UTF-8: valid text with no sense.
        let text = String(bytes.map { Character(Unicode.Scalar($0)) })
        let extraction = try Support.extract(text)
        #expect(extraction.facts.isEmpty)
    }

    @Test func textWithoutPunctuationStaysBounded() throws {
        // Names and meeting verbs with no sentence ends: work per sentence must stay bounded.
        let words = ["President", "Minister", "met", "with", "held", "talks", "and", "John", "Smith", "Mary", "Jones", "Wei"]
        var rng = FuzzTests.SplitMix(state: 11)
        let text = (0..<6_000).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        let started = ContinuousClock.now
        let extraction = try Support.extract(text)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(Support.evidenceIsExact(extraction, bytes: Array(text.utf8)))
    }
}
