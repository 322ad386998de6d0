/// What may have changed in the watched folder: the paths a watcher found ready together.
///
/// Advisory, never authoritative: the reconciler re-examines each path on disk (read it with
/// ``SafeFileReader``; gone means withdrawn). Each path is in `changed` or `removed`, the one its
/// last event pointed to (a file written then deleted before it was delivered is only in
/// `removed`).
/// Only candidate names appear (see ``FileNameRules``); every list is sorted.
public struct FolderChangeBatch: Sendable, Hashable {
    /// Created, written (`IN_CLOSE_WRITE`), renamed in (`IN_MOVED_TO`) or found in a new
    /// subfolder; also links, FIFOs and the like that appeared, so their skip gets logged.
    public var changed: [String]
    /// The names in ``changed`` that arrived by rename (`IN_MOVED_TO`) and were not written
    /// since: complete by construction (the writer finished before the name appeared), so they
    /// can be read at once instead of after a quiet period. Empty from ``PollingWatcher``, which
    /// cannot tell a rename from a write.
    public var renamedIn: [String]
    /// Deleted or renamed away. A rename inside the folder lists the old name here and the new
    /// one in `changed`, in the same batch (the watcher keeps the pair together).
    public var removed: [String]
    /// Events were lost (`IN_Q_OVERFLOW`, a watch that could not be added, a subfolder moved
    /// away or renamed, the root itself moved): compare the whole folder with the log.
    public var needsFullRescan: Bool

    public init(changed: [String] = [], renamedIn: [String] = [], removed: [String] = [], needsFullRescan: Bool = false) {
        self.changed = changed
        self.renamedIn = renamedIn
        self.removed = removed
        self.needsFullRescan = needsFullRescan
    }

    /// True when there is nothing to do.
    public var isEmpty: Bool { changed.isEmpty && removed.isEmpty && !needsFullRescan }
}
