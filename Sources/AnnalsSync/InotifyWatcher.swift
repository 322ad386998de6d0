import Foundation
import Logging
import Synchronization

/// Watches a folder and its subfolders with Linux inotify and delivers coalesced batches.
///
/// Watches `IN_CLOSE_WRITE`, `IN_MOVED_TO`, `IN_MOVED_FROM`, `IN_DELETE`, `IN_CREATE` (for new
/// subfolders, links and FIFOs) and the root's own deletion. Blocking waits happen on a thread
/// of its own (`poll` on the inotify descriptor and a wake pipe), never on Swift's cooperative
/// pool. A burst of events within ``Configuration/settleWindow`` becomes one batch, so an
/// editor's atomic save (write a temp file, rename over) is one changed path. Hidden and
/// temporary names are ignored until renamed to a real name. Lost events (`IN_Q_OVERFLOW`, the
/// watch limit) set ``FolderChangeBatch/needsFullRescan`` and are logged.
public final class InotifyWatcher: FolderWatcher {
    /// Timing of batches.
    public struct Configuration: Sendable {
        /// A batch goes out once the folder has been quiet this long.
        public var settleWindow: Duration
        /// ...or this long after its first event, however busy the folder stays. Short, so a
        /// steady trickle of drops (one every 20 ms never lets the folder settle) is still
        /// recorded within a few tenths of a second; a burst is then several batches, each
        /// costing only its own files.
        public var maxBatchDelay: Duration

        public init(settleWindow: Duration = .milliseconds(50), maxBatchDelay: Duration = .milliseconds(150)) {
            self.settleWindow = settleWindow
            self.maxBatchDelay = max(maxBatchDelay, settleWindow)
        }
    }

    /// The watched folder.
    public let root: String
    public var changes: AsyncStream<FolderChangeBatch> { thread.changes }
    private let thread: WatcherThread<InotifyEventLoop>

    /// Opens inotify and watches `root` and its visible subfolders, so every change from now on
    /// is reported once ``start()`` runs (events wait in the kernel queue until then).
    ///
    /// - throws: ``FolderWatchError/unavailable(errno:)`` when inotify cannot be used (fall back
    ///   to ``PollingWatcher``), ``FolderWatchError/rootUnusable(_:)`` when `root` is missing.
    public init(root: String, configuration: Configuration = Configuration(), logger: Logger) throws(FolderWatchError) {
        self.root = root
        thread = try WatcherThread(loop: InotifyEventLoop(
            root: root, settleWindow: configuration.settleWindow,
            maxBatchDelay: configuration.maxBatchDelay, logger: logger))
    }

    /// Starts the watcher thread. Calling it again, or after ``stop()``, does nothing.
    public func start() { thread.start(name: "annals.inotify") }

    /// Wakes the thread, which delivers any pending batch, finishes ``changes`` and closes the
    /// inotify descriptor; returns at once (the thread is gone within milliseconds).
    public func stop() { thread.stop() }

    deinit { stop() }
}
