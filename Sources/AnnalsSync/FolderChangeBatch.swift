/// What may have changed in the watched folder during one settle window.
///
/// Advisory, never authoritative: the reconciler re-examines each path on disk (read it with
/// ``SafeFileReader``; gone means withdrawn). Each path is in exactly one list, the one its
/// last event pointed to (a file written then deleted in one window is only in `removed`).
/// Only candidate names appear (see ``FileNameRules``); both lists are sorted.
public struct FolderChangeBatch: Sendable, Hashable {
    /// Created, written (`IN_CLOSE_WRITE`), renamed in (`IN_MOVED_TO`) or found in a new
    /// subfolder; also links, FIFOs and the like that appeared, so their skip gets logged.
    public var changed: [String]
    /// Deleted or renamed away. A rename inside the folder lists the old name here and the new
    /// one in `changed`, in the same batch when both events fall in one window.
    public var removed: [String]
    /// Events were lost (`IN_Q_OVERFLOW`, a watch that could not be added, a subfolder moved
    /// away or renamed, the root itself moved): compare the whole folder with the log.
    public var needsFullRescan: Bool

    public init(changed: [String] = [], removed: [String] = [], needsFullRescan: Bool = false) {
        self.changed = changed
        self.removed = removed
        self.needsFullRescan = needsFullRescan
    }

    /// True when there is nothing to do.
    public var isEmpty: Bool { changed.isEmpty && removed.isEmpty && !needsFullRescan }
}
