@testable import AnnalsSync
import Foundation
import Glibc
import InMemoryLogging
import Logging
import Testing

/// The inotify watcher on real temp folders. Each test has its own folder and watcher.
struct InotifyWatcherTests {
    let logs = InMemoryLogHandler()
    var logger: Logger { Logger(label: "test.sync") { [logs] _ in logs } }

    func watch(_ folder: TempFolder, settle: Duration = .milliseconds(40)) throws -> (InotifyWatcher, BatchCollector) {
        let watcher = try InotifyWatcher(root: folder.path, configuration: .init(settleWindow: settle), logger: logger)
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        return (watcher, collector)
    }

    @Test func seesATempFileRenamedIntoPlace() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.write("drop.txt.part", "Partial.\n")
        try folder.rename("drop.txt.part", "drop.txt")
        #expect(await collector.wait { $0.changed == ["drop.txt"] })
        #expect(collector.removed.isEmpty)
        #expect(collector.batches.flatMap(\.renamedIn) == ["drop.txt"])
    }

    @Test func aDropRenamedInIsNotHeldBackByAFileStillSettling() async throws {
        let folder = try TempFolder()
        // A settle window far longer than the test: only a drop that skips it can be delivered.
        let (watcher, collector) = try watch(folder, settle: .seconds(60))
        defer { watcher.stop() }
        try folder.write("busy.txt", "Version 0.\n")
        try folder.write("drop.txt.part", "Complete.\n")
        try folder.rename("drop.txt.part", "drop.txt")
        #expect(await collector.wait { $0.changed.contains("drop.txt") })
        #expect(!collector.changed.contains("busy.txt"), "busy.txt is still inside its own window")
        #expect(collector.batches.first == FolderChangeBatch(changed: ["drop.txt"], renamedIn: ["drop.txt"]))
    }

    @Test func aFileWrittenInPlaceWaitsForItsOwnQuietWindow() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder, settle: .milliseconds(300))
        defer { watcher.stop() }
        let started = ContinuousClock.now
        try folder.write("a.txt", "Written in place.\n")
        #expect(await collector.wait { $0.changed == ["a.txt"] })
        #expect(started.duration(to: .now) >= .milliseconds(300))
        #expect(collector.batches.flatMap(\.renamedIn).isEmpty, "an in-place write is not known to be complete")
    }

    @Test func seesAnEditAndADelete() async throws {
        let folder = try TempFolder()
        try folder.write("a.txt")
        try folder.write("b.txt")
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.write("a.txt", "Edited in place.\n")
        try folder.remove("b.txt")
        #expect(await collector.wait { $0.changed == ["a.txt"] && $0.removed == ["b.txt"] })
    }

    @Test func anAtomicSaveIsOneChangedPathEach() async throws {
        let folder = try TempFolder()
        try folder.write("a.txt")
        try folder.write("b.txt")
        let (watcher, collector) = try watch(folder, settle: .milliseconds(60))
        defer { watcher.stop() }
        // gedit-style: write a hidden temp file, rename it over the original.
        try folder.write(".a.txt.tmp", "Saved.\n")
        try folder.rename(".a.txt.tmp", "a.txt")
        // vim-style: move the original to a backup, write anew, delete the backup.
        try folder.rename("b.txt", "b.txt~")
        try folder.write("b.txt", "Saved.\n")
        try folder.remove("b.txt~")
        #expect(await collector.wait { $0.changed == ["a.txt", "b.txt"] })
        await collector.settle()
        // a.txt arrived by rename and goes at once; b.txt waits for its own quiet window. Neither
        // is ever reported removed.
        #expect(collector.batches.flatMap(\.changed).sorted() == ["a.txt", "b.txt"])
        #expect(collector.removed.isEmpty)
        #expect(collector.batches.flatMap(\.renamedIn) == ["a.txt"])
    }

    @Test func aRenameListsOldAndNewNamesInOneBatch() async throws {
        let folder = try TempFolder()
        try folder.write("old.txt")
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.rename("old.txt", "new.txt")
        #expect(await collector.wait { !$0.batches.isEmpty })
        #expect(collector.batches.first == FolderChangeBatch(changed: ["new.txt"], renamedIn: ["new.txt"], removed: ["old.txt"]))
    }

    @Test func renamesWithinTheFolderAmongDropsKeepBothNamesInOneBatch() async throws {
        let folder = try TempFolder()
        let names = (0..<20).map { "old-\($0).txt" }
        for name in names { try folder.write(name, "Readout \(name).\n") }
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        for (index, name) in names.enumerated() {
            try folder.write(".drop-\(index).tmp", "Drop \(index).\n")
            try folder.rename(".drop-\(index).tmp", "drop-\(index).txt")
            try folder.rename(name, "new-\(index).txt")
        }
        #expect(await collector.wait { $0.removed.count == names.count && $0.changed.count == 2 * names.count })
        for index in names.indices {
            let batch = collector.batches.first { $0.removed.contains("old-\(index).txt") }
            #expect(batch?.changed.contains("new-\(index).txt") == true, "old-\(index).txt left without its new name")
        }
    }

    @Test func seesFilesInANewSubfolderIncludingThoseWrittenBeforeItsWatch() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.mkdir("new/deeper")  // both folders and the file may exist before any watch does
        try folder.write("new/deeper/early.txt")
        try folder.write("new/early.txt")
        #expect(await collector.wait { $0.changed.isSuperset(of: ["new/early.txt", "new/deeper/early.txt"]) })
        try folder.write("new/deeper/later.txt")
        #expect(await collector.wait { $0.changed.contains("new/deeper/later.txt") })
    }

    @Test func ignoresHiddenAndPartialNamesUntilRenamed() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.write(".hidden.txt")
        try folder.write("x.txt.part")
        try folder.write("notes.md")
        try folder.write("control.txt")
        #expect(await collector.wait { $0.changed.contains("control.txt") })
        await collector.settle()
        #expect(collector.mentioned == ["control.txt"])
        try folder.rename(".hidden.txt", "shown.txt")
        try folder.rename("x.txt.part", "x.txt")
        #expect(await collector.wait { $0.changed == ["control.txt", "shown.txt", "x.txt"] })
        #expect(collector.removed.isEmpty)
    }

    @Test func coalescesABurstOf200Files() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        let names = (0..<200).map { "burst-\($0).txt" }
        for name in names { try folder.write(name) }
        #expect(await collector.wait { $0.changed.count == 200 })
        #expect(collector.changed == Set(names))
        // Readiness is per path, so batches follow the writes (each path 40 ms after its own
        // event, with whatever else is ready within the 2 ms coalescing window): a few files a
        // batch while the test writes slowly under load, never one batch per file.
        #expect(collector.batches.count < names.count / 2, "200 files must coalesce, not go one batch each")
    }

    @Test func eventsReadTogetherBecomeOneBatch() async throws {
        let folder = try TempFolder()
        let watcher = try InotifyWatcher(root: folder.path, configuration: .init(settleWindow: .milliseconds(40)), logger: logger)
        defer { watcher.stop() }
        // Not started yet: the 200 events wait in the kernel queue and are read in one go.
        let names = (0..<200).map { "burst-\($0).txt" }
        for name in names { try folder.write(name) }
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        #expect(await collector.wait { $0.changed.count == 200 })
        #expect(collector.batches.count == 1, "events read in one go are noted at one instant, so ready together")
    }

    @Test func reportsLinksAndFIFOsSoTheirSkipIsLogged() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.symlink("link.txt", to: "/etc/hostname")
        try folder.mkfifo("pipe.txt")
        try folder.mkdir("x.txt")
        #expect(await collector.wait { $0.changed == ["link.txt", "pipe.txt", "x.txt"] })
    }

    @Test func aFolderMovedInReportsItsReadouts() async throws {
        let folder = try TempFolder()
        let elsewhere = try TempFolder()
        try elsewhere.mkdir("batch/inner")
        try elsewhere.write("batch/a.txt")
        try elsewhere.write("batch/inner/b.txt")
        try elsewhere.write("batch/.c.txt")
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        #expect(Glibc.rename(elsewhere.full("batch"), folder.full("batch")) == 0)
        #expect(await collector.wait { $0.changed == ["batch/a.txt", "batch/inner/b.txt"] })
        try folder.write("batch/inner/d.txt")
        #expect(await collector.wait { $0.changed.contains("batch/inner/d.txt") })
    }

    @Test func aFolderRenamedInsideTheRootKeepsBeingWatchedUnderItsNewName() async throws {
        let folder = try TempFolder()
        try folder.mkdir("old/inner")
        try folder.write("old/inner/a.txt")
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.rename("old", "new")
        #expect(await collector.wait { $0.changed.contains("new/inner/a.txt") && $0.batches.contains(where: \.needsFullRescan) })
        try folder.write("new/inner/b.txt")
        #expect(await collector.wait { $0.changed.contains("new/inner/b.txt") })
        #expect(!collector.mentioned.contains { $0.hasPrefix("old/") })
    }

    @Test func aLinkedFolderIsNeverWatched() async throws {
        let folder = try TempFolder()
        let outside = try TempFolder()
        try folder.symlink("outside", to: outside.path)
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try outside.write("secret.txt")
        try folder.symlink("later", to: outside.path)
        try outside.write("secret2.txt")
        try folder.write("control.txt")
        #expect(await collector.wait { $0.changed.contains("control.txt") })
        await collector.settle()
        #expect(collector.mentioned == ["control.txt"])
    }

    @Test func aSubfolderMovedAwayAsksForAFullRescan() async throws {
        let folder = try TempFolder()
        let elsewhere = try TempFolder()
        try folder.mkdir("sub")
        try folder.write("sub/a.txt")
        let (watcher, collector) = try watch(folder)
        defer { watcher.stop() }
        try folder.rename("sub", "../" + elsewhere.path.split(separator: "/").last! + "/sub")
        #expect(await collector.wait { $0.batches.contains(where: \.needsFullRescan) })
        // The moved folder is no longer watched: writes there are not ours.
        try elsewhere.write("sub/b.txt")
        await collector.settle()
        #expect(!collector.mentioned.contains("sub/b.txt"))
    }

    @Test func aQueueOverflowAsksForAFullRescanAndIsLogged() async throws {
        let folder = try TempFolder()
        try folder.write("a.txt")
        let watcher = try InotifyWatcher(root: folder.path, logger: logger)
        defer { watcher.stop() }
        // Not started yet: events wait in the kernel queue (16384 by default) until it overflows.
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16384
        try #require(limit <= 65536, "max_queued_events is too high for this test")
        // Each rename queues two events (IN_MOVED_FROM, IN_MOVED_TO), never two identical in a
        // row (the kernel merges those), and costs far less than a write.
        for step in 0...(limit / 2 + 1) {
            if step.isMultiple(of: 2) { try folder.rename("a.txt", "c.txt") } else { try folder.rename("c.txt", "a.txt") }
        }
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        #expect(await collector.wait { $0.batches.contains(where: \.needsFullRescan) })
        #expect(logs.entries.contains { "\($0.message)".contains("overflow") })
    }

    @Test func changesBeforeStartAreDelivered() async throws {
        let folder = try TempFolder()
        let watcher = try InotifyWatcher(root: folder.path, logger: logger)
        defer { watcher.stop() }
        try folder.write("early.txt")
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        #expect(await collector.wait { $0.changed == ["early.txt"] })
    }

    @Test func stopFinishesTheStreamPromptly() async throws {
        let folder = try TempFolder()
        let (watcher, collector) = try watch(folder)
        try await Task.sleep(for: .milliseconds(20))
        watcher.stop()
        #expect(await collector.wait(timeout: .seconds(20)) { $0.finished })
        watcher.stop()  // idempotent
    }

    @Test func stopBeforeStartFinishesTheStream() async throws {
        let folder = try TempFolder()
        let watcher = try InotifyWatcher(root: folder.path, logger: logger)
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.stop()
        watcher.start()  // too late: does nothing
        #expect(await collector.wait(timeout: .seconds(20)) { $0.finished })
    }

    @Test func aMissingRootCannotBeWatched() throws {
        let folder = try TempFolder()
        #expect(throws: FolderWatchError.rootUnusable(.vanished)) {
            try InotifyWatcher(root: folder.full("missing"), logger: logger)
        }
    }
}
