import AnnalsLog
import AnnalsProjections
import Testing

struct DocumentsProjectionTests {
    func fold(_ given: EventBuilder) -> DocumentsProjection { given.fold(DocumentsProjection()) { $0.apply($1) } }

    @Test func theSameDocumentFromTwoReadoutsIsOneEntry() {
        var given = EventBuilder()
        given.readout("002.txt", facts: [Gold.document("agreement", ["AZ", "CN"], "2025-04-23", count: 20)])
        given.readout("azertac.txt", facts: [Gold.document("agreement", ["AZ", "CN"], "2025-04-23", count: 20)])
        let documents = fold(given).documents()
        #expect(documents.count == 1)
        #expect(documents.first?.sources == ["002.txt", "azertac.txt"])
    }

    @Test func twoDocumentsOfOneReadoutWithTheSameKeyStayTwo() {
        var given = EventBuilder()
        given.readout("010.txt", facts: [
            Gold.document("agreement", ["CN", "MY"], "2024-11-02", count: 1, title: "memorandum on the Kuantan Industrial Park"),
            Gold.document("agreement", ["CN", "MY"], "2024-11-02", count: 1, title: "agreement on higher education"),
        ])
        given.readout("other.txt", facts: [Gold.document("agreement", ["CN", "MY"], "2024-11-02", count: 1)])
        let documents = fold(given).documents()
        #expect(documents.count == 2)
        #expect(documents.map(\.sources.count).sorted() == [1, 2])
    }

    @Test func differentCountsAreDifferentEntries() {
        var given = EventBuilder()
        given.readout("a.txt", facts: [Gold.document("agreement", ["AZ", "CN"], "2025-04-23", count: 20)])
        given.readout("b.txt", facts: [Gold.document("agreement", ["AZ", "CN"], "2025-04-23", count: nil)])
        #expect(fold(given).documents().count == 2)
    }
}
