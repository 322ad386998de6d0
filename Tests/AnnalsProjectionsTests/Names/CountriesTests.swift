import AnnalsProjections
import Testing

/// A user types a country however they like; the query commands must read it as one code.
@Suite struct CountriesTests {
    let countries = Countries(
        names: ["AZ": "Azerbaijan", "BA": "Bosnia and Herzegovina", "CI": "Côte d'Ivoire", "TL": "Timor-Leste"],
        aliases: ["Türkiye": "TR", "People's Republic of China": "CN"])

    @Test func codesInAnyCase() {
        #expect(countries.code(for: "AZ") == "AZ")
        #expect(countries.code(for: "az") == "AZ")
        #expect(countries.code(for: " aZ\t") == "AZ")
    }

    @Test func namesIgnoreCaseHyphensAndSurroundingSpace() {
        #expect(countries.code(for: "azerbaijan") == "AZ")
        #expect(countries.code(for: "  BOSNIA AND HERZEGOVINA ") == "BA")
        #expect(countries.code(for: "timor leste") == "TL")
        #expect(countries.code(for: "Timor-Leste") == "TL")
        #expect(countries.code(for: "people's republic of china") == "CN")
    }

    @Test func diacriticsFoldBothWays() {
        #expect(countries.code(for: "Cote d'Ivoire") == "CI")
        #expect(countries.code(for: "CÔTE D'IVOIRE") == "CI")
        #expect(countries.code(for: "turkiye") == "TR")
        #expect(countries.code(for: "Türkiye") == "TR")
    }

    @Test func unknownInputIsNil() {
        #expect(countries.code(for: "Atlantis") == nil)
        #expect(countries.code(for: "ZZ") == nil)
        #expect(countries.code(for: "") == nil)
    }
}
