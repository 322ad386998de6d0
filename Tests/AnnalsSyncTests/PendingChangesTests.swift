@testable import AnnalsSync
import Testing

/// The coalescing state machine, stepped with explicit instants (no clock, no folder).
struct PendingChangesTests {
    let t0 = ContinuousClock.now
    let settle = Duration.milliseconds(50)
    let maxDelay = Duration.milliseconds(500)

    @Test func givenAnAtomicSaveThenOneChangedPath() {
        var pending = PendingChanges()
        pending.noteRemoved("a.txt", at: t0)  // vim: a.txt renamed to a.txt~
        pending.noteChanged("a.txt", at: t0 + .milliseconds(1))  // the new a.txt written
        let batch = pending.takeBatch(ifDueAt: t0 + .milliseconds(60), settle: settle, maxDelay: maxDelay)
        #expect(batch == FolderChangeBatch(changed: ["a.txt"]))
        #expect(pending.isEmpty)
    }

    @Test func givenWriteThenDeleteThenOnlyRemoved() {
        var pending = PendingChanges()
        pending.noteChanged("b.txt", at: t0)
        pending.noteRemoved("b.txt", at: t0)
        pending.noteChanged("a.txt", at: t0)
        #expect(pending.takeBatch() == FolderChangeBatch(changed: ["a.txt"], removed: ["b.txt"]))
    }

    @Test func notDueUntilQuietForTheSettleWindow() {
        var pending = PendingChanges()
        pending.noteChanged("a.txt", at: t0)
        pending.noteChanged("b.txt", at: t0 + .milliseconds(40))
        #expect(pending.deadline(settle: settle, maxDelay: maxDelay) == t0 + .milliseconds(90))
        #expect(pending.takeBatch(ifDueAt: t0 + .milliseconds(89), settle: settle, maxDelay: maxDelay) == nil)
        #expect(pending.takeBatch(ifDueAt: t0 + .milliseconds(90), settle: settle, maxDelay: maxDelay)?.changed == ["a.txt", "b.txt"])
    }

    @Test func aSteadyStreamStillGoesOutAfterMaxDelay() {
        var pending = PendingChanges()
        for step in 0..<100 { pending.noteChanged("f\(step).txt", at: t0 + .milliseconds(10 * step)) }
        #expect(pending.deadline(settle: settle, maxDelay: maxDelay) == t0 + maxDelay)
    }

    @Test func aRescanAloneMakesABatch() {
        var pending = PendingChanges()
        #expect(pending.takeBatch() == nil)
        pending.noteRescan(at: t0)
        #expect(pending.takeBatch() == FolderChangeBatch(needsFullRescan: true))
        #expect(pending.deadline(settle: settle, maxDelay: maxDelay) == nil)
    }
}
