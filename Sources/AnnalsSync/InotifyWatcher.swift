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

    private enum State { case armed, running, stopped }

    /// The watched folder.
    public let root: String
    public let changes: AsyncStream<FolderChangeBatch>
    private let continuation: AsyncStream<FolderChangeBatch>.Continuation
    private let loop: InotifyEventLoop
    private let wake: WakePipe
    private let state = Mutex(State.armed)

    /// Opens inotify and watches `root` and its visible subfolders, so every change from now on
    /// is reported once ``start()`` runs (events wait in the kernel queue until then).
    ///
    /// - throws: ``FolderWatchError/unavailable(errno:)`` when inotify cannot be used (fall back
    ///   to ``PollingWatcher``), ``FolderWatchError/rootUnusable(_:)`` when `root` is missing.
    public init(root: String, configuration: Configuration = Configuration(), logger: Logger) throws(FolderWatchError) {
        self.root = root
        wake = try WakePipe()
        loop = try InotifyEventLoop(
            root: root, settleWindow: configuration.settleWindow,
            maxBatchDelay: configuration.maxBatchDelay, logger: logger)
        (changes, continuation) = AsyncStream.makeStream(of: FolderChangeBatch.self, bufferingPolicy: .unbounded)
        let wake = wake
        continuation.onTermination = { _ in wake.signal() }
    }

    /// Starts the watcher thread. Calling it again, or after ``stop()``, does nothing.
    public func start() {
        let starting = state.withLock { state in
            guard state == .armed else { return false }
            state = .running
            return true
        }
        guard starting else { return }
        let (loop, wake, continuation) = (loop, wake, continuation)
        let thread = Thread { loop.run(wake: wake, continuation: continuation) }
        thread.name = "annals.inotify"
        thread.start()
    }

    /// Wakes the thread, which delivers any pending batch, finishes ``changes`` and closes the
    /// inotify descriptor; returns at once (the thread is gone within milliseconds).
    public func stop() {
        let wasArmed = state.withLock { state in
            defer { state = .stopped }
            return state == .armed
        }
        if wasArmed {
            continuation.finish()  // no thread to do it; the descriptor closes with the loop
            loop.closeUnstarted()
        } else {
            wake.signal()
        }
    }

    deinit { stop() }
}
