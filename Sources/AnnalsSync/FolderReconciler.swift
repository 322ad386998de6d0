import AnnalsDigest
import AnnalsExtract
import AnnalsLog
import Logging

/// Brings the log in line with what a set of names in the watched folder holds now.
///
/// Used for the full comparison at start-up (and after an inotify overflow) and for each
/// settled batch of live changes: new files are added, changed bytes revised, vanished files
/// withdrawn, and a vanished name whose bytes reappear under a new name in the same pass is a
/// rename. A file that is present but unreadable now is skipped and its earlier record kept:
/// a bad moment of the folder never costs a record.
public struct FolderReconciler {
    /// What reading one name of the folder gave.
    public enum FileState: Sendable {
        case readout(Readout)
        /// Gone from the folder (or never a candidate readout).
        case missing
        /// Present but not taken in, with the reason for the log line.
        case skipped(String)
        /// Present but changing (still being written); try again after the settle window.
        case retry(String)
    }

    /// Counts of one pass, for the log line and `--once`'s summary.
    public struct Summary: Sendable, Equatable {
        public var added = 0, revised = 0, renamed = 0, withdrawn = 0, unchanged = 0, skipped = 0
        public var retry: [String] = []
        /// True when `shouldStop` ended the pass early.
        public var stopped = false
        public init() {}
    }

    public let recorder: SourceRecorder
    public let logger: Logger

    /// Readouts per commit, and the longest a batch stays open. One commit per batch writes each
    /// page the batch touches to the WAL once, not once per readout (~120 pages each); each
    /// readout is still a savepoint, and a crash loses only the open batch, which the next pass
    /// takes in again from the folder. A live change of one file is a batch of one.
    public static let batchSize = 250
    public static let batchTime = Duration.milliseconds(500)
    /// How many files the prefetcher reads and extracts ahead of the writer: enough to ride
    /// out a slow file, few enough that memory stays flat (a readout is at most a few MB, usually KB).
    public static let prefetchCapacity = 64

    public init(recorder: SourceRecorder, logger: Logger) {
        self.recorder = recorder
        self.logger = logger
    }

    /// Reconciles `names`; with `complete` (`names` is the whole folder), every active source
    /// missing from `names` is withdrawn too. Files are read and their facts extracted by a
    /// ``Prefetcher`` a bounded distance ahead of the writer (the pure work overlaps the write
    /// transaction on another core), so memory stays flat however large the folder.
    ///
    /// - Parameters:
    ///   - shouldStop: checked between files; a stopped pass withdraws nothing, since it has
    ///     not seen the whole folder.
    ///   - read: reads one name; called on this thread for a batch (read whole before anything
    ///     is recorded), on the prefetcher's thread in the pass's order for a full pass.
    public func reconcile(names: [String], complete: Bool, shouldStop: () -> Bool = { false },
                          read: @escaping @Sendable (String) -> FileState) throws -> Summary {
        var summary = Summary()
        // A full pass compares with every active source; a batch only needs the state of its own
        // names (a vanished name and its renamed bytes arrive in the same batch), so a live change
        // costs the same however many readouts the log holds.
        var active: [String: String] = [:]
        if complete {
            active = try SourceState.activeSources(in: recorder.log)
        } else {
            for name in Set(names) {
                if let state = try SourceState.read(name, in: recorder.log), state.status == .active { active[name] = state.sha256 }
            }
        }
        var vanished: [String] = []
        var states: [String: FileState] = [:]
        if complete {
            let listed = Set(names)
            vanished = active.keys.filter { !listed.contains($0) }
        } else {
            // A batch is small: read it first, so a rename within it is seen from both ends.
            for name in Set(names) {
                let state = read(name)
                if case .missing = state {
                    if active[name] != nil { vanished.append(name) }
                } else {
                    states[name] = state
                }
            }
        }
        var renameFrom: [String: [String]] = [:]
        for name in vanished.sorted() { if let sha = active[name] { renameFrom[sha, default: []].append(name) } }

        var renamedAway = Set<String>()
        let order = complete ? names.sorted() : states.keys.sorted()
        let prefetcher = prefetch(order, preRead: states, active: active, renamedSHAs: Set(renameFrom.keys), read: read)
        defer { prefetcher.finish() }
        states = [:]
        // Readouts commit in batches (see `batchSize`); a stop request commits what the open
        // batch holds so far.
        try recorder.log.writeInBatches(count: order.count, size: Self.batchSize, time: Self.batchTime) { _ in
            if shouldStop() {
                summary.stopped = true
                return false
            }
            guard let file = prefetcher.next() else { return false }
            let name = file.name
            switch file.state {
            case .missing:
                if active[name] != nil { vanished.append(name) }
            case let .skipped(reason):
                summary.skipped += 1
                logger.warning("skipped \(name): \(reason)")
            case let .retry(reason):
                summary.retry.append(name)
                logger.debug("retrying \(name) after it settles: \(reason)")
            case let .readout(readout):
                try take(readout, sha: file.sha256 ?? SHA256.hex(readout.bytes), extracted: file.extracted, active: active,
                         renameFrom: &renameFrom, renamedAway: &renamedAway, summary: &summary)
            }
            return true
        }
        if summary.stopped { return summary }
        for name in vanished.sorted() where !renamedAway.contains(name) {
            if case let .withdrawn(retracted)? = try recorder.withdraw(name) {
                summary.withdrawn += 1
                logger.info("withdrawn \(name): \(retracted) facts retracted")
            }
        }
        return summary
    }

    /// Reads `order` (or takes a batch's files already read) and extracts the facts of each
    /// readout the writer will record, on the prefetcher's thread. Bytes an active source already
    /// holds under the same name, or that a vanished source held (a rename), are not extracted:
    /// the writer records no facts for them, and if it must after all, it extracts them itself.
    private func prefetch(_ order: [String], preRead: [String: FileState], active: [String: String], renamedSHAs: Set<String>,
                          read: @escaping @Sendable (String) -> FileState) -> Prefetcher<PrefetchedFile> {
        let extractor = recorder.extractor
        return Prefetcher(count: order.count, capacity: Self.prefetchCapacity) { index in
            let name = order[index]
            let state = preRead[name] ?? read(name)
            guard case let .readout(readout) = state else { return PrefetchedFile(name: name, state: state) }
            let sha = SHA256.hex(readout.bytes)
            if active[name] == sha || (active[name] == nil && renamedSHAs.contains(sha)) {
                return PrefetchedFile(name: name, state: state, sha256: sha)
            }
            return PrefetchedFile(name: name, state: state, sha256: sha, extracted: extractor.extractFacts(from: readout))
        }
    }

    private func take(_ readout: Readout, sha: String, extracted: ExtractedFacts?, active: [String: String],
                      renameFrom: inout [String: [String]], renamedAway: inout Set<String>, summary: inout Summary) throws {
        let name = readout.name
        if active[name] == sha {
            summary.unchanged += 1
            return
        }
        // A vanished name whose exact bytes show up under a new name is a rename, not new facts.
        if active[name] == nil, var sources = renameFrom[sha], let from = sources.first {
            sources.removeFirst()
            renameFrom[sha] = sources
            if try recorder.rename(from: from, to: name) != nil {
                renamedAway.insert(from)
                summary.renamed += 1
                logger.info("renamed \(from) -> \(name)")
                return
            }
        }
        switch try recorder.record(readout, extracted: extracted) {
        case let .added(facts):
            summary.added += 1
            logger.info("ingested \(name): \(facts) facts")
        case let .revised(asserted, retracted, kept):
            summary.revised += 1
            logger.info("revised \(name): \(asserted) facts asserted, \(retracted) retracted, \(kept) unchanged")
        case .unchanged:
            summary.unchanged += 1
        case .redacted:
            summary.skipped += 1
            logger.warning("skipped \(name): these bytes were redacted; they are not taken in again")
        case .renamed, .withdrawn:
            break
        }
    }
}
