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
    private enum State { case armed, running, stopped }

    /// The watched folder.
    public let root: String
    /// Time between two scans.
    public let interval: Duration
    public let changes: AsyncStream<FolderChangeBatch>
    private let continuation: AsyncStream<FolderChangeBatch>.Continuation
    private let loop: PollingLoop
    private let wake: WakePipe
    private let state = Mutex(State.armed)

    /// Takes the first snapshot now, so every change from here on is reported by later passes.
    ///
    /// - Parameter settleWindow: a file modified more recently than this is left for the next
    ///   pass, so it is not read half-written.
    /// - throws: ``FolderWatchError/rootUnusable(_:)`` when `root` cannot be scanned.
    public init(root: String, interval: Duration, settleWindow: Duration = .milliseconds(50), logger: Logger) throws(FolderWatchError) {
        self.root = root
        self.interval = interval
        wake = try WakePipe()
        loop = try PollingLoop(root: root, interval: interval, settleWindow: settleWindow, logger: logger)
        (changes, continuation) = AsyncStream.makeStream(of: FolderChangeBatch.self, bufferingPolicy: .unbounded)
        let wake = wake
        continuation.onTermination = { _ in wake.signal() }
    }

    /// Starts the polling thread. Calling it again, or after ``stop()``, does nothing.
    public func start() {
        let starting = state.withLock { state in
            guard state == .armed else { return false }
            state = .running
            return true
        }
        guard starting else { return }
        let (loop, wake, continuation) = (loop, wake, continuation)
        let thread = Thread { loop.run(wake: wake, continuation: continuation) }
        thread.name = "annals.poll"
        thread.start()
    }

    /// Wakes the thread, which finishes ``changes``; returns at once.
    public func stop() {
        let wasArmed = state.withLock { state in
            defer { state = .stopped }
            return state == .armed
        }
        if wasArmed { continuation.finish() } else { wake.signal() }
    }

    deinit { stop() }
}
