/// The batch being collected by a watcher: the last disposition of each path, and when it is due.
///
/// Pure state, stepped with explicit instants so tests need no clock. A batch is due once the
/// folder has been quiet for the settle window, or `maxDelay` after its first event, so a
/// steady stream of drops still gets delivered.
struct PendingChanges {
    enum Disposition: Equatable { case changed, removed }

    private(set) var paths: [String: Disposition] = [:]
    private(set) var needsFullRescan = false
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?

    var isEmpty: Bool { paths.isEmpty && !needsFullRescan }

    mutating func noteChanged(_ path: String, at now: ContinuousClock.Instant) {
        paths[path] = .changed
        touch(now)
    }

    mutating func noteRemoved(_ path: String, at now: ContinuousClock.Instant) {
        paths[path] = .removed
        touch(now)
    }

    mutating func noteRescan(at now: ContinuousClock.Instant) {
        needsFullRescan = true
        touch(now)
    }

    /// When the batch should go out, or nil when nothing is pending.
    func deadline(settle: Duration, maxDelay: Duration) -> ContinuousClock.Instant? {
        guard let first, let last else { return nil }
        return min(last + settle, first + maxDelay)
    }

    /// The pending batch if it is due at `now` (resetting the collector), else nil.
    mutating func takeBatch(ifDueAt now: ContinuousClock.Instant, settle: Duration, maxDelay: Duration) -> FolderChangeBatch? {
        guard let due = deadline(settle: settle, maxDelay: maxDelay), now >= due else { return nil }
        return takeBatch()
    }

    /// Whatever is pending (resetting the collector), or nil when nothing is.
    mutating func takeBatch() -> FolderChangeBatch? {
        defer { self = PendingChanges() }
        guard !isEmpty else { return nil }
        var batch = FolderChangeBatch(needsFullRescan: needsFullRescan)
        for (path, disposition) in paths {
            switch disposition {
            case .changed: batch.changed.append(path)
            case .removed: batch.removed.append(path)
            }
        }
        batch.changed.sort()
        batch.removed.sort()
        return batch
    }

    private mutating func touch(_ now: ContinuousClock.Instant) {
        if first == nil { first = now }
        last = now
    }
}
