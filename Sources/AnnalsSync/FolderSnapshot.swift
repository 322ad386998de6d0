/// What a polling pass saw: a stamp per candidate path, compared with the next pass.
struct FolderSnapshot: Sendable, Equatable {
    /// Identifies one version of an entry. Refused entries (links, FIFOs...) keep their reason,
    /// so one that appears is reported once, as changed, for its skip to be logged.
    struct Stamp: Sendable, Hashable {
        var size: Int64
        var mtimeNanoseconds: Int64
        var inode: UInt64
        var refusal: FileReadError?
    }

    private(set) var stamps: [String: Stamp] = [:]

    init() {}

    /// The candidate entries and refused candidate names of `scan`.
    init(_ scan: FolderScan) {
        for entry in scan.entries {
            stamps[entry.relativePath] = Stamp(
                size: entry.size, mtimeNanoseconds: entry.mtimeNanoseconds, inode: entry.inode, refusal: nil)
        }
        for skip in scan.skipped where FileNameRules.isCandidate(skip.relativePath) {
            stamps[skip.relativePath] = Stamp(size: 0, mtimeNanoseconds: 0, inode: 0, refusal: skip.error)
        }
    }

    /// The batch that takes `self` to `next`, and the snapshot to compare the following pass with.
    ///
    /// A new or changed entry modified less than `settle` before `now` is left out of both, so
    /// it is looked at again next pass rather than read half-written.
    func changes(to next: FolderSnapshot, nowNanoseconds now: Int64, settleNanoseconds settle: Int64)
        -> (batch: FolderChangeBatch, kept: FolderSnapshot)
    {
        var batch = FolderChangeBatch()
        var kept = FolderSnapshot()
        for (path, stamp) in next.stamps {
            let old = stamps[path]
            if old == stamp {
                kept.stamps[path] = stamp
            } else if stamp.refusal == nil, now - stamp.mtimeNanoseconds < settle {
                kept.stamps[path] = old  // not settled: compare again next time
            } else {
                kept.stamps[path] = stamp
                batch.changed.append(path)
            }
        }
        for path in stamps.keys where next.stamps[path] == nil {
            batch.removed.append(path)
        }
        batch.changed.sort()
        batch.removed.sort()
        return (batch, kept)
    }
}
