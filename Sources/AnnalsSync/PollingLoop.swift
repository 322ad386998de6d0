import Glibc
import Logging

/// The polling thread's state. `@unchecked Sendable` by confinement, like ``InotifyEventLoop``.
final class PollingLoop: @unchecked Sendable, WatcherLoop {
    let interval: Duration
    let settleWindow: Duration
    let logger: Logger
    private let scanner: FolderScanner
    private var snapshot: FolderSnapshot
    private var failing = false

    init(root: String, interval: Duration, settleWindow: Duration, logger: Logger) throws(FolderWatchError) {
        self.interval = interval
        self.settleWindow = settleWindow
        self.logger = logger
        scanner = FolderScanner(root: root)
        do {
            snapshot = FolderSnapshot(try scanner.scan())
        } catch {
            throw .rootUnusable(error)
        }
    }

    func run(wake: WakePipe, continuation: AsyncStream<FolderChangeBatch>.Continuation) {
        defer { continuation.finish() }
        let (seconds, attoseconds) = interval.components
        let timeout = Int32(clamping: max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        while true {
            var fds = [pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 1, timeout)
            if ready < 0, errno != EINTR { return }
            if fds[0].revents != 0 { return }
            if ready == 0, let batch = pass(), !batch.isEmpty { continuation.yield(batch) }
        }
    }

    /// One scan compared with the last; nil when the root could not be scanned.
    private func pass() -> FolderChangeBatch? {
        let scan: FolderScan
        do {
            scan = try scanner.scan()
        } catch {
            if !failing {
                logger.info("cannot scan watched folder; will retry", metadata: [
                    "sync.root": "\(scanner.root)", "sync.error": "\(error.reason)",
                ])
            }
            failing = true
            return nil
        }
        failing = false
        let (seconds, attoseconds) = settleWindow.components
        let settle = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let (batch, kept) = snapshot.changes(
            to: FolderSnapshot(scan), nowNanoseconds: POSIX.nowNanoseconds(), settleNanoseconds: settle)
        snapshot = kept
        return batch
    }
}
