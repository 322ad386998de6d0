import Foundation
import Testing
import AnnalsLog

/// One contract, every backend: the SQLite log and the in-memory store must behave alike.
enum Backend: String, CaseIterable, CustomStringConvertible {
    case sqlite, memory
    var description: String { rawValue }

    func make(_ directory: TemporaryDirectory) throws -> EventStore {
        switch self {
        case .sqlite: return try EventLog(path: directory.file("log.sqlite"), options: .init(clock: fixedClock))
        case .memory: return InMemoryEventStore(clock: fixedClock)
        }
    }
}

let fixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_782_000_000) }

func event(_ stream: String, _ type: String = "MeetingHeld", _ payload: String = "{}") -> NewEvent {
    NewEvent(stream: stream, type: type, validOn: "2025-04-23", payload: Array(payload.utf8))
}

struct EventStoreContractTests {
    @Test(arguments: Backend.allCases)
    func givenEmptyLogWhenAppendingThenSeqAndVersionsStartAtOne(backend: Backend) throws {
        let directory = TemporaryDirectory()
        let store = try backend.make(directory)
        let recorded = try store.append([event("relation/AZ-CN"), event("source/a.txt"), event("relation/AZ-CN")])
        #expect(recorded.map(\.seq) == [1, 2, 3])
        #expect(recorded.map(\.streamVersion) == [1, 1, 2])
        #expect(recorded[0].prevHash == HashChain.genesis)
        #expect(recorded[1].prevHash == recorded[0].hash)
        #expect(try store.version(of: "relation/AZ-CN") == 2)
        #expect(try store.head()?.seq == 3)
    }

    @Test(arguments: Backend.allCases)
    func givenStreamAtVersionTwoWhenExpectingFourThenConflictAndNothingAppended(backend: Backend) throws {
        let directory = TemporaryDirectory()
        let store = try backend.make(directory)
        try store.append([event("relation/AZ-CN"), event("relation/AZ-CN")])
        #expect(throws: LogError.conflict(stream: "relation/AZ-CN", expected: .exact(4), found: 2)) {
            try store.append([event("source/b.txt"), event("relation/AZ-CN")], expecting: ["relation/AZ-CN": .exact(4)])
        }
        #expect(try store.head()?.seq == 2)
        #expect(try store.version(of: "source/b.txt") == 0)
        let conflict = LogError.conflict(stream: "s", expected: .exact(4), found: 5)
        #expect(conflict.description.contains("expected version 4, found 5"))
    }

    @Test(arguments: Backend.allCases)
    func expectedVersionsAdmitTheRightStates(backend: Backend) throws {
        let directory = TemporaryDirectory()
        let store = try backend.make(directory)
        try store.append([event("s")], expectedVersion: .noStream)
        try store.append([event("s")], expectedVersion: .exact(1))
        #expect(throws: LogError.self) { try store.append([event("s")], expectedVersion: .noStream) }
        try store.append([event("s")], expectedVersion: .any)
        #expect(try store.events(inStream: "s").map(\.streamVersion) == [1, 2, 3])
    }

    @Test(arguments: Backend.allCases)
    func bothBackendsProduceTheSameChain(backend: Backend) throws {
        let directory = TemporaryDirectory()
        let store = try backend.make(directory)
        try store.append([event("a", "X", #"{"k":"Tô Lâm \"q\"\n"}"#), event("b")])
        let reference = InMemoryEventStore(clock: fixedClock)
        try reference.append([event("a", "X", #"{"k":"Tô Lâm \"q\"\n"}"#), event("b")])
        #expect(try store.events(after: 0, limit: 10) == reference.events(after: 0, limit: 10))
        for recorded in try store.events(after: 0, limit: 10) {
            #expect(HashChain.expectedHash(of: recorded) == recorded.hash)
        }
    }
}
