/// The changes a watcher has seen but not delivered yet: the last disposition of each path, when
/// each is ready, and which batch is due when.
///
/// Pure state, stepped with explicit instants so tests need no clock. Readiness is per path, so
/// one file still being written never holds back another that is complete:
/// - a name renamed into the folder (``noteMovedIn(_:cookie:at:)``, `IN_MOVED_TO`) is complete
///   by construction (the writer finished before the name appeared) and ready at once;
/// - a name written in place or removed is ready once it has been quiet for ``Timing/settle``
///   since its own last event, or ``Timing/maxDelay`` after its first, whichever comes sooner, so
///   a file rewritten steadily still goes out;
/// - a name renamed away (`IN_MOVED_FROM`) whose new name was seen under the same cookie leaves
///   with that new name, so the reconciler sees the rename from both ends in one batch;
/// - a rescan request (events were lost) is ready like a write, and its batch takes every
///   pending path (the full pass looks at all of them anyway).
///
/// A batch is due ``Timing/coalesce`` after the first of its paths is ready and takes every path
/// ready by then, so a burst of drops is a few batches rather than one per file.
struct PendingChanges {
    enum Disposition: Equatable { case changed, removed }

    /// How long paths wait; see the type's description.
    struct Timing: Equatable {
        var settle: Duration
        var maxDelay: Duration
        var coalesce: Duration
    }

    private struct Entry {
        var disposition: Disposition
        /// Arrived by rename and not written since: safe to read at once.
        var complete: Bool
        /// The first event since the path was last delivered (for the cap).
        var first: ContinuousClock.Instant
        var ready: ContinuousClock.Instant
        /// The `IN_MOVED_FROM` cookie still waiting for its `IN_MOVED_TO`, or 0.
        var cookie: UInt32 = 0
        /// The name this one was renamed to; it is delivered with that name.
        var partner: String?
    }

    let timing: Timing
    private var entries: [String: Entry] = [:]
    /// Names renamed away, by cookie, until their new name shows up or they are delivered.
    private var movedAway: [UInt32: String] = [:]
    private var rescan: (first: ContinuousClock.Instant, ready: ContinuousClock.Instant)?

    init(timing: Timing) {
        self.timing = timing
    }

    var isEmpty: Bool { entries.isEmpty && rescan == nil }
    var needsFullRescan: Bool { rescan != nil }

    /// The disposition of each pending path.
    var paths: [String: Disposition] { entries.mapValues(\.disposition) }

    /// `path` was written in place (`IN_CLOSE_WRITE`), or appeared some other way that does not
    /// say it is complete: ready once quiet for the settle window.
    mutating func noteWritten(_ path: String, at now: ContinuousClock.Instant) {
        note(path, .changed, complete: false, at: now)
    }

    /// `path` was renamed into place (`IN_MOVED_TO`): complete, ready at once. With the cookie of
    /// a name renamed away before it, that name now leaves with this one.
    mutating func noteMovedIn(_ path: String, cookie: UInt32 = 0, at now: ContinuousClock.Instant) {
        note(path, .changed, complete: true, at: now)
        guard cookie != 0, let from = movedAway.removeValue(forKey: cookie), from != path else { return }
        entries[from]?.cookie = 0
        entries[from]?.partner = path
    }

    /// `path` was deleted (`IN_DELETE`) or renamed away (`IN_MOVED_FROM`, with its cookie).
    mutating func noteRemoved(_ path: String, cookie: UInt32 = 0, at now: ContinuousClock.Instant) {
        note(path, .removed, complete: false, at: now)
        if cookie != 0 {
            entries[path]?.cookie = cookie
            movedAway[cookie] = path
        }
    }

    /// Events were lost: the next batch must compare the whole folder.
    mutating func noteRescan(at now: ContinuousClock.Instant) {
        let first = rescan?.first ?? now
        rescan = (first, min(now + timing.settle, first + timing.maxDelay))
    }

    /// When the next batch is due, or nil when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        // A name with a pending partner is ready when its partner is, which this minimum covers.
        var earliest = rescan?.ready
        for entry in entries.values where !hasPendingPartner(entry) {
            earliest = min(earliest ?? entry.ready, entry.ready)
        }
        return earliest.map { $0 + timing.coalesce }
    }

    /// The paths ready at `now` (removed from the collector) if a batch is due, else nil.
    mutating func takeBatch(ifDueAt now: ContinuousClock.Instant) -> FolderChangeBatch? {
        guard let due = deadline, now >= due else { return nil }
        if let rescan, rescan.ready <= now { return takeBatch() }
        let ready = entries.keys.filter { readyInstant(of: $0).map { $0 <= now } ?? false }
        return ready.isEmpty ? nil : makeBatch(of: ready, needsFullRescan: false)
    }

    /// Everything pending (resetting the collector), or nil when nothing is; for a stop.
    mutating func takeBatch() -> FolderChangeBatch? {
        guard !isEmpty else { return nil }
        let batch = makeBatch(of: Array(entries.keys), needsFullRescan: rescan != nil)
        rescan = nil
        return batch
    }

    private mutating func note(_ path: String, _ disposition: Disposition, complete: Bool, at now: ContinuousClock.Instant) {
        let first = entries[path]?.first ?? now
        if let cookie = entries[path]?.cookie, cookie != 0, movedAway[cookie] == path { movedAway[cookie] = nil }
        // A later event replaces what the path was; a complete file is ready now, anything else
        // once quiet for the settle window (never past the cap).
        let ready = complete ? now : min(now + timing.settle, first + timing.maxDelay)
        entries[path] = Entry(disposition: disposition, complete: complete, first: first, ready: ready)
    }

    private func hasPendingPartner(_ entry: Entry) -> Bool {
        entry.partner.map { entries[$0] != nil } ?? false
    }

    /// When `path` leaves: its own readiness, or that of the name it was renamed to. Partner
    /// links cannot form a cycle (a name gets a partner only when renamed away, and the new
    /// name's own link is reset by its arrival), but the walk is bounded anyway.
    private func readyInstant(of path: String) -> ContinuousClock.Instant? {
        guard var entry = entries[path] else { return nil }
        for _ in 0..<entries.count {
            guard let partner = entry.partner, let next = entries[partner] else { break }
            entry = next
        }
        return entry.ready
    }

    private mutating func makeBatch(of paths: [String], needsFullRescan: Bool) -> FolderChangeBatch {
        var batch = FolderChangeBatch(needsFullRescan: needsFullRescan)
        for path in paths {
            guard let entry = entries.removeValue(forKey: path) else { continue }
            if entry.cookie != 0, movedAway[entry.cookie] == path { movedAway[entry.cookie] = nil }
            switch entry.disposition {
            case .changed:
                batch.changed.append(path)
                if entry.complete { batch.renamedIn.append(path) }
            case .removed:
                batch.removed.append(path)
            }
        }
        batch.changed.sort()
        batch.removed.sort()
        batch.renamedIn.sort()
        return batch
    }
}
