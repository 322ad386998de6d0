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
        var version: String { "test" }

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

/// Facts extracted ahead of the write transaction (by the prefetcher) must append exactly what
/// extracting inside it appends, and facts from another extractor version must not be used.
struct SourceRecorderPreextractedTests {
    typealias Extractor = SourceRecorderTests.SourceStreamExtractor

    func events(_ log: EventLog) throws -> [String] {
        try log.events(after: 0, limit: 100).map { "\($0.seq) \($0.stream) \($0.type) \($0.validOn ?? "-") \($0.payloadText)" }
    }

    /// Adds, revises, re-adds after a withdrawal; `preextract` decides what `record` is given.
    func history(_ folder: TempFolder, _ file: String, preextract: (Readout) -> ExtractedFacts?) throws -> (outcomes: [SourceRecorder.Outcome], events: [String]) {
        let log = try EventLog(path: folder.full(file))
        let recorder = SourceRecorder(log: log, extractor: Extractor(), readModels: nil)
        var outcomes: [SourceRecorder.Outcome] = []
        for text in ["First text.\n", "First text.\n", "Second, longer text.\n"] {
            let readout = try Readout(name: "a.txt", bytes: Array(text.utf8))
            outcomes.append(try recorder.record(readout, extracted: preextract(readout)))
        }
        _ = try recorder.withdraw("a.txt")
        let readout = try Readout(name: "a.txt", bytes: Array("Third.\n".utf8))
        outcomes.append(try recorder.record(readout, extracted: preextract(readout)))
        return (outcomes, try events(log))
    }

    @Test func preextractedFactsAppendTheSameEventsAsExtractingInside() throws {
        let folder = try TempFolder()
        let inside = try history(folder, "inside.sqlite") { _ in nil }
        let ahead = try history(folder, "ahead.sqlite") { Extractor().extractFacts(from: $0) }
        #expect(inside.outcomes == [.added(facts: 1), .unchanged, .revised(asserted: 1, retracted: 1, kept: 0), .added(facts: 1)])
        #expect(ahead.outcomes == inside.outcomes)
        #expect(ahead.events == inside.events)
        #expect(inside.events.count == 9)
    }

    @Test func factsFromAnotherExtractorVersionAreExtractedAgain() throws {
        let folder = try TempFolder()
        let inside = try history(folder, "inside.sqlite") { _ in nil }
        let stale = try history(folder, "stale.sqlite") { _ in
            let bogus = NewEvent(stream: "relation/AA-BB", type: "MeetingHeld", validOn: "2001-01-01", payload: Array(#"{"id":"bogus"}"#.utf8))
            return ExtractedFacts(published: "2001-01-01", extractor: "older", facts: [ExtractedFactEvent(id: "bogus", event: bogus)])
        }
        #expect(stale.events == inside.events)
        #expect(!stale.events.joined().contains("bogus"))
    }
}
