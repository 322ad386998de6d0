import Foundation

/// Hands batches of `ReplayItem`s from the thread that reads the log to the thread that folds
/// them, at most `capacity` batches in flight; then the finished fold back, so both threads
/// digest it, and the folding thread's digests.
///
/// `@unchecked Sendable` because every stored property is read and written only while holding
/// `condition`'s lock.
final class ReplayChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[ReplayItem]] = []
    private var finished = false
    private var readingFailed = false
    private var digests: [(name: ProjectionName, hex: String, rows: Int)]?
    private var shared: SharedFold?
    private var foldShared = false
    private let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    /// Queues a batch, waiting while `capacity` batches are already queued.
    func send(_ batch: [ReplayItem]) {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
    }

    /// No more batches will come; `failed` when reading stopped on an error.
    func finish(failed: Bool) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        readingFailed = failed
        condition.broadcast()
    }

    /// Whether reading stopped on an error (the digests will not be used).
    var failed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return readingFailed
    }

    /// The next batch, waiting for one; nil once finished and drained.
    func receive() -> [ReplayItem]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Shares the finished fold (nil when reading failed and there is nothing to digest).
    func share(_ fold: SharedFold?) {
        condition.lock()
        defer { condition.unlock() }
        shared = fold
        foldShared = true
        condition.broadcast()
    }

    /// Waits for the finished fold; nil when there is nothing to digest.
    func awaitFold() -> SharedFold? {
        condition.lock()
        defer { condition.unlock() }
        while !foldShared { condition.wait() }
        defer { shared = nil }
        return shared
    }

    /// Hands over the fold's digests.
    func deliver(_ result: [(name: ProjectionName, hex: String, rows: Int)]) {
        condition.lock()
        defer { condition.unlock() }
        digests = result
        condition.broadcast()
    }

    /// Waits for the fold's digests.
    func awaitDigests() -> [(name: ProjectionName, hex: String, rows: Int)] {
        condition.lock()
        defer { condition.unlock() }
        while digests == nil { condition.wait() }
        return digests ?? []
    }
}
