@testable import AnnalsSync
import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// The recorder's view of a source when the source's own stream also carries facts.
struct SourceRecorderTests {
    /// Puts one fact per readout on the source's own stream, as `LexiconFactExtractor` does for a
    /// fact naming fewer than two countries; its id follows the text, so a revision changes it.
    struct SourceStreamExtractor: FactExtracting {
        func extractFacts(from readout: Readout) -> ExtractedFacts {
            let id = "f-" + String(readout.text.count)
            let event = NewEvent(stream: SourceEvents.stream(for: readout.name), type: "MeetingHeld",
                                 validOn: "2025-05-05", payload: Array(#"{"id":"\#(id)"}"#.utf8))
            return ExtractedFacts(published: nil, extractor: "test", facts: [ExtractedFactEvent(id: id, event: event)])
        }
    }

    func makeRecorder(_ folder: TempFolder) throws -> SourceRecorder {
        let log = try EventLog(path: folder.full("log.sqlite"))
        return SourceRecorder(log: log, extractor: SourceStreamExtractor(), readModels: nil)
    }

    @Test func aSourceWhoseStreamEndsWithAFactIsStillActive() throws {
        let folder = try TempFolder()
        let recorder = try makeRecorder(folder)
        #expect(try recorder.record(Readout(name: "a.txt", bytes: Array("First text.\n".utf8))) == .added(facts: 1))
        // The stream's last event is the fact, not SourceAdded: the state must still be read.
        let state = try #require(try SourceState.read("a.txt", in: recorder.log))
        #expect(state.status == .active)
        #expect(state.facts.count == 1)
        #expect(try recorder.record(Readout(name: "a.txt", bytes: Array("First text.\n".utf8))) == .unchanged)
    }

    @Test func revisingAndWithdrawingASourceWhoseStreamCarriesFacts() throws {
        let folder = try TempFolder()
        let recorder = try makeRecorder(folder)
        try recorder.record(Readout(name: "a.txt", bytes: Array("First text.\n".utf8)))
        // Changed bytes are a revision (not a second SourceAdded) retracting the old fact.
        #expect(try recorder.record(Readout(name: "a.txt", bytes: Array("Second, longer text.\n".utf8)))
            == .revised(asserted: 1, retracted: 1, kept: 0))
        // The stream now ends with the new fact; the file leaving the folder withdraws it.
        #expect(try recorder.withdraw("a.txt") == .withdrawn(retracted: 1))
        #expect(try SourceState.read("a.txt", in: recorder.log)?.status == .withdrawn)
        #expect(try SourceState.activeSources(in: recorder.log).isEmpty)
        let types = try recorder.log.events(after: 0, limit: 100).map(\.type)
        #expect(types == ["SourceAdded", "MeetingHeld", "SourceRevised", "FactRetracted", "MeetingHeld",
                          "SourceWithdrawn", "FactRetracted"])
        #expect(try recorder.log.verify().isValid)
    }
}
