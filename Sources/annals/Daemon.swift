import AnnalsLog
import AnnalsSync
import ArgumentParser
import Dispatch
import Foundation
import Logging
import Synchronization

/// The daemon's parts: the lock, the writer pipeline, the reconciler and the watcher, and how a
/// signal stops them.
final class Daemon: Sendable {
    let settings: Settings
    let logger: Logger
    private let state: Mutex<State>

    private struct State: ~Copyable {
        var stopping = false
        var watcher: (any FolderWatcher)?
    }

    // The writer parts are confined to the task that runs `run`; these boxes carry them there.
    private let lock: UncheckedBox<DaemonLock>
    private let pipeline: UncheckedBox<Pipeline>

    init(settings: Settings, logger: Logger) throws {
        self.settings = settings
        self.logger = logger
        self.state = Mutex(State())
        try Daemon.refuseDatabaseInsideFolder(settings)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: settings.watchFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError.config("the watched folder \(settings.watchFolder) does not exist or is not a folder")
        }
        lock = UncheckedBox(try DaemonLock(databasePath: settings.databasePath))
        let extractor = try loadExtractor(lexicon: nil)
        let log = try openLog(settings, access: .readWrite)
        pipeline = UncheckedBox(try Pipeline(log: log, extractor: extractor))
    }

    /// The database must not live in the folder it records: its own files would be read as input.
    static func refuseDatabaseInsideFolder(_ settings: Settings) throws {
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let folder = resolved(settings.watchFolder) + "/"
        let databaseFolder = resolved(URL(fileURLWithPath: settings.databasePath).deletingLastPathComponent().path) + "/"
        if databaseFolder.hasPrefix(folder) {
            throw CLIError.config("the database \(settings.databasePath) is inside the watched folder \(settings.watchFolder); put it elsewhere (--db)")
        }
    }

    var isStopping: Bool { state.withLock { $0.stopping } }

    func stop() {
        let watcher = state.withLock { state -> (any FolderWatcher)? in
            state.stopping = true
            return state.watcher
        }
        watcher?.stop()
    }

    func run(once: Bool) async throws {
        let root = settings.watchFolder
        let signals = installSignalHandlers()
        defer { signals.forEach { $0.cancel() } }
        // A file is read once it has been quiet for the settle window (see `quietPeriod`).
        let loader = ReadoutLoader(root: root, maximumSize: settings.maxReadoutBytes,
                                   quietPeriod: .milliseconds(settings.settleMilliseconds))
        let reconciler = FolderReconciler(recorder: pipeline.value.recorder, logger: logger)
        var reportedSkips = Set<String>()

        // The watcher is armed before the start-up pass, so nothing dropped during it is missed.
        var watcher: (any FolderWatcher)?
        if !once {
            let poll = settings.pollSeconds > 0 ? Duration.milliseconds(Int64(settings.pollSeconds * 1000)) : nil
            watcher = try makeFolderWatcher(root: root, settleWindow: .milliseconds(settings.settleMilliseconds),
                                            pollInterval: poll, logger: logger)
            state.withLock { $0.watcher = watcher }
        }
        logger.info("reconciling \(root) with \(settings.databasePath)")
        var summary = try fullPass(reconciler: reconciler, loader: loader, reportedSkips: &reportedSkips)
        summary = try await settle(summary, reconciler: reconciler, loader: loader)
        logger.info("start-up: \(summary.added) added, \(summary.revised) revised, \(summary.renamed) renamed, \(summary.withdrawn) withdrawn, \(summary.unchanged) unchanged, \(summary.skipped) skipped")
        guard let watcher, !isStopping else {
            if once { print("added \(summary.added), revised \(summary.revised), renamed \(summary.renamed), withdrawn \(summary.withdrawn), unchanged \(summary.unchanged), skipped \(summary.skipped)") }
            return
        }
        watcher.start()
        logger.info("watching \(root)")
        // Files still being written are read again after the settle window; that wait is a timer
        // feeding the same stream as the watcher, so drops that arrive meanwhile are not held
        // behind it.
        let (inputs, feed) = AsyncStream<DaemonInput>.makeStream()
        let forwarder = Task {
            for await batch in watcher.changes { feed.yield(.batch(batch)) }
            feed.finish()
        }
        defer { forwarder.cancel() }
        let retryDelay = Duration.milliseconds(max(settings.settleMilliseconds, 20))
        var retryTimer: Task<Void, Never>?
        var retries: [String: Int] = [:]
        var needsRescan = false
        for await input in inputs {
            if isStopping { break }
            do {
                let batch: FolderChangeBatch
                switch input {
                case let .batch(delivered): batch = delivered
                case .retryDue:
                    retryTimer = nil
                    batch = FolderChangeBatch()
                }
                if batch.needsFullRescan || needsRescan {
                    if batch.needsFullRescan { logger.notice("full rescan of \(root) (the watcher lost track of events)") }
                    let rescan = try fullPass(reconciler: reconciler, loader: loader, reportedSkips: &reportedSkips)
                    for name in rescan.retry where retries[name] == nil { retries[name] = 0 }
                    needsRescan = false
                } else if !batch.isEmpty || !retries.isEmpty {
                    retries = try apply(batch, retries: retries, reconciler: reconciler, loader: loader)
                }
            } catch {
                // The database is busy, full or unwritable for a moment: nothing was half written
                // (a failed batch rolls back whole), so wait and compare the whole folder again,
                // backing off up to 30 s, until it works or a signal stops us. New changes wait in
                // the watcher meanwhile (an overflow there asks for the full pass we do anyway).
                needsRescan = true
                var delay = 2
                logger.error("could not record changes: \(error); retrying with a full rescan in \(delay) s")
                while needsRescan, !isStopping {
                    for _ in 0..<(delay * 10) where !isStopping { try? await Task.sleep(for: .milliseconds(100)) }
                    if isStopping { break }
                    do {
                        let rescan = try fullPass(reconciler: reconciler, loader: loader, reportedSkips: &reportedSkips)
                        for name in rescan.retry where retries[name] == nil { retries[name] = 0 }
                        needsRescan = false
                        logger.notice("recording again: \(rescan.added) added, \(rescan.revised) revised, \(rescan.renamed) renamed, \(rescan.withdrawn) withdrawn by the rescan")
                    } catch {
                        delay = min(delay * 2, 30)
                        logger.error("still cannot record changes: \(error); retrying in \(delay) s")
                    }
                }
            }
            if !retries.isEmpty && retryTimer == nil {
                retryTimer = Task {
                    try? await Task.sleep(for: retryDelay)
                    feed.yield(.retryDue)
                }
            }
        }
        logger.info("stopped")
    }

    /// Reads again, after the settle window, the files a full pass found still being written (or
    /// modified too recently), until they settle or 50 attempts pass; adds what that recorded to
    /// `summary`. Without this a file dropped just before start-up waited for its next change.
    private func settle(_ summary: FolderReconciler.Summary, reconciler: FolderReconciler,
                        loader: ReadoutLoader) async throws -> FolderReconciler.Summary {
        var total = summary
        var pending = summary.retry
        var attempts = 0
        while !pending.isEmpty, attempts < 50, !isStopping {
            try? await Task.sleep(for: .milliseconds(max(settings.settleMilliseconds, 20)))
            let again = try reconciler.reconcile(names: pending, complete: false, shouldStop: { isStopping }, read: loader.load)
            total.added += again.added
            total.revised += again.revised
            total.renamed += again.renamed
            total.withdrawn += again.withdrawn
            total.unchanged += again.unchanged
            total.skipped += again.skipped
            pending = again.retry
            attempts += 1
        }
        for name in pending {
            logger.warning("skipped \(name): still being written after \(attempts) attempts; it will be read when it next changes")
        }
        total.retry = pending
        return total
    }

    /// Records one batch of ready paths; returns the names still being written, with their attempt counts.
    private func apply(_ batch: FolderChangeBatch, retries: [String: Int], reconciler: FolderReconciler,
                       loader: ReadoutLoader) throws -> [String: Int] {
        let names = batch.changed + batch.removed + retries.keys
        // Names renamed in are complete: read at once, not after the quiet period.
        let renamedIn = Set(batch.renamedIn)
        let result = try reconciler.reconcile(names: names, complete: false, shouldStop: { isStopping }) { name in
            loader.load(name, knownComplete: renamedIn.contains(name))
        }
        var next = retries.filter { result.retry.contains($0.key) }
        for name in result.retry {
            let attempts = next[name, default: 0] + 1
            if attempts > 50 {
                logger.warning("skipped \(name): still being written after \(attempts) attempts; it will be read when it next changes")
                next[name] = nil
            } else {
                next[name] = attempts
            }
        }
        return next
    }

    private func fullPass(reconciler: FolderReconciler, loader: ReadoutLoader, reportedSkips: inout Set<String>) throws -> FolderReconciler.Summary {
        let scan: FolderScan
        do {
            scan = try FolderScanner(root: settings.watchFolder).scan()
        } catch {
            throw CLIError.config("cannot read the watched folder \(settings.watchFolder): \(error.reason)")
        }
        for skipped in scan.skipped where reportedSkips.insert(skipped.relativePath).inserted {
            logger.warning("\(skipped.description)")
        }
        return try reconciler.reconcile(names: scan.entries.map(\.relativePath), complete: true,
                                        shouldStop: { isStopping }, read: loader.load)
    }

    private func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.logger.info("signal \(number): stopping after the transaction in flight")
                self?.stop()
            }
            source.resume()
            return source
        }
    }
}

/// Carries a non-Sendable value that only one task uses at a time (the daemon's writer parts).
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What wakes the daemon's loop: a batch from the watcher, or the moment to read again the files
/// that were still being written.
enum DaemonInput: Sendable {
    case batch(FolderChangeBatch)
    case retryDue
}
