import AnnalsLog
import Foundation

extension ReplayFold {
    /// Folds the log through `through` and digests it, reading and parsing payloads on the
    /// calling thread while another thread folds and digests: the two halves of the work take
    /// about the same time, so on two cores a replay takes about the longer one.
    ///
    /// The calling thread keeps the database connection (inside the caller's read transaction);
    /// only parsed facts and owned events cross to the folding thread, in batches.
    static func digests(of log: EventLog, through: Int64, ranking: LevelRanking,
                        progress: (Int64, Int64) -> Void) throws -> [(name: ProjectionName, hex: String, rows: Int)] {
        let channel = ReplayChannel()
        let thread = Thread {
            var fold = ReplayFold(ranking: ranking, expecting: Int(through))
            while let batch = channel.receive() {
                for item in batch { fold.apply(item) }
            }
            channel.deliver(fold.digests())
        }
        thread.name = "annals-replay-fold"
        thread.start()

        let batchSize = 1024
        var batch: [ReplayItem] = []
        batch.reserveCapacity(batchSize)
        do {
            defer { channel.finish() }
            try log.forEachEventRow(through: through) { row in
                if let item = ReplayFold.item(row) { batch.append(item) }
                if batch.count == batchSize {
                    channel.send(batch)
                    batch.removeAll(keepingCapacity: true)
                }
                let seq = row.seq
                if seq % 20_000 == 0 { progress(seq, through) }
            }
            if !batch.isEmpty { channel.send(batch) }
        }
        return channel.awaitDigests()
    }

    /// What a borrowed row gives the fold: a parsed fact, a whole event for other known types,
    /// nothing for unknown types or payloads that are not facts (as `apply(_:)` ignores them).
    static func item(_ row: EventRowView) -> ReplayItem? {
        guard let type = row.withType({ EventType(utf8: $0) }) else { return nil }
        guard type.assertsFact else { return .event(row.recordedEvent()) }
        let schema = row.schema
        let fact = row.withPayload { payload in
            payload.flatMap { ReplayFold.fact(from: $0.bindMemory(to: UInt8.self), type: type, schema: schema) }
        }
        return fact.map { .fact(seq: row.seq, type: type, $0) }
    }

    /// Folds one item from `item(_:)`.
    mutating func apply(_ item: ReplayItem) {
        switch item {
        case let .fact(seq, type, fact): insertFact(fact, seq: seq, eventType: type)
        case let .event(event): apply(event)
        }
    }
}
