@testable import AnnalsSync
import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import Foundation
import Logging
import Testing

/// The reconciler reads and extracts ahead of its writer; what it records must not change: the
/// same order, renames seen, a stop request honoured, an error rolling the batch back.
struct FolderReconcilerPrefetchTests {
    /// Fails the `failAt`-th apply, as a read model hitting a database error would.
    struct ReadModelFailed: Error {}

    final class FailingReadModels: ReadModelUpdating {
        var applied = 0
        let failAt: Int
        init(failAt: Int) { self.failAt = failAt }
        func apply(_ events: [RecordedEvent]) throws {
            applied += 1
            if applied == failAt { throw ReadModelFailed() }
        }
    }

    let logger = Logger(label: "test.sync.reconcile") { _ in SwiftLogNoOpLogHandler() }

    func makeFolder(files: Int) throws -> TempFolder {
        let folder = try TempFolder()
        // Written out of order: the pass must still record them sorted.
        for index in (0..<files).reversed() {
            try folder.write(String(format: "r%04d.txt", index), "Readout number \(index).\n")
        }
        return folder
    }

    func sourceNames(_ log: EventLog) throws -> [String] {
        try log.events(after: 0, limit: 100_000).filter { $0.type == "SourceAdded" }.map(\.stream)
    }

    @Test func aFullPassRecordsEveryFileInNameOrder() throws {
        let folder = try makeFolder(files: 300)
        let log = try EventLog(path: folder.full("log.sqlite"))
        let recorder = SourceRecorder(log: log, extractor: SourceRecorderTests.SourceStreamExtractor(), readModels: nil)
        let reconciler = FolderReconciler(recorder: recorder, logger: logger)
        let loader = ReadoutLoader(root: folder.path, maximumSize: 1 << 20)
        let names = (0..<300).map { String(format: "r%04d.txt", $0) }
        let summary = try reconciler.reconcile(names: names.shuffled(), complete: true, read: loader.load)
        #expect(summary.added == 300)
        #expect(try sourceNames(log) == names.map { SourceEvents.stream(for: $0) })
        // Each source is followed by its own fact, extracted ahead but recorded in its place.
        let events = try log.events(after: 0, limit: 1000)
        #expect(events.count == 600)
        #expect(try log.verify().isValid)
        // Again: nothing changed, nothing appended.
        let again = try reconciler.reconcile(names: names, complete: true, read: loader.load)
        #expect(again.unchanged == 300)
        #expect(try log.count() == 600)
    }

    @Test func aRenameInABatchIsStillARename() throws {
        let folder = try makeFolder(files: 3)
        let log = try EventLog(path: folder.full("log.sqlite"))
        let recorder = SourceRecorder(log: log, extractor: SourceRecorderTests.SourceStreamExtractor(), readModels: nil)
        let reconciler = FolderReconciler(recorder: recorder, logger: logger)
        let loader = ReadoutLoader(root: folder.path, maximumSize: 1 << 20)
        _ = try reconciler.reconcile(names: ["r0000.txt", "r0001.txt", "r0002.txt"], complete: true, read: loader.load)
        try FileManager.default.moveItem(atPath: folder.full("r0001.txt"), toPath: folder.full("moved.txt"))
        let summary = try reconciler.reconcile(names: ["r0001.txt", "moved.txt"], complete: false, read: loader.load)
        #expect(summary.renamed == 1 && summary.added == 0 && summary.withdrawn == 0)
        #expect(try log.events(after: 6, limit: 10).map(\.type) == ["SourceRenamed"])
    }

    @Test func aStopRequestCommitsWhatWasRecordedAndStops() throws {
        let folder = try makeFolder(files: 200)
        let log = try EventLog(path: folder.full("log.sqlite"))
        let recorder = SourceRecorder(log: log, extractor: SourceRecorderTests.SourceStreamExtractor(), readModels: nil)
        let reconciler = FolderReconciler(recorder: recorder, logger: logger)
        let loader = ReadoutLoader(root: folder.path, maximumSize: 1 << 20)
        let names = (0..<200).map { String(format: "r%04d.txt", $0) }
        var checks = 0
        let summary = try reconciler.reconcile(names: names, complete: true, shouldStop: {
            checks += 1
            return checks > 25
        }, read: loader.load)
        #expect(summary.stopped)
        #expect(summary.added == 25)
        #expect(try sourceNames(log) == names.prefix(25).map { SourceEvents.stream(for: $0) })
    }

    @Test func anErrorRollsTheBatchBackAndPropagates() throws {
        let folder = try makeFolder(files: 100)
        let log = try EventLog(path: folder.full("log.sqlite"))
        let recorder = SourceRecorder(log: log, extractor: SourceRecorderTests.SourceStreamExtractor(),
                                      readModels: FailingReadModels(failAt: 40))
        let reconciler = FolderReconciler(recorder: recorder, logger: logger)
        let loader = ReadoutLoader(root: folder.path, maximumSize: 1 << 20)
        let names = (0..<100).map { String(format: "r%04d.txt", $0) }
        #expect(throws: ReadModelFailed.self) { try reconciler.reconcile(names: names, complete: true, read: loader.load) }
        #expect(try log.count() == 0)
    }
}
