import AnnalsLog

/// The measurements of the real log, on the same workload as `RawSQLite`.
enum LogBench {
    /// Appends the workload through `EventLog.append(_:expecting:within:)`, `batch` events per call
    /// (one transaction each), with the expected version of every stream in the batch checked;
    /// returns seconds.
    static func append(_ workload: Workload, into path: String, batch: Int) throws -> Double {
        let log = try EventLog(path: path)
        // Build the batches and their expectations before the clock starts: callers have their
        // events in hand when they append.
        var batches: [([NewEvent], [String: ExpectedVersion])] = []
        var seen: [String: Int64] = [:]
        for first in stride(from: 0, to: workload.events.count, by: batch) {
            var events: [NewEvent] = []
            events.reserveCapacity(batch)
            var expecting: [String: ExpectedVersion] = [:]
            for event in workload.events[first..<min(first + batch, workload.events.count)] {
                if expecting[event.stream] == nil {
                    let current = seen[event.stream, default: 0]
                    expecting[event.stream] = current == 0 ? .noStream : .exact(current)
                }
                seen[event.stream] = event.version
                events.append(NewEvent(stream: event.stream, type: event.type, schema: 1, validOn: event.validOn,
                                       payload: event.payload))
            }
            batches.append((events, expecting))
        }
        let start = monotonicSeconds()
        for (events, expecting) in batches {
            try log.append(events, expecting: expecting)
        }
        return monotonicSeconds() - start
    }

    /// Streams the whole log through `forEachEvent`, decoding nothing but touching every payload
    /// byte (as the raw scan does); returns (seconds, events).
    static func scan(_ path: String) throws -> (seconds: Double, events: Int, checksum: UInt64) {
        let log = try EventLog(path: path, access: .readOnly)
        let start = monotonicSeconds()
        var count = 0
        var sum: UInt64 = 0
        try log.forEachEvent { event in
            count += 1
            if let payload = event.payload {
                payload.withUnsafeBufferPointer { sum &+= byteSum($0.baseAddress!, $0.count) }
            }
        }
        return (monotonicSeconds() - start, count, sum)
    }

    /// INTEGRATION POINT (issue 7, projections' Replay): rebuild every projection from the log at
    /// `path`, payloads decoded, and return (seconds, events). Returns nil until `Replay` is merged
    /// into main; then add "AnnalsProjections" to annals-bench's dependencies in Package.swift and
    /// call it here. `scripts/bench` reports `replay_events_per_s` as null (with this reason) while
    /// this returns nil.
    static func replay(_ path: String) throws -> (seconds: Double, events: Int)? {
        nil
    }

    static let replayPendingReason = "projections' Replay not merged yet (LogBench.replay is the integration point)"

    /// Returns a closure that loads one stream through `events(inStream:)` and gives the seconds taken.
    static func streamReader(_ path: String) throws -> (String) throws -> Double {
        let log = try EventLog(path: path, access: .readOnly)
        return { stream in
            let start = monotonicSeconds()
            let events = try log.events(inStream: stream)
            let seconds = monotonicSeconds() - start
            precondition(events.count == Workload.eventsPerStream, "stream \(stream) has \(events.count) events")
            return seconds
        }
    }
}
