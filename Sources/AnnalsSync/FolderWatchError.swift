/// Why a watcher could not start. For ``unavailable(errno:)`` on inotify, fall back to
/// ``PollingWatcher``.
public enum FolderWatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kernel facility failed (`inotify_init1`, the root's watch, a pipe): `ENOSYS`, `EMFILE`,
    /// `ENOSPC` (watch limit)...
    case unavailable(errno: Int32)
    /// The watched folder itself cannot be opened or scanned.
    case rootUnusable(FileReadError)

    public var description: String {
        switch self {
        case .unavailable(let code): "inotify unavailable: \(POSIX.describe(errno: code))"
        case .rootUnusable(let error): "watched folder unusable: \(error.reason)"
        }
    }
}
