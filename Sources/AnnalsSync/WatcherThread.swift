import Foundation
import Synchronization

/// A watcher's loop: runs on its own thread until woken, delivering batches.
protocol WatcherLoop: AnyObject, Sendable {
    func run(wake: WakePipe, continuation: AsyncStream<FolderChangeBatch>.Continuation)
    /// Releases what the loop holds when it is stopped without ever having run.
    func closeUnstarted()
}

extension WatcherLoop {
    func closeUnstarted() {}
}

/// The life of a watcher's thread, shared by `InotifyWatcher` and `PollingWatcher`: armed at
/// init, started once, stopped once, and the stream finished whichever way it ends.
///
/// The loop runs on a `Thread` of its own so blocking `poll` never occupies Swift's cooperative
/// pool; a wake pipe ends it promptly.
final class WatcherThread<Loop: WatcherLoop>: Sendable {
    private enum State { case armed, running, stopped }

    let changes: AsyncStream<FolderChangeBatch>
    private let continuation: AsyncStream<FolderChangeBatch>.Continuation
    private let loop: Loop
    private let wake: WakePipe
    private let state = Mutex(State.armed)

    init(loop: Loop) throws(FolderWatchError) {
        self.loop = loop
        wake = try WakePipe()
        (changes, continuation) = AsyncStream.makeStream(of: FolderChangeBatch.self, bufferingPolicy: .unbounded)
        let wake = wake
        continuation.onTermination = { _ in wake.signal() }
    }

    /// Starts the thread named `name`. Calling it again, or after `stop()`, does nothing.
    func start(name: String) {
        let starting = state.withLock { state in
            guard state == .armed else { return false }
            state = .running
            return true
        }
        guard starting else { return }
        let (loop, wake, continuation) = (loop, wake, continuation)
        let thread = Thread { loop.run(wake: wake, continuation: continuation) }
        thread.name = name
        thread.start()
    }

    /// Wakes the thread, which finishes the stream; never started, finishes it here. Returns at once.
    func stop() {
        let wasArmed = state.withLock { state in
            defer { state = .stopped }
            return state == .armed
        }
        if wasArmed {
            continuation.finish()
            loop.closeUnstarted()
        } else {
            wake.signal()
        }
    }
}
