import Glibc

/// A non-blocking pipe a watcher thread polls beside its real descriptor, so `stop()` from any
/// thread wakes it at once instead of waiting out a timeout.
final class WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(FolderWatchError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .unavailable(errno: errno) }
        for fd in fds {  // pipe2 needs _GNU_SOURCE, which Glibc's module does not define
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// Makes the read end readable. A full pipe (`EAGAIN`) is already readable, so errors are moot.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// True when `revents` from `poll` says the pipe was signalled.
    func isSignalled(_ revents: Int16) -> Bool { revents != 0 }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
