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
}
