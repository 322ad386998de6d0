import Foundation

/// One daemon per database: an exclusive `flock` on `<database>.lock`, held for the process's
/// life, with the holder's pid and start time written inside so a refusal can name it.
///
/// The kernel drops the lock when the process dies, even by SIGKILL, so a crash never leaves a
/// stale lock behind (unlike a pid file alone).
public final class DaemonLock {
    /// Why the lock could not be taken.
    public enum LockError: Error, CustomStringConvertible, Equatable {
        case held(path: String, holder: String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case let .held(path, holder):
                return "another annals daemon already runs on this database (\(holder); lock \(path)); stop it first"
            case let .cannotOpen(path, reason):
                return "cannot open the lock file \(path): \(reason)"
            }
        }
    }

    public let path: String
    private let descriptor: Int32

    /// Takes the lock for `databasePath`, or throws naming the holder.
    public init(databasePath: String) throws(LockError) {
        path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            let holder = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "pid unknown"
            throw .held(path: path, holder: holder)
        }
        descriptor = fd
        let note = "pid \(getpid()), started \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
