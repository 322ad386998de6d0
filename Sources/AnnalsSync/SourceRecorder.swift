import AnnalsDigest
import AnnalsExtract
import AnnalsLog
import AnnalsProjections

/// Records what happens to readouts, each readout one (possibly nested) transaction, without
/// rewriting history: inside a caller's batch transaction it is a savepoint, undone alone on error.
///
/// New bytes under a new name are added with their facts; changed bytes under a known name are
/// a revision (facts the new text no longer supports are retracted, new ones asserted, unchanged
/// ones keep their ids); a vanished file is withdrawn with a retraction per live fact; the same
/// bytes under a new name are a rename with no fact churn. The same bytes again append nothing.
public struct SourceRecorder {
    /// What recording one readout did.
    public enum Outcome: Sendable, Equatable {
        case added(facts: Int)
        case revised(asserted: Int, retracted: Int, kept: Int)
        case renamed(from: String, facts: Int)
        case withdrawn(retracted: Int)
        case unchanged
        /// The bytes were redacted earlier; they are not taken in again.
        case redacted

        /// Whether the log grew.
        public var appended: Bool {
            switch self {
            case .unchanged, .redacted: return false
            default: return true
            }
        }
    }

    public let log: EventLog
    public let extractor: any FactExtracting
    public let readModels: (any ReadModelUpdating)?

    public init(log: EventLog, extractor: any FactExtracting, readModels: (any ReadModelUpdating)?) {
        self.log = log
        self.extractor = extractor
        self.readModels = readModels
    }

    /// Records a readout's current bytes under its name.
    ///
    /// - Parameter extracted: the facts of `readout` as this recorder's extractor gives them,
    ///   when a ``Prefetcher`` extracted them ahead of the write transaction (extraction is pure,
    ///   so the events are the same); nil extracts here, inside the transaction. Facts from
    ///   another extractor version are not used: they are extracted again.
    @discardableResult
    public func record(_ readout: Readout, extracted: ExtractedFacts? = nil) throws -> Outcome {
        let sha256 = SHA256.hex(readout.bytes)
        return try log.writeTransaction {
            let state = try SourceState.read(readout.name, in: log)
            if let state, state.sha256 == sha256 {
                switch state.status {
                case .active: return .unchanged
                case .redacted: return .redacted
                case .withdrawn, .renamedAway: break
                }
            }
            let extracted = usable(extracted, for: readout) ?? extractor.extractFacts(from: readout)
            let isRevision = state?.status == .active
            let content = SourceEvents.Content(
                name: readout.name, size: readout.bytes.count, sha256: sha256, published: extracted.published,
                previousSHA256: isRevision ? state?.sha256 : nil, text: readout.text, extractor: extracted.extractor)
            let diff = try appendDiff(content: content, previous: isRevision ? state?.facts ?? [] : [], extracted: extracted,
                                      reason: "source revised") { isRevision ? SourceEvents.revised($0) : SourceEvents.added($0) }
            return isRevision
                ? .revised(asserted: diff.asserted, retracted: diff.retracted, kept: diff.kept)
                : .added(facts: diff.asserted)
        }
    }

    /// Facts extracted ahead of time, when they were made for these bytes by this recorder's
    /// extractor (by ``FactExtracting/version``, which the extractor also writes into every fact's payload).
    private func usable(_ extracted: ExtractedFacts?, for readout: Readout) -> ExtractedFacts? {
        guard let extracted, extracted.extractor == extractor.version else { return nil }
        return extracted
    }

    /// Runs the current extractor on a source's stored text and appends the difference:
    /// `SourceReextracted` listing the facts it now supports, retractions and new facts.
    /// Returns nil when the name is not active, or nothing changed (then nothing is appended).
    public func reextract(_ readout: Readout, dryRun: Bool = false) throws -> (asserted: Int, retracted: Int, kept: Int)? {
        try log.writeTransaction {
            guard let state = try SourceState.read(readout.name, in: log), state.status == .active else { return nil }
            let extracted = extractor.extractFacts(from: readout)
            let newIDs = Set(extracted.facts.map(\.id))
            if newIDs == Set(state.facts.map(\.id)) { return nil }
            if dryRun {
                let oldIDs = Set(state.facts.map(\.id))
                return (newIDs.subtracting(oldIDs).count, oldIDs.subtracting(newIDs).count, oldIDs.intersection(newIDs).count)
            }
            let content = SourceEvents.Content(
                name: readout.name, size: readout.bytes.count, sha256: state.sha256, published: extracted.published,
                text: nil, extractor: extracted.extractor)
            let diff = try appendDiff(content: content, previous: state.facts, extracted: extracted,
                                      reason: "re-extracted by \(extracted.extractor)", makeEvent: SourceEvents.reextracted)
            return (diff.asserted, diff.retracted, diff.kept)
        }
    }

    /// Appends a source event listing the facts `extracted` supports, a retraction for each
    /// fact of `previous` it no longer supports, and the facts that are new; unchanged facts keep
    /// their ids and are not asserted again.
    private func appendDiff(content: SourceEvents.Content, previous: [SourceEvents.FactRef], extracted: ExtractedFacts,
                            reason: String, makeEvent: (SourceEvents.Content) -> NewEvent) throws -> (asserted: Int, retracted: Int, kept: Int) {
        var seen = Set<String>()
        let facts = extracted.facts.filter { seen.insert($0.id).inserted }
        let newIDs = Set(facts.map(\.id))
        let kept = previous.filter { newIDs.contains($0.id) }
        let keptIDs = Set(kept.map(\.id))
        let retracted = previous.filter { !newIDs.contains($0.id) }
        let asserted = facts.filter { !keptIDs.contains($0.id) }

        // Inside the write transaction the next seqs are ours: the source event, then the
        // retractions, then the new facts.
        let head = try log.head()?.seq ?? 0
        let firstFactSeq = head + 2 + Int64(retracted.count)
        var refs = kept
        for (offset, fact) in asserted.enumerated() {
            refs.append(SourceEvents.FactRef(id: fact.id, seq: firstFactSeq + Int64(offset), stream: fact.event.stream,
                                             type: fact.event.type, validOn: fact.event.validOn))
        }
        refs.sort { $0.id < $1.id }
        var content = content
        content.facts = refs
        var events = [makeEvent(content)]
        events += retracted.map { retraction(of: $0, source: content.name, reason: reason) }
        events += asserted.map(\.event)
        let recorded = try log.insert(events, expecting: [:])
        try readModels?.apply(recorded)
        return (asserted.count, retracted.count, kept.count)
    }

    /// Withdraws a source whose file left the folder: `SourceWithdrawn` and a retraction per live fact.
    /// Returns nil when the name is not an active source.
    @discardableResult
    public func withdraw(_ name: String, reason: String = "file removed from the watched folder") throws -> Outcome? {
        try log.writeTransaction {
            guard let state = try SourceState.read(name, in: log), state.status == .active else { return nil }
            var events = [SourceEvents.withdrawn(.init(name: name, sha256: state.sha256, reason: reason))]
            events += state.facts.map { retraction(of: $0, source: name, reason: "source withdrawn") }
            let recorded = try log.insert(events, expecting: [:])
            try readModels?.apply(recorded)
            return .withdrawn(retracted: state.facts.count)
        }
    }

    /// Records that the bytes of active source `from` now live under `to`; facts stay live.
    /// Returns nil when `from` is not active or `to` is already an active source.
    @discardableResult
    public func rename(from: String, to: String) throws -> Outcome? {
        try log.writeTransaction {
            guard let state = try SourceState.read(from, in: log), state.status == .active else { return nil }
            if let target = try SourceState.read(to, in: log), target.status == .active { return nil }
            let event = SourceEvents.renamed(.init(from: from, to: to, sha256: state.sha256, facts: state.facts))
            let recorded = try log.insert([event], expecting: [:])
            try readModels?.apply(recorded)
            return .renamed(from: from, facts: state.facts.count)
        }
    }

    private func retraction(of fact: SourceEvents.FactRef, source: String, reason: String) -> NewEvent {
        SourceEvents.retracted(.init(fact: fact.id, source: source, reason: reason, asserted: fact.seq),
                               stream: fact.stream, validOn: fact.validOn)
    }
}
