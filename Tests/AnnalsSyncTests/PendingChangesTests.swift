@testable import AnnalsSync
import Testing

/// The coalescing state machine, stepped with explicit instants (no clock, no folder): given
/// events at instants, when a batch is asked for at an instant, then which paths it holds.
struct PendingChangesTests {
    let t0 = ContinuousClock.now
    let settle = Duration.milliseconds(50)
    let maxDelay = Duration.milliseconds(150)
    let coalesce = Duration.milliseconds(2)

    func ms(_ value: Int) -> ContinuousClock.Instant { t0 + .milliseconds(value) }

    func makePending(coalesce: Duration? = nil) -> PendingChanges {
        PendingChanges(timing: .init(settle: settle, maxDelay: maxDelay, coalesce: coalesce ?? self.coalesce))
    }

    // MARK: readiness per path

    @Test func givenAMovedInPathWhileAnotherSettlesThenTheMovedInPathGoesAtOnce() {
        var pending = makePending()
        pending.noteWritten("slow.txt", at: ms(0))
        pending.noteMovedIn("drop.txt", at: ms(10))
        #expect(pending.deadline == ms(12))
        #expect(pending.takeBatch(ifDueAt: ms(11)) == nil)
        #expect(pending.takeBatch(ifDueAt: ms(12)) == FolderChangeBatch(changed: ["drop.txt"], renamedIn: ["drop.txt"]))
        // The written file keeps its own window, from its own event.
        #expect(pending.paths == ["slow.txt": .changed])
        #expect(pending.deadline == ms(52))
    }

    @Test func givenAnInPlaceWriteThenDueSettleAfterItsLastEvent() {
        var pending = makePending(coalesce: .zero)
        pending.noteWritten("a.txt", at: ms(0))
        pending.noteWritten("a.txt", at: ms(30))
        #expect(pending.deadline == ms(80))
        #expect(pending.takeBatch(ifDueAt: ms(79)) == nil)
        #expect(pending.takeBatch(ifDueAt: ms(80)) == FolderChangeBatch(changed: ["a.txt"]))
        #expect(pending.isEmpty)
    }

    @Test func givenWritesToOtherPathsThenAPathIsNotHeldBack() {
        var pending = makePending(coalesce: .zero)
        pending.noteWritten("a.txt", at: ms(0))
        for step in 1...10 { pending.noteWritten("f\(step).txt", at: ms(step * 20)) }
        // The folder is never quiet for 50 ms, but a.txt is.
        #expect(pending.takeBatch(ifDueAt: ms(50))?.changed == ["a.txt"])
        #expect(pending.takeBatch(ifDueAt: ms(70))?.changed == ["f1.txt"])
    }

    @Test func givenAPathRewrittenSteadilyThenTheCapStillSendsIt() {
        var pending = makePending(coalesce: .zero)
        for step in 0..<100 { pending.noteWritten("log.txt", at: ms(step * 10)) }
        #expect(pending.deadline == ms(150))
        #expect(pending.takeBatch(ifDueAt: ms(150))?.changed == ["log.txt"])
        // Written again after it went out: a fresh window and a fresh cap.
        pending.noteWritten("log.txt", at: ms(1000))
        #expect(pending.deadline == ms(1050))
    }

    @Test func givenAMovedInPathWrittenAgainThenItSettlesAndIsNoLongerKnownComplete() {
        var pending = makePending()
        pending.noteMovedIn("a.txt", at: ms(0))
        pending.noteWritten("a.txt", at: ms(1))
        #expect(pending.takeBatch(ifDueAt: ms(2)) == nil)
        #expect(pending.takeBatch(ifDueAt: ms(53)) == FolderChangeBatch(changed: ["a.txt"]))
    }

    @Test func givenABurstOfDropsThenOneBatchTakesEveryPathReadyByItsDeadline() {
        var pending = makePending()
        pending.noteMovedIn("a.txt", at: ms(0))
        pending.noteMovedIn("b.txt", at: ms(1))
        pending.noteMovedIn("c.txt", at: ms(2))
        pending.noteMovedIn("d.txt", at: ms(3))
        #expect(pending.takeBatch(ifDueAt: ms(2))?.changed == ["a.txt", "b.txt", "c.txt"])
        #expect(pending.takeBatch(ifDueAt: ms(5))?.changed == ["d.txt"])
    }

    // MARK: renames and removals

    @Test func givenARenameWithinTheFolderThenBothNamesLeaveInOneBatch() {
        var pending = makePending()
        pending.noteRemoved("old.txt", cookie: 7, at: ms(0))
        pending.noteMovedIn("new.txt", cookie: 7, at: ms(0))
        #expect(pending.takeBatch(ifDueAt: ms(2))
            == FolderChangeBatch(changed: ["new.txt"], renamedIn: ["new.txt"], removed: ["old.txt"]))
        #expect(pending.isEmpty)
    }

    @Test func givenARenamedFileWrittenUnderItsNewNameThenTheOldNameWaitsForIt() {
        var pending = makePending()
        pending.noteRemoved("old.txt", cookie: 7, at: ms(0))
        pending.noteMovedIn("new.txt", cookie: 7, at: ms(0))
        pending.noteWritten("new.txt", at: ms(1))
        // old.txt's own window (50 ms) passes; it stays with new.txt, which is still settling.
        #expect(pending.takeBatch(ifDueAt: ms(50)) == nil)
        #expect(pending.takeBatch(ifDueAt: ms(53)) == FolderChangeBatch(changed: ["new.txt"], removed: ["old.txt"]))
    }

    @Test func givenARenameChainThenEveryNameLeavesWithTheLast() {
        var pending = makePending()
        pending.noteRemoved("a.txt", cookie: 1, at: ms(0))
        pending.noteMovedIn("b.txt", cookie: 1, at: ms(0))
        pending.noteRemoved("b.txt", cookie: 2, at: ms(1))
        pending.noteMovedIn("c.txt", cookie: 2, at: ms(1))
        #expect(pending.takeBatch(ifDueAt: ms(3))
            == FolderChangeBatch(changed: ["c.txt"], renamedIn: ["c.txt"], removed: ["a.txt", "b.txt"]))
    }

    @Test func givenARenameThereAndBackThenTheOriginalNameIsChanged() {
        var pending = makePending()
        pending.noteRemoved("a.txt", cookie: 1, at: ms(0))
        pending.noteMovedIn("b.txt", cookie: 1, at: ms(0))
        pending.noteRemoved("b.txt", cookie: 2, at: ms(1))
        pending.noteMovedIn("a.txt", cookie: 2, at: ms(1))
        #expect(pending.takeBatch(ifDueAt: ms(3))
            == FolderChangeBatch(changed: ["a.txt"], renamedIn: ["a.txt"], removed: ["b.txt"]))
        #expect(pending.isEmpty)
    }

    @Test func givenANameRenamedAwayToNoWatchedNameThenItIsRemovedAfterTheSettleWindow() {
        var pending = makePending(coalesce: .zero)
        // Moved out of the folder, or to a hidden name: no IN_MOVED_TO the watcher keeps.
        pending.noteRemoved("gone.txt", cookie: 9, at: ms(0))
        pending.noteMovedIn("drop.txt", at: ms(5))
        #expect(pending.takeBatch(ifDueAt: ms(5)) == FolderChangeBatch(changed: ["drop.txt"], renamedIn: ["drop.txt"]))
        #expect(pending.takeBatch(ifDueAt: ms(49)) == nil)
        #expect(pending.takeBatch(ifDueAt: ms(50)) == FolderChangeBatch(removed: ["gone.txt"]))
        // Its cookie is forgotten: a later rename with the same cookie pairs with nothing.
        pending.noteMovedIn("late.txt", cookie: 9, at: ms(60))
        #expect(pending.takeBatch(ifDueAt: ms(60)) == FolderChangeBatch(changed: ["late.txt"], renamedIn: ["late.txt"]))
    }

    @Test func givenADeleteThenItIsNotLostAndGoesOutOnItsOwnWindow() {
        var pending = makePending()
        pending.noteRemoved("b.txt", at: ms(0))
        #expect(pending.deadline == ms(52))
        #expect(pending.takeBatch(ifDueAt: ms(52)) == FolderChangeBatch(removed: ["b.txt"]))
    }

    @Test func givenAPendingRemovalThenAStopFlushesIt() {
        var pending = makePending()
        pending.noteRemoved("b.txt", cookie: 3, at: ms(0))
        pending.noteWritten("a.txt", at: ms(0))
        #expect(pending.takeBatch() == FolderChangeBatch(changed: ["a.txt"], removed: ["b.txt"]))
        #expect(pending.isEmpty)
        #expect(pending.deadline == nil)
    }

    @Test func givenAnAtomicSaveThenOneChangedPath() {
        var pending = makePending()
        pending.noteRemoved("a.txt", cookie: 4, at: ms(0))  // vim: a.txt renamed to a.txt~ (not watched)
        pending.noteWritten("a.txt", at: ms(1))  // the new a.txt written
        #expect(pending.takeBatch(ifDueAt: ms(60)) == FolderChangeBatch(changed: ["a.txt"]))
        #expect(pending.isEmpty)
    }

    @Test func givenWriteThenDeleteThenOnlyRemoved() {
        var pending = makePending()
        pending.noteWritten("b.txt", at: ms(0))
        pending.noteRemoved("b.txt", at: ms(0))
        pending.noteWritten("a.txt", at: ms(0))
        #expect(pending.takeBatch() == FolderChangeBatch(changed: ["a.txt"], removed: ["b.txt"]))
    }

    // MARK: rescans

    @Test func givenARescanThenItAloneMakesABatch() {
        var pending = makePending()
        #expect(pending.takeBatch() == nil)
        pending.noteRescan(at: ms(0))
        #expect(pending.deadline == ms(52))
        #expect(pending.takeBatch(ifDueAt: ms(52)) == FolderChangeBatch(needsFullRescan: true))
        #expect(pending.deadline == nil)
    }

    @Test func givenARescanDueThenItsBatchTakesEveryPendingPath() {
        var pending = makePending(coalesce: .zero)
        pending.noteRescan(at: ms(0))
        pending.noteWritten("late.txt", at: ms(40))
        #expect(pending.takeBatch(ifDueAt: ms(50)) == FolderChangeBatch(changed: ["late.txt"], needsFullRescan: true))
        #expect(pending.isEmpty)
    }

    @Test func givenARescanStillSettlingThenAMovedInPathGoesWithoutIt() {
        var pending = makePending()
        pending.noteRescan(at: ms(0))
        pending.noteMovedIn("drop.txt", at: ms(1))
        #expect(pending.takeBatch(ifDueAt: ms(3)) == FolderChangeBatch(changed: ["drop.txt"], renamedIn: ["drop.txt"]))
        #expect(pending.needsFullRescan)
    }
}
