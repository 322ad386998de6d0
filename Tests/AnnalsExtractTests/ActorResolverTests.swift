import Testing
@testable import AnnalsExtract

/// People with titles and countries, later mentions, and countries by name, demonym and capital.
struct ActorResolverTests {
    static func persons(_ text: String) -> [PersonMention] {
        let a = Support.analysis(text)
        return a.actors.flatMap(\.persons)
    }

    @Test(arguments: [
        ("Chinese President Xi Jinping spoke.", "Xi Jinping", "CN", "President"),
        ("President of the Republic of Azerbaijan Ilham Aliyev spoke.", "Ilham Aliyev", "AZ", "President"),
        ("Prime Minister of Pakistan Muhammad Shehbaz Sharif spoke.", "Muhammad Shehbaz Sharif", "PK", "Prime Minister"),
        ("General Secretary of the Central Committee of the Communist Party of Vietnam To Lam spoke.", "To Lam", "VN", "General Secretary"),
        ("Li Qiang, Premier of the State Council of the People's Republic of China, spoke.", "Li Qiang", "CN", "Premier"),
        ("the Vice President of the People's Republic of China, Mr Han Zheng, spoke.", "Han Zheng", "CN", "Vice President"),
        ("Foreign Minister Datuk Seri Mohamad Hasan spoke.", "Mohamad Hasan", nil, "Foreign Minister"),
        ("President Joseph R. Biden, Jr. met him.", "Joseph R. Biden", "US", "President"),
        ("Mr. KISHIDA Fumio, Prime Minister of Japan, spoke.", "Fumio Kishida", "JP", "Prime Minister"),
    ])
    func titledNames(text: String, name: String, country: String?, title: String) throws {
        let person = try #require(ActorResolverTests.persons(text).first)
        #expect(person.name == name)
        #expect(person.title == title)
        if let country { #expect(person.country == country) }
    }

    @Test func laterMentionsResolveToTheFullName() {
        let text = "President William Ruto held talks with President Xi Jinping. President Ruto said Xi was right."
        let names = ActorResolverTests.persons(text).compactMap(\.name)
        #expect(names == ["William Ruto", "Xi Jinping", "William Ruto", "Xi Jinping"])
    }

    @Test func unnamedSideIsItsCountry() {
        let person = ActorResolverTests.persons("Iraq's national security advisor met with Syrian President Bashar Assad.").first
        #expect(person?.name == nil)
        #expect(person?.country == "IQ")
    }

    @Test(arguments: [
        ("the Azerbaijani side", ["AZ"]),
        ("relations between China and Azerbaijan", ["CN", "AZ"]),
        ("the China-Kenya community", ["CN", "KE"]),
        ("Beijing and Baku", ["CN", "AZ"]),
        ("the US and the UAE", ["US", "AE"]),
        ("let us go", []),
    ])
    func countries(text: String, codes: [String]) {
        let a = Support.analysis(text + ".")
        #expect(a.actors.flatMap(\.countries).map(\.code) == codes)
    }
}
