import AnnalsSync
import Foundation
import Glibc
import Logging
import Testing

/// Large drops, off by default (set ANNALS_SLOW_TESTS=1): the suite stays within seconds.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ANNALS_SLOW_TESTS"] != nil))
struct SlowFolderTests {
    @Test func tenThousandRenamedInAtOnceAreAllReported() async throws {
        let folder = try TempFolder()
        let staging = try TempFolder()
        let names = (0..<10_000).map { String(format: "drop-%05d.txt", $0) }
        for name in names { try staging.write(name) }
        let watcher = try InotifyWatcher(root: folder.path, logger: Logger(label: "test.sync.slow"))
        defer { watcher.stop() }
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        let started = ContinuousClock.now
        for name in names { #expect(Glibc.rename(staging.full(name), folder.full(name)) == 0) }
        let moved = ContinuousClock.now
        #expect(await collector.wait(timeout: .seconds(30)) { $0.changed.count == 10_000 || $0.batches.contains(where: \.needsFullRescan) })
        print("10000 renames in \(moved - started), all reported after \(ContinuousClock.now - started) in \(collector.batches.count) batches, rescan: \(collector.batches.contains(where: \.needsFullRescan))")
        #expect(collector.changed == Set(names))

        let scanStarted = ContinuousClock.now
        let scan = try FolderScanner(root: folder.path).scan()
        print("scan of 10000 files: \(ContinuousClock.now - scanStarted)")
        #expect(scan.entries.count == 10_000)
    }

    @Test func tenThousandWrittenInPlaceAreAllReportedOrRescanned() async throws {
        let folder = try TempFolder()
        let watcher = try InotifyWatcher(root: folder.path, logger: Logger(label: "test.sync.slow"))
        defer { watcher.stop() }
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        let names = (0..<10_000).map { String(format: "w-%05d.txt", $0) }
        for name in names { try folder.write(name) }
        #expect(await collector.wait(timeout: .seconds(30)) { $0.changed.count == 10_000 || $0.batches.contains(where: \.needsFullRescan) })
        print("10000 writes: \(collector.changed.count) reported in \(collector.batches.count) batches, rescan: \(collector.batches.contains(where: \.needsFullRescan))")
    }
}
