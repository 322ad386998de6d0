@testable import AnnalsSync
import Testing

/// Snapshot comparison for the polling watcher, on hand-made scans.
struct FolderSnapshotTests {
    func entry(_ path: String, size: Int64 = 10, mtime: Int64 = 1_000, inode: UInt64 = 1) -> FolderEntry {
        FolderEntry(relativePath: path, size: size, mtimeNanoseconds: mtime, inode: inode)
    }

    @Test func givenCreateChangeAndDeleteThenOneBatch() {
        let before = FolderSnapshot(FolderScan(entries: [entry("kept.txt"), entry("edited.txt"), entry("gone.txt")]))
        let after = FolderSnapshot(FolderScan(entries: [
            entry("kept.txt"), entry("edited.txt", size: 11), entry("new.txt", inode: 7),
        ]))
        let (batch, kept) = before.changes(to: after, nowNanoseconds: 10_000, settleNanoseconds: 50)
        #expect(batch == FolderChangeBatch(changed: ["edited.txt", "new.txt"], removed: ["gone.txt"]))
        #expect(kept == after)
    }

    @Test func anAtomicSaveChangesTheInodeOnly() {
        let before = FolderSnapshot(FolderScan(entries: [entry("a.txt", inode: 1)]))
        let after = FolderSnapshot(FolderScan(entries: [entry("a.txt", inode: 2)]))
        #expect(before.changes(to: after, nowNanoseconds: 10_000, settleNanoseconds: 50).batch.changed == ["a.txt"])
    }

    @Test func aFileModifiedWithinTheSettleWindowWaitsForTheNextPass() {
        let before = FolderSnapshot()
        let after = FolderSnapshot(FolderScan(entries: [entry("fresh.txt", mtime: 9_990)]))
        let first = before.changes(to: after, nowNanoseconds: 10_000, settleNanoseconds: 50)
        #expect(first.batch.isEmpty)
        let second = first.kept.changes(to: after, nowNanoseconds: 20_000, settleNanoseconds: 50)
        #expect(second.batch.changed == ["fresh.txt"])
    }

    @Test func aRefusedEntryIsReportedOnceWhenItAppears() {
        let scan = FolderScan(skipped: [
            SkippedEntry(relativePath: "link.txt", error: .symbolicLink),
            SkippedEntry(relativePath: "linked-folder", error: .symbolicLink),
        ])
        let first = FolderSnapshot().changes(to: FolderSnapshot(scan), nowNanoseconds: 0, settleNanoseconds: 50)
        #expect(first.batch.changed == ["link.txt"])
        #expect(first.kept.changes(to: FolderSnapshot(scan), nowNanoseconds: 0, settleNanoseconds: 50).batch.isEmpty)
    }
}
