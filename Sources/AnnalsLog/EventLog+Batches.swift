extension EventLog {
    /// Runs `body` for items `0..<count` in order, in write transactions of at most `size` items
    /// or `time`, whichever ends first; `body` returns false to stop, and the open transaction
    /// then commits what it holds.
    ///
    /// Why batches: one commit per batch writes each page the batch touches to the WAL once, not
    /// once per item. Each item's own writes are still all or nothing when the caller wraps them
    /// in `writeTransaction` (a savepoint inside the batch). A thrown error rolls back the open
    /// batch, not the ones already committed, and is rethrown.
    public func writeInBatches(count: Int, size: Int, time: Duration, _ body: (Int) throws -> Bool) throws {
        var next = 0
        var stopped = false
        while next < count, !stopped {
            let started = ContinuousClock.now
            try writeTransaction {
                repeat {
                    let index = next
                    next += 1
                    if try !body(index) {
                        stopped = true
                        return
                    }
                } while next < count && next % size != 0 && started.duration(to: .now) <= time
            }
        }
    }
}
