import AnnalsLog
import Foundation

extension ReplayFold {
    /// Folds the log through `through` and digests it on two threads: the calling thread reads
    /// the log, parses each fact and makes its row (`makeRow`: work that depends on the fact
    /// alone); another thread encodes the rows (`ReplayArenas`) and folds them (withdrawals,
    /// retractions, counts). Then both digest the finished fold, meetings and documents here,
    /// the rest there. The halves take about as long, so on two cores a replay takes about
    /// the longer one.
    ///
    /// The calling thread keeps the database connection (inside the caller's read transaction);
    /// only rows and owned events cross to the folding thread, and the finished fold back.
    static func digests(of log: EventLog, through: Int64, ranking: LevelRanking,
                        progress: (Int64, Int64) -> Void) throws -> [(name: ProjectionName, hex: String, rows: Int)] {
        let channel = ReplayChannel()
        // The folding thread; it ends once it has handed back the fold and its digests.
        let thread = Thread {
            var fold = ReplayFold(ranking: ranking, expecting: Int(through))
            while let batch = channel.receive() {
                for item in batch { fold.apply(item) }
            }
            guard !channel.failed else {
                channel.share(nil)
                return channel.deliver([])
            }
            var shared: SharedFold? = SharedFold(fold)
            channel.share(shared)
            let digests = shared?.fold.digests(of: foldingThreadsShare) ?? []
            shared = nil
            channel.deliver(digests)
        }
        thread.name = "annals-replay-fold"
        thread.start()

        let batchSize = 1024
        var batch: [ReplayItem] = []
        batch.reserveCapacity(batchSize)
        do {
            try log.forEachEventRow(through: through) { row in
                if let item = ReplayFold.item(row) { batch.append(item) }
                if batch.count == batchSize {
                    channel.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
                let seq = row.seq
                if seq % 20_000 == 0 { progress(seq, through) }
            }
        } catch {
            channel.finish(failed: true)
            _ = channel.awaitFold()
            _ = channel.awaitDigests()
            throw error
        }
        if !batch.isEmpty { channel.send(batch) }
        channel.finish(failed: false)
        // The fold is freed on this thread, which allocated its rows, once both are done.
        let shared = channel.awaitFold()
        let mine = shared?.fold.digests(of: readingThreadsShare) ?? []
        let theirs = channel.awaitDigests()
        withExtendedLifetime(shared) {}
        return ProjectionName.allCases.compactMap { name in (mine + theirs).first { $0.name == name } }
    }

    /// The projections the reading thread digests once the fold is done (about half the work).
    static let readingThreadsShare: [ProjectionName] = [.meetings, .documents]
    /// The rest, digested by the folding thread.
    static let foldingThreadsShare = ProjectionName.allCases.filter { !readingThreadsShare.contains($0) }

    /// What a borrowed row gives the fold: a fact's row (`makeRow`); a whole event for other
    /// known types; nothing for unknown types or payloads that are not facts (as `apply(_:)`
    /// ignores them).
    static func item(_ row: EventRowView) -> ReplayItem? {
        guard let type = row.withType({ EventType(utf8: $0) }) else { return nil }
        guard type.assertsFact else { return .event(row.recordedEvent()) }
        let schema = row.schema
        let fact = row.withPayload { payload in
            payload.flatMap { ReplayFold.fact(from: $0.bindMemory(to: UInt8.self), type: type, schema: schema) }
        }
        guard let fact else { return nil }
        return .fact(makeRow(fact, seq: row.seq, eventType: type))
    }

    /// Folds one item from `item(_:encodingInto:)`.
    mutating func apply(_ item: ReplayItem) {
        switch item {
        case let .fact(row):
            arenas.encode(row)
            insert(row)
        case let .event(event): apply(event)
        }
    }
}
