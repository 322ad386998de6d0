import AnnalsProjections
import Testing

struct AssertedFactTests {
    @Test func readsTheFieldsAndSkipsEvidence() throws {
        let json = #"""
        {"id":"m1","type":"meeting","date":"2024-07-03","source":"000.txt","extractor":"x/1",
         "evidence":[{"quote":"He said \"yes\" \u00e9 {[","start":0,"end":5}],
         "participants":[{"name":"Ilham Aliyev","country":"AZ","title":"President"},{"name":"Xi Jinping","country":"CN","title":null}],
         "format":"meeting","city":"Astana","count":null,"fields":["a","b"],"signed_by":["X","Y"],"unknown":{"deep":[1,2,{"k":true}]}}
        """#
        let fact = try #require(AssertedFact.parse(Array(json.utf8)))
        #expect(fact.id == "m1")
        #expect(fact.participants.map(\.name) == ["Ilham Aliyev", "Xi Jinping"])
        #expect(fact.participants[1].title == nil)
        #expect(fact.city == "Astana")
        #expect(fact.fields == ["a", "b"])
        #expect(fact.signedBy == "X, Y")
        #expect(fact.pairKey == "AZ-CN")
        #expect(fact.corroborationKey == "2024-07-03|aliyev,jinping")
    }

    @Test func decodesEscapesInStrings() throws {
        let json = #"{"id":"d1","type":"document","source":"s","title":"Caf\u00e9 \"Joint\" \ud83d\ude00 a\/b","count":20}"#
        let fact = try #require(AssertedFact.parse(Array(json.utf8)))
        #expect(fact.title == "Café \"Joint\" 😀 a/b")
        #expect(fact.count == 20)
    }

    @Test(arguments: ["", "{", "[1]", #"{"id":"x"}"#, #"{"id":"x","type":"meeting","source":"s""#, "null", #"{"id":1,"type":"t","source":"s"}"#])
    func refusesWhatIsNotAFact(_ text: String) {
        #expect(AssertedFact.parse(Array(text.utf8)) == nil)
    }
}
