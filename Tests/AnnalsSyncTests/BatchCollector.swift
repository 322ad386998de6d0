import AnnalsSync
import Synchronization

/// Consumes a watcher's stream in the background so a test can wait for what it expects.
final class BatchCollector: Sendable {
    private let state = Mutex<(batches: [FolderChangeBatch], finished: Bool)>(([], false))

    init() {}

    func consume(_ stream: AsyncStream<FolderChangeBatch>) {
        Task { [self] in
            for await batch in stream { state.withLock { $0.batches.append(batch) } }
            state.withLock { $0.finished = true }
        }
    }

    var batches: [FolderChangeBatch] { state.withLock { $0.batches } }
    var finished: Bool { state.withLock { $0.finished } }
    var changed: Set<String> { Set(batches.flatMap(\.changed)) }
    var removed: Set<String> { Set(batches.flatMap(\.removed)) }
    var mentioned: Set<String> { changed.union(removed) }

    /// Polls until `condition` holds or `timeout` passes; returns whether it held.
    @discardableResult
    func wait(timeout: Duration = .seconds(3), until condition: (BatchCollector) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(self)
    }

    /// Waits for `window` and returns the batches delivered meanwhile (for "nothing happens" checks).
    func settle(_ window: Duration = .milliseconds(150)) async {
        try? await Task.sleep(for: window)
    }
}
