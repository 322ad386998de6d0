import Logging

/// A source of ``FolderChangeBatch``es for one watched folder: ``InotifyWatcher`` or
/// ``PollingWatcher``.
///
/// Lifecycle: `init` arms the watcher (watches added, or first snapshot taken), so changes made
/// from then on are reported; do the start-up scan after `init`, then `start()` and iterate
/// `changes`. `stop()` (or dropping the stream's consumer) ends the thread and finishes the stream.
public protocol FolderWatcher: AnyObject, Sendable {
    /// The batches, in order. Finishes after `stop()`.
    var changes: AsyncStream<FolderChangeBatch> { get }
    /// Starts the watcher's own thread. Calling it again does nothing.
    func start()
    /// Stops the thread promptly; the stream finishes after any pending batch.
    func stop()
}

/// Makes the daemon's watcher: polling every `pollInterval` when given, else inotify, falling
/// back to polling every 2 s (logged) when inotify is unavailable.
public func makeFolderWatcher(
    root: String, settleWindow: Duration = .milliseconds(50), pollInterval: Duration? = nil, logger: Logger
) throws(FolderWatchError) -> any FolderWatcher {
    if let pollInterval {
        return try PollingWatcher(root: root, interval: pollInterval, settleWindow: settleWindow, logger: logger)
    }
    do {
        return try InotifyWatcher(root: root, configuration: .init(settleWindow: settleWindow), logger: logger)
    } catch .unavailable(let code) {
        logger.warning("inotify unavailable, polling instead", metadata: [
            "sync.error": "\(POSIX.describe(errno: code))", "sync.root": "\(root)",
        ])
        return try PollingWatcher(root: root, interval: .seconds(2), settleWindow: settleWindow, logger: logger)
    } catch {
        throw error
    }
}
