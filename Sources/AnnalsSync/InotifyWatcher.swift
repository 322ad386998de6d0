import Foundation
import Logging
import Synchronization

/// Watches a folder and its subfolders with Linux inotify and delivers coalesced batches.
///
/// Watches `IN_CLOSE_WRITE`, `IN_MOVED_TO`, `IN_MOVED_FROM`, `IN_DELETE`, `IN_CREATE` (for new
/// subfolders, links and FIFOs) and the root's own deletion. Blocking waits happen on a thread
/// of its own (`poll` on the inotify descriptor and a wake pipe), never on Swift's cooperative
/// pool. Each path becomes ready on its own (``PendingChanges``): a name renamed in is complete
/// and goes out within ``Configuration/coalesceWindow``; a file written in place, or removed,
/// once it has been quiet for ``Configuration/settleWindow`` (so an editor's atomic save is one
/// changed path); the old name of a rename goes out with the new one. Hidden and temporary
/// names are ignored until renamed to a real name. Lost events (`IN_Q_OVERFLOW`, the watch
/// limit) set ``FolderChangeBatch/needsFullRescan`` and are logged.
///
/// `IN_MODIFY` is deliberately not watched: it fires for every `write(2)`, and a file still
/// open for writing is not worth reading; `IN_CLOSE_WRITE` says a writer finished, and
/// ``ReadoutLoader/quietPeriod`` catches a writer that reopens the file after a pause.
public final class InotifyWatcher: FolderWatcher {
    /// Timing of batches.
    public struct Configuration: Sendable {
        /// A path written in place (or removed) is ready once it has been quiet this long: its
        /// own events only, so other files still arriving never hold it back.
        public var settleWindow: Duration
        /// ...or this long after its first event, however often it is rewritten, so a file
        /// written steadily is still recorded within a few tenths of a second.
        public var maxBatchDelay: Duration
        /// A batch goes out this long after its first path is ready, with every path ready by
        /// then: a burst of drops becomes a few batches, not one per file, for a few
        /// milliseconds of latency. A name renamed in is ready at once, so this is its delay.
        public var coalesceWindow: Duration

        public init(settleWindow: Duration = .milliseconds(50), maxBatchDelay: Duration = .milliseconds(150),
                    coalesceWindow: Duration = .milliseconds(2)) {
            self.settleWindow = settleWindow
            self.maxBatchDelay = max(maxBatchDelay, settleWindow)
            self.coalesceWindow = max(coalesceWindow, .zero)
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
            root: root,
            timing: .init(settle: configuration.settleWindow, maxDelay: configuration.maxBatchDelay,
                          coalesce: configuration.coalesceWindow),
            logger: logger))
    }

    /// Starts the watcher thread. Calling it again, or after ``stop()``, does nothing.
    public func start() { thread.start(name: "annals.inotify") }

    /// Wakes the thread, which delivers any pending batch, finishes ``changes`` and closes the
    /// inotify descriptor; returns at once (the thread is gone within milliseconds).
    public func stop() { thread.stop() }

    deinit { stop() }
}
