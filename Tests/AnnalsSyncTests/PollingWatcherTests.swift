import AnnalsSync
import Glibc
import Logging
import Testing

/// The polling fallback on a real temp folder, scanning every 30 ms.
struct PollingWatcherTests {
    let logger = Logger(label: "test.sync.poll")

    @Test func seesCreateChangeAndDelete() async throws {
        let folder = try TempFolder()
        try folder.write("edited.txt", "First.\n")
        try folder.write("deleted.txt")
        let watcher = try PollingWatcher(
            root: folder.path, interval: .milliseconds(30), settleWindow: .milliseconds(20), logger: logger)
        defer { watcher.stop() }
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()

        try folder.write("created.txt")
        try folder.write("edited.txt", "Second version.\n")
        try folder.remove("deleted.txt")
        try folder.write(".hidden.txt")
        try folder.write("x.txt.part")
        #expect(await collector.wait { $0.changed == ["created.txt", "edited.txt"] && $0.removed == ["deleted.txt"] })
        await collector.settle()
        #expect(collector.mentioned == ["created.txt", "deleted.txt", "edited.txt"])
    }

    @Test func stopFinishesTheStream() async throws {
        let folder = try TempFolder()
        let watcher = try PollingWatcher(root: folder.path, interval: .seconds(120), logger: logger)
        let collector = BatchCollector()
        collector.consume(watcher.changes)
        watcher.start()
        watcher.stop()
        #expect(await collector.wait(timeout: .seconds(20)) { $0.finished })
    }

    @Test func makeFolderWatcherHonoursPoll() throws {
        let folder = try TempFolder()
        let polling = try makeFolderWatcher(root: folder.path, pollInterval: .seconds(1), logger: logger)
        let live = try makeFolderWatcher(root: folder.path, logger: logger)
        defer { polling.stop(); live.stop() }
        #expect(polling is PollingWatcher)
        #expect(live is InotifyWatcher)
    }
}
