@testable import AnnalsSync
import Foundation
import Synchronization
import Testing

/// The prefetcher hands items over in order, never runs more than its capacity ahead, and stops
/// (its thread ended) when the consumer finishes early, after a stop request or an error.
struct PrefetcherTests {
    /// Counts `produce` calls across the producer thread and the test.
    final class Calls: Sendable {
        let count = Mutex(0)
        func tick() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    struct Abandoned: Error {}

    @Test func itemsArriveInOrderThenNil() {
        let prefetcher = Prefetcher(count: 1000, capacity: 7) { index in
            if index % 97 == 0 { usleep(200) }  // an uneven producer must not reorder anything
            return "item \(index)"
        }
        defer { prefetcher.finish() }
        var taken: [String] = []
        while let item = prefetcher.next() { taken.append(item) }
        #expect(taken == (0..<1000).map { "item \($0)" })
        #expect(prefetcher.next() == nil)
    }

    @Test func anEmptyPassYieldsNothing() {
        let prefetcher = Prefetcher(count: 0) { (index: Int) -> Int in index }
        #expect(prefetcher.next() == nil)
        prefetcher.finish()
    }

    @Test func neverProducesMoreThanCapacityAhead() {
        let calls = Calls()
        let prefetcher = Prefetcher(count: 100, capacity: 4) { index in
            calls.tick()
            return index
        }
        defer { prefetcher.finish() }
        usleep(200_000)  // ample time to run ahead, were it not bounded
        #expect(calls.value == 4)
        #expect(prefetcher.buffered == 4)
        #expect(prefetcher.next() == 0)
        usleep(200_000)
        #expect(calls.value == 5)
        #expect(prefetcher.buffered == 4)
    }

    @Test func finishStopsTheProducerPromptly() {
        let calls = Calls()
        let prefetcher = Prefetcher(count: 1_000_000, capacity: 8) { index in
            calls.tick()
            return index
        }
        for expected in 0..<3 { #expect(prefetcher.next() == expected) }
        let started = ContinuousClock.now
        prefetcher.finish()
        #expect(started.duration(to: .now) < .seconds(1))
        // The producer thread has ended: nothing more is made, and the consumer gets nil.
        let made = calls.value
        #expect(made <= 3 + 8 + 1)
        usleep(50_000)
        #expect(calls.value == made)
        #expect(prefetcher.next() == nil)
        prefetcher.finish()  // a second finish is harmless
    }

    @Test func aConsumerErrorEndsTheProducerThroughDefer() throws {
        let calls = Calls()
        func consume() throws {
            let prefetcher = Prefetcher(count: 10_000, capacity: 2) { index in
                calls.tick()
                return index
            }
            defer { prefetcher.finish() }
            while let index = prefetcher.next() {
                if index == 5 { throw Abandoned() }
            }
        }
        #expect(throws: Abandoned.self) { try consume() }
        let made = calls.value
        #expect(made <= 6 + 2 + 1)
        usleep(50_000)
        #expect(calls.value == made)
    }
}
