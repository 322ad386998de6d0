import Foundation

/// Produces the items `0..<count` in order on a thread of its own, at most `capacity` ahead of
/// the consumer, which takes them with ``next()``.
///
/// Ingest spends about a third of its CPU on work that needs no database (reading a file,
/// extracting its facts) and the rest in the write transaction; on two cores the pure work for
/// the next readouts can run while the writer records the current one. The buffer is bounded, so
/// memory stays flat however many items there are, and the producer stops as soon as the
/// consumer calls ``finish()`` (a stop request, an error, the end of a batch).
///
/// `produce` must not throw or touch the consumer's state: it runs on another thread, which is
/// why it and `Item` are `Sendable`. Make one per pass and call ``finish()`` when done (a `defer`
/// right after creating it), which also waits for the producer thread to end.
public final class Prefetcher<Item: Sendable>: @unchecked Sendable {
    // All mutable state below is guarded by `condition`'s lock; that is what makes the
    // `@unchecked Sendable` above true.
    private let condition = NSCondition()
    private var buffer: [Item] = []
    private var cancelled = false
    private var producerDone = false
    private var consumed = 0
    private let count: Int
    private let capacity: Int

    /// Starts producing at once.
    ///
    /// - Parameters:
    ///   - count: how many items there are; `produce` is called with `0..<count`, in order.
    ///   - capacity: the most items produced but not yet taken (at least 1).
    ///   - produce: makes item `index`; runs on the prefetcher's thread.
    public init(count: Int, capacity: Int = 64, produce: @escaping @Sendable (Int) -> Item) {
        self.count = count
        self.capacity = max(1, capacity)
        if count == 0 {
            producerDone = true
            return
        }
        let thread = Thread { [self] in run(produce) }
        thread.name = "annals.prefetch"
        thread.start()
    }

    /// The next item in order, waiting for the producer if it is behind; nil after the last
    /// one, or after ``finish()``.
    public func next() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard consumed < count else { return nil }
        while buffer.isEmpty && !cancelled { condition.wait() }
        if cancelled { return nil }
        // At most `capacity` items: shifting them is nothing beside producing one.
        let item = buffer.removeFirst()
        consumed += 1
        condition.broadcast()
        return item
    }

    /// How many items are produced and not yet taken; never more than `capacity`.
    public var buffered: Int {
        condition.lock()
        defer { condition.unlock() }
        return buffer.count
    }

    /// Stops the producer after the item it is making (if any) and waits for its thread to
    /// end, so nothing of this pass runs on after the caller returns. Items not taken are
    /// dropped. Safe to call more than once.
    public func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        buffer.removeAll()
        condition.unlock()
    }

    private func run(_ produce: (Int) -> Item) {
        for index in 0..<count {
            condition.lock()
            while !cancelled && buffer.count >= capacity { condition.wait() }
            let stop = cancelled
            condition.unlock()
            if stop { break }
            // The work itself runs unlocked, so the consumer can take earlier items meanwhile.
            let item = produce(index)
            condition.lock()
            buffer.append(item)
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }
}
