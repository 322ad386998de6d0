import Foundation
import Testing
import AnnalsLog

/// `annals ingest` commits readouts in batches, each readout a nested write transaction: one that
/// fails must take only its own events with it, and the chain must stay whole.
struct BatchedWriteTests {
    struct Refused: Error {}

    func readout(_ name: String) -> [NewEvent] {
        [NewEvent(stream: "source/\(name)", type: "SourceAdded", payload: Array(#"{"name":"\#(name)"}"#.utf8)),
         NewEvent(stream: "relation/AZ-CN", type: "PartnershipEstablished", validOn: "2025-04-23",
                  payload: Array(#"{"source":"\#(name)"}"#.utf8))]
    }

    @Test func aFailedReadoutInsideABatchUndoesOnlyItself() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        try log.writeTransaction {
            _ = try log.insert(readout("a.txt"), expecting: [:])
            #expect(throws: Refused.self) {
                try log.writeTransaction {
                    _ = try log.insert(readout("b.txt"), expecting: [:])
                    throw Refused()
                }
            }
            _ = try log.insert(readout("c.txt"), expecting: [:])
        }
        let streams = try log.events(after: 0, limit: 100).map(\.stream)
        #expect(streams == ["source/a.txt", "relation/AZ-CN", "source/c.txt", "relation/AZ-CN"])
        #expect(try log.events(after: 0, limit: 100).map(\.seq) == [1, 2, 3, 4])
        #expect(try log.events(inStream: "relation/AZ-CN").map(\.streamVersion) == [1, 2])
        #expect(try log.verify().isValid)
    }

    @Test func aFailedBatchLeavesNothingOfIt() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        try log.writeTransaction { _ = try log.insert(readout("a.txt"), expecting: [:]) }
        #expect(throws: Refused.self) {
            try log.writeTransaction {
                try log.writeTransaction { _ = try log.insert(readout("b.txt"), expecting: [:]) }
                throw Refused()
            }
        }
        #expect(try log.head()?.seq == 2)
        #expect(try log.verify().isValid)
        // The log still takes writes after both rollbacks.
        try log.writeTransaction { _ = try log.insert(readout("c.txt"), expecting: [:]) }
        #expect(try log.events(after: 2, limit: 10).map(\.stream) == ["source/c.txt", "relation/AZ-CN"])
    }

    @Test func writeInBatchesVisitsEveryItemInOrderAndCommitsThem() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        var visited: [Int] = []
        try log.writeInBatches(count: 7, size: 3, time: .seconds(60)) { index in
            visited.append(index)
            _ = try log.insert(readout("r\(index).txt"), expecting: [:])
            return true
        }
        #expect(visited == Array(0..<7))
        #expect(try log.head()?.seq == 14)
        #expect(try log.verify().isValid)
    }

    @Test func aStopCommitsTheOpenBatchAndVisitsNoMore() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        var visited: [Int] = []
        try log.writeInBatches(count: 10, size: 4, time: .seconds(60)) { index in
            visited.append(index)
            if index == 5 { return false }
            _ = try log.insert(readout("r\(index).txt"), expecting: [:])
            return true
        }
        #expect(visited == Array(0...5))
        #expect(try log.head()?.seq == 10, "items 0-4 committed, the stop included the open batch's 4")
    }

    @Test func anErrorRollsBackTheOpenBatchOnlyAndIsRethrown() throws {
        let directory = TemporaryDirectory()
        let log = try EventLog(path: directory.file("log.sqlite"))
        #expect(throws: Refused.self) {
            try log.writeInBatches(count: 10, size: 4, time: .seconds(60)) { index in
                if index == 6 { throw Refused() }
                _ = try log.insert(readout("r\(index).txt"), expecting: [:])
                return true
            }
        }
        #expect(try log.head()?.seq == 8, "the first batch (items 0-3) committed; items 4-5 rolled back")
        #expect(try log.verify().isValid)
    }
}
