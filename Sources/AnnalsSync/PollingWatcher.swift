import Foundation
import Glibc
import Logging
import Synchronization

/// The fallback watcher: rescans the folder every ``interval`` and reports what differs.
///
/// Used when inotify is unavailable or `--poll SECONDS` is given. Compares (size, mtime, inode)
/// per candidate path and emits the same ``FolderChangeBatch``es as ``InotifyWatcher``, at most
/// one per pass. Scans run on a thread of its own, never on Swift's cooperative pool. A root
/// that cannot be scanned is logged and skipped, never taken as "everything was deleted".
public final class PollingWatcher: FolderWatcher {
    /// The watched folder.
    public let root: String
    /// Time between two scans.
    public let interval: Duration
    public var changes: AsyncStream<FolderChangeBatch> { thread.changes }
    private let thread: WatcherThread<PollingLoop>

    /// Takes the first snapshot now, so every change from here on is reported by later passes.
    ///
    /// - Parameter settleWindow: a file modified more recently than this is left for the next
    ///   pass, so it is not read half-written.
    /// - throws: ``FolderWatchError/rootUnusable(_:)`` when `root` cannot be scanned.
    public init(root: String, interval: Duration, settleWindow: Duration = .milliseconds(50), logger: Logger) throws(FolderWatchError) {
        self.root = root
        self.interval = interval
        thread = try WatcherThread(loop: PollingLoop(root: root, interval: interval, settleWindow: settleWindow, logger: logger))
    }

    /// Starts the polling thread. Calling it again, or after ``stop()``, does nothing.
    public func start() { thread.start(name: "annals.poll") }

    /// Wakes the thread, which finishes ``changes``; returns at once.
    public func stop() { thread.stop() }

    deinit { stop() }
}
